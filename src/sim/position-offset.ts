import type { Position3D, PositionOffsetLL, PositionOffsetLLV, VerticalOffset } from "../schema/gen/v2xh/csae53/v1/index.ts";

// Half-ranges of OffsetLL-B12 … B24: each alternative's components run from -2^(n-1) to 2^(n-1)-1.
const HORIZONTAL = [
  ["positionLl1", 2048],
  ["positionLl2", 8192],
  ["positionLl3", 32768],
  ["positionLl4", 131072],
  ["positionLl5", 2097152],
  ["positionLl6", 8388608],
] as const;

// VertOffset-B07 … B12. The lowest value of each means "unavailable" and ±(half-range - 1) mean
// "that far or further", so an exact offset must stay strictly inside.
const VERTICAL = [
  ["offset1", 64],
  ["offset2", 128],
  ["offset3", 256],
  ["offset4", 512],
  ["offset5", 1024],
  ["offset6", 2048],
] as const;

const fits = (value: number, half: number): boolean => value >= -half && value < half;

/**
 * `point` as an offset from `ref` (both in wire units), in the smallest PositionOffsetLL alternative
 * that holds it exactly; beyond ±0.84 degree, the absolute position. The vertical part is present
 * when both have an elevation.
 */
export function positionOffset(ref: Position3D, point: Position3D): PositionOffsetLLV {
  const offsetV = verticalOffset(ref.elevation, point.elevation);
  return { offsetLL: horizontalOffset(ref, point), ...(offsetV === undefined ? {} : { offsetV }) };
}

function horizontalOffset(ref: Position3D, point: Position3D): PositionOffsetLL {
  const lon = point.lon - ref.lon;
  const lat = point.lat - ref.lat;
  for (const [alternative, half] of HORIZONTAL) {
    if (fits(lon, half) && fits(lat, half)) return { [alternative]: { lon, lat } } as PositionOffsetLL;
  }
  return { positionLatLon: { lon: point.lon, lat: point.lat } };
}

function verticalOffset(refElevation: number | undefined, elevation: number | undefined): VerticalOffset | undefined {
  if (refElevation === undefined || elevation === undefined) return undefined;
  const delta = elevation - refElevation;
  for (const [alternative, half] of VERTICAL) {
    if (Math.abs(delta) < half - 1) return { [alternative]: delta } as VerticalOffset;
  }
  return { elevation };
}
