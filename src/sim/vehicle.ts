import { LightState } from "../schema/gen/v2xh/csae53/v1/index.ts";
import type { Enu, GeoPoint } from "./geo.ts";
import { DEFAULT_DRIVER, type DriverSpec } from "./idm.ts";
import type { Path, RouteSpec } from "./route.ts";
import { SpecError } from "./spec-error.ts";

/** Outer dimensions, m. */
export interface VehicleSizeSpec {
  readonly length: number;
  readonly width: number;
  readonly height: number;
}

/** One simulated vehicle. */
export interface VehicleSpec {
  /** Unique within the scenario; names the vehicle's random stream, so it fixes its BSM id and lane choices. */
  readonly id: string;
  readonly route: RouteSpec;
  /** When the vehicle enters its first link, s after the world starts. Default: 0. */
  readonly departAt?: number;
  /** Cruising speed, m/s; the link's speed limit caps it. */
  readonly desiredSpeed: number;
  /** Default: 4.6 × 1.85 × 1.5 m, a mid-size car. */
  readonly size?: Partial<VehicleSizeSpec>;
  /** CSAE 53 BasicVehicleClass (J2735 list). Default: 10, passenger vehicle. */
  readonly vehicleClass?: number;
  /** CSAE 53 FuelType. Default: 4, electric. */
  readonly fuelType?: number;
  /** Driver behaviour; unset fields take DEFAULT_DRIVER's values. */
  readonly driver?: Partial<DriverSpec>;
  /** After the last link, start the route again (true) or leave the world (false). Default: false. */
  readonly loop?: boolean;
}

/** A VehicleSpec with every default filled in. */
export interface ResolvedVehicleSpec {
  readonly id: string;
  readonly route: RouteSpec;
  readonly departAt: number;
  readonly desiredSpeed: number;
  readonly size: VehicleSizeSpec;
  readonly vehicleClass: number;
  readonly fuelType: number;
  readonly driver: DriverSpec;
  readonly loop: boolean;
}

export const DEFAULT_VEHICLE_SIZE: VehicleSizeSpec = { length: 4.6, width: 1.85, height: 1.5 };

export function resolveVehicleSpec(spec: VehicleSpec): ResolvedVehicleSpec {
  const resolved = {
    id: spec.id,
    route: spec.route,
    departAt: spec.departAt ?? 0,
    desiredSpeed: spec.desiredSpeed,
    size: { ...DEFAULT_VEHICLE_SIZE, ...spec.size },
    vehicleClass: spec.vehicleClass ?? 10,
    fuelType: spec.fuelType ?? 4,
    driver: { ...DEFAULT_DRIVER, ...spec.driver },
    loop: spec.loop ?? false,
  };
  if (!(resolved.desiredSpeed > 0)) throw new SpecError(`vehicle ${spec.id}.desiredSpeed`, "a speed > 0 m/s", String(spec.desiredSpeed));
  for (const [name, value] of Object.entries(resolved.size)) {
    if (!(value > 0)) throw new SpecError(`vehicle ${spec.id}.size.${name}`, "a length > 0 m", String(value));
  }
  return resolved;
}

/** A vehicle as it is after a world step. */
export interface VehicleState {
  readonly id: string;
  readonly spec: ResolvedVehicleSpec;
  readonly path: Path;
  /** Distance of the front bumper along the path, m. */
  readonly s: number;
  /** m/s */
  readonly speed: number;
  /** Longitudinal acceleration over the last step, m/s². */
  readonly acceleration: number;
  /** Degrees clockwise from north. */
  readonly heading: number;
  /** Degrees per second, clockwise positive. */
  readonly yawRate: number;
  /** Centre of the vehicle in the network's local frame. */
  readonly position: Enu;
  /** Centre of the vehicle, WGS-84. */
  readonly geo: Required<GeoPoint>;
  /** Distance driven since the vehicle first departed, m (laps included). */
  readonly odometer: number;
}

const GREEN: ReadonlySet<LightState> = new Set([LightState.PROTECTED_GREEN, LightState.PERMISSIVE_GREEN, LightState.FLASHING_GREEN, LightState.FLASHING_YELLOW]);

/**
 * Whether a driver stops at a stop line `distance` m ahead, at `speed`, facing `light` that
 * changes in `untilChange` s. Green: go. Yellow: stop if the braking needed is comfortable, else
 * go if the line is reached before the red at the present speed, else stop anyway. Anything else
 * (red, flashing red, dark, unavailable): stop.
 */
export function stopsAtLine(light: LightState, untilChange: number, distance: number, speed: number, comfortableDeceleration: number): boolean {
  if (GREEN.has(light)) return false;
  if (light !== LightState.YELLOW) return true;
  if (speed * speed <= 2 * comfortableDeceleration * distance) return true;
  return distance > speed * untilChange;
}
