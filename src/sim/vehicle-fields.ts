import type { AccelerationSet4Way, VehicleClassification, VehicleSize } from "../schema/gen/v2xh/csae53/v1/index.ts";
import type { VehicleState } from "./vehicle.ts";
import { toCentimetres, toWireAcceleration, toWireYawRate } from "./wire-units.ts";

// The vehicle data frames BSM and RSM share, from a vehicle's state.

export function accelerationSet(state: VehicleState): AccelerationSet4Way {
  return {
    lon: toWireAcceleration(state.acceleration),
    // Centripetal acceleration v·ω, positive to the right like the clockwise-positive yaw rate.
    lat: toWireAcceleration((state.speed * state.yawRate * Math.PI) / 180),
    vert: 0,
    yaw: toWireYawRate(state.yawRate),
  };
}

export function vehicleSize(state: VehicleState): VehicleSize {
  const { size } = state.spec;
  return { width: toCentimetres(size.width, 1023), length: toCentimetres(size.length, 4095), height: Math.min(127, Math.round(size.height / 0.05)) };
}

export function vehicleClassification(state: VehicleState): VehicleClassification {
  return { classification: state.spec.vehicleClass, fuelType: state.spec.fuelType };
}
