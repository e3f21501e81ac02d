/** Positions in CSAE 53 wire units (1e-7 degree) and the distances between them. */
export interface WirePosition {
  readonly lat: number;
  readonly lon: number;
}

const METRES_PER_DEGREE = 111_320;

/** Horizontal distance between two nearby positions, m (equirectangular; exact enough within a few km). */
export function distance(a: WirePosition, b: WirePosition): number {
  const north = ((b.lat - a.lat) / 1e7) * METRES_PER_DEGREE;
  const east = ((b.lon - a.lon) / 1e7) * METRES_PER_DEGREE * Math.cos((a.lat / 1e7) * (Math.PI / 180));
  return Math.hypot(north, east);
}

type Offset = Partial<Record<"positionLl1" | "positionLl2" | "positionLl3" | "positionLl4" | "positionLl5" | "positionLl6" | "positionLatLon", WirePosition>>;

/** The absolute position of a PositionOffsetLL from `ref`. */
export function offsetPosition(ref: WirePosition, offset: Offset): WirePosition {
  if (offset.positionLatLon !== undefined) return offset.positionLatLon;
  const delta = Object.values(offset).find((value) => value !== undefined);
  if (delta === undefined) throw new Error("an empty PositionOffsetLL");
  return { lat: ref.lat + delta.lat, lon: ref.lon + delta.lon };
}

/** ms from secMark `a` to secMark `b`, across the minute boundary. */
export function secMarkSpan(a: number, b: number): number {
  return (((b - a) % 60000) + 60000) % 60000;
}
