import { ElevationConfidence, PositionConfidence, type Position3D, type PositionConfidenceSet } from "../schema/gen/v2xh/csae53/v1/index.ts";
import { normalizeDegrees, type GeoPoint } from "./geo.ts";

// SI values in, the standards' integer units out. Each clamps to the valid range of its element,
// keeping clear of the "unavailable" sentinel.

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** Latitude in 1e-7 degree (CSAE 53 Latitude). */
export function toWireLatitude(degrees: number): number {
  return clamp(Math.round(degrees * 1e7), -900000000, 900000000);
}

/** Longitude in 1e-7 degree (CSAE 53 Longitude). */
export function toWireLongitude(degrees: number): number {
  return clamp(Math.round(degrees * 1e7), -1799999999, 1800000000);
}

/** Elevation in 0.1 m (CSAE 53 Elevation; -4096 is "unknown", so the floor is -4095). */
export function toWireElevation(metres: number): number {
  return clamp(Math.round(metres * 10), -4095, 61439);
}

/** A Position3D; elevation only when the point has one. */
export function toPosition3D(point: GeoPoint): Position3D {
  return {
    lat: toWireLatitude(point.lat),
    lon: toWireLongitude(point.lon),
    ...(point.elevation === undefined ? {} : { elevation: toWireElevation(point.elevation) }),
  };
}

/** Heading in 0.0125 degree clockwise from north, 0..28799 (CSAE 53 Heading). */
export function toWireHeading(degrees: number): number {
  return Math.round(normalizeDegrees(degrees) / 0.0125) % 28800;
}

/** Speed in 0.02 m/s; 8191 is "unavailable", so the ceiling is 8190 (CSAE 53 Speed). */
export function toWireSpeed(metresPerSecond: number): number {
  return clamp(Math.round(metresPerSecond / 0.02), 0, 8190);
}

/** Acceleration in 0.01 m/s², saturating at ±2000 (CSAE 53 Acceleration). */
export function toWireAcceleration(metresPerSecond2: number): number {
  return clamp(Math.round(metresPerSecond2 * 100), -2000, 2000);
}

/** Yaw rate in 0.01 degree/s, clockwise positive (CSAE 53 YawRate). */
export function toWireYawRate(degreesPerSecond: number): number {
  return clamp(Math.round(degreesPerSecond * 100), -32767, 32767);
}

/** A length in centimetres (LaneWidth, VehicleWidth, VehicleLength). */
export function toCentimetres(metres: number, max: number): number {
  return clamp(Math.round(metres * 100), 0, max);
}

/** A duration in 0.1 s, rounded up so a running countdown never reads 0 (CSAE 53 TimeMark; 36000 = "over an hour"). */
export function toTimeMark(milliseconds: number): number {
  return clamp(Math.ceil(milliseconds / 100), 0, 36000);
}

/** Milliseconds within the UTC minute (CSAE 53 DSecond). Unix time has no leap seconds, so this is exact. */
export function secMark(epochMs: number): number {
  return ((Math.floor(epochMs) % 60000) + 60000) % 60000;
}

/** Whole minutes since the start of the UTC year (CSAE 53 MinuteOfTheYear). */
export function minuteOfTheYear(epochMs: number): number {
  const yearStart = Date.UTC(new Date(epochMs).getUTCFullYear(), 0, 1);
  return Math.floor((epochMs - yearStart) / 60000);
}

// PositionConfidence classes from coarse to fine, as 95 % radii in m.
const POSITION_CLASSES: readonly [number, PositionConfidence][] = [
  [500, PositionConfidence.A500M],
  [200, PositionConfidence.A200M],
  [100, PositionConfidence.A100M],
  [50, PositionConfidence.A50M],
  [20, PositionConfidence.A20M],
  [10, PositionConfidence.A10M],
  [5, PositionConfidence.A5M],
  [2, PositionConfidence.A2M],
  [1, PositionConfidence.A1M],
  [0.5, PositionConfidence.A50CM],
  [0.2, PositionConfidence.A20CM],
  [0.1, PositionConfidence.A10CM],
  [0.05, PositionConfidence.A5CM],
  [0.02, PositionConfidence.A2CM],
  [0.01, PositionConfidence.A1CM],
];

/** The accuracy classes of a position known to within `accuracy` m (95 %); elevation to 2 m. */
export function positionConfidence(accuracy: number): PositionConfidenceSet {
  let pos: PositionConfidence = PositionConfidence.UNAVAILABLE;
  for (const [radius, value] of POSITION_CLASSES) if (accuracy <= radius) pos = value;
  return { pos, elevation: ElevationConfidence.ELEV_002_00 };
}
