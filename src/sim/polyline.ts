import { headingOf, type Enu } from "./geo.ts";

/** Where a point at some distance along a polyline is, and which way the line runs there. */
export interface PointOnLine {
  readonly position: Enu;
  /** Degrees clockwise from north. */
  readonly heading: number;
}

/** A line through local ENU points, measured by horizontal distance from its first point. */
export class Polyline {
  readonly points: readonly Enu[];
  /** Distance from the first point to each point, m. */
  private readonly cumulative: readonly number[];

  constructor(points: readonly Enu[]) {
    if (points.length < 2) throw new RangeError(`Polyline: expected at least 2 points, got ${points.length}`);
    this.points = points;
    const cumulative = [0];
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1] as Enu;
      const b = points[i] as Enu;
      cumulative.push((cumulative[i - 1] as number) + Math.hypot(b.east - a.east, b.north - a.north));
    }
    this.cumulative = cumulative;
  }

  get length(): number {
    return this.cumulative[this.cumulative.length - 1] as number;
  }

  get start(): Enu {
    return this.points[0] as Enu;
  }

  get end(): Enu {
    return this.points[this.points.length - 1] as Enu;
  }

  /** Heading of the first segment. */
  get startHeading(): number {
    return this.segmentHeading(0);
  }

  /** Heading of the last segment. */
  get endHeading(): number {
    return this.segmentHeading(this.points.length - 2);
  }

  /** The point `distance` m along the line, clamped to its ends. */
  at(distance: number): PointOnLine {
    const s = Math.min(Math.max(distance, 0), this.length);
    let i = 0;
    let hi = this.points.length - 2;
    // Binary search for the segment [i, i+1] holding s.
    while (i < hi) {
      const mid = (i + hi + 1) >> 1;
      if ((this.cumulative[mid] as number) <= s) i = mid;
      else hi = mid - 1;
    }
    const a = this.points[i] as Enu;
    const b = this.points[i + 1] as Enu;
    const segment = (this.cumulative[i + 1] as number) - (this.cumulative[i] as number);
    const t = segment === 0 ? 0 : (s - (this.cumulative[i] as number)) / segment;
    return {
      position: { east: a.east + t * (b.east - a.east), north: a.north + t * (b.north - a.north), up: a.up + t * (b.up - a.up) },
      heading: headingOf(b.east - a.east, b.north - a.north),
    };
  }

  /**
   * The line moved sideways by `distance` m (positive to the right of the direction of travel).
   * Inner corners move along the bisector so both neighbouring segments stay at that distance.
   */
  offset(distance: number): Polyline {
    const n = this.points.length;
    const normals: { east: number; north: number }[] = [];
    for (let i = 0; i < n - 1; i++) {
      const a = this.points[i] as Enu;
      const b = this.points[i + 1] as Enu;
      const len = Math.hypot(b.east - a.east, b.north - a.north);
      // The right-hand normal of direction (e, n) is (n, -e).
      normals.push({ east: (b.north - a.north) / len, north: -(b.east - a.east) / len });
    }
    const shifted = this.points.map((p, i) => {
      const before = normals[Math.max(0, i - 1)] as (typeof normals)[number];
      const after = normals[Math.min(n - 2, i)] as (typeof normals)[number];
      const e = before.east + after.east;
      const no = before.north + after.north;
      const len = Math.hypot(e, no);
      // |bisector| = 2·cos(half turn angle); dividing by its projection keeps the perpendicular distance.
      const scale = (distance * 2) / (len * len);
      return { east: p.east + e * scale, north: p.north + no * scale, up: p.up };
    });
    return new Polyline(shifted);
  }

  private segmentHeading(i: number): number {
    const a = this.points[i] as Enu;
    const b = this.points[i + 1] as Enu;
    return headingOf(b.east - a.east, b.north - a.north);
  }
}

/**
 * A smooth path from the end of one lane to the start of the next: a quadratic Bézier curve whose
 * control point is where the two lanes' directions cross, or a straight line when they do not
 * cross ahead (straight on, or parallel), sampled into `samples` segments.
 */
export function connectorBetween(from: Enu, fromHeading: number, to: Enu, toHeading: number, samples = 8): Polyline {
  const d1 = unit(fromHeading);
  const d2 = unit(toHeading);
  const cross = d1.east * d2.north - d1.north * d2.east;
  const dx = to.east - from.east;
  const dy = to.north - from.north;
  if (Math.abs(cross) < 1e-3) return new Polyline([from, to]);
  // Solve from + t1·d1 = to + t2·d2.
  const t1 = (dx * d2.north - dy * d2.east) / cross;
  const t2 = (dx * d1.north - dy * d1.east) / cross;
  if (t1 <= 0 || t2 >= 0) return new Polyline([from, to]);
  const control = { east: from.east + t1 * d1.east, north: from.north + t1 * d1.north };
  const points: Enu[] = [];
  for (let i = 0; i <= samples; i++) {
    const t = i / samples;
    const w0 = (1 - t) * (1 - t);
    const w1 = 2 * t * (1 - t);
    const w2 = t * t;
    points.push({
      east: w0 * from.east + w1 * control.east + w2 * to.east,
      north: w0 * from.north + w1 * control.north + w2 * to.north,
      up: from.up + t * (to.up - from.up),
    });
  }
  return new Polyline(points);
}

function unit(heading: number): { east: number; north: number } {
  const rad = (heading * Math.PI) / 180;
  return { east: Math.sin(rad), north: Math.cos(rad) };
}
