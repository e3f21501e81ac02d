/** One sample of a curve: time in ms and value. */
export interface CurvePoint {
  readonly t: number;
  readonly v: number;
}

/**
 * The indices of the points that a Ramer–Douglas–Peucker simplification keeps (VISS v2 Core,
 * Curve logging): the first and last always, and between them every point that lies more than
 * `maxerr` away from the line through the points kept around it. The distance is measured along
 * the value axis (the line's value at the point's time), because time and value have different
 * units and a perpendicular distance would mix them.
 */
export function simplifyCurve(points: readonly CurvePoint[], maxerr: number): number[] {
  if (points.length <= 2) return points.map((_, i) => i);
  const keep = new Set<number>([0, points.length - 1]);
  const spans: [number, number][] = [[0, points.length - 1]];
  for (let span = spans.pop(); span !== undefined; span = spans.pop()) {
    const [first, last] = span;
    let farthest = -1;
    let largest = maxerr;
    for (let i = first + 1; i < last; i++) {
      const error = offLine(at(points, first), at(points, last), at(points, i));
      if (error > largest) [farthest, largest] = [i, error];
    }
    if (farthest < 0) continue;
    keep.add(farthest);
    spans.push([first, farthest], [farthest, last]);
  }
  return [...keep].sort((a, b) => a - b);
}

function at(points: readonly CurvePoint[], i: number): CurvePoint {
  const point = points[i];
  if (point === undefined) throw new RangeError(`no point ${i}`);
  return point;
}

/** How far `p` lies from the line through `a` and `b`, along the value axis. */
function offLine(a: CurvePoint, b: CurvePoint, p: CurvePoint): number {
  const line = b.t === a.t ? a.v : a.v + ((b.v - a.v) * (p.t - a.t)) / (b.t - a.t);
  return Math.abs(p.v - line);
}
