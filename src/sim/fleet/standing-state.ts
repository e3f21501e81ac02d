import type { Random } from "../random.ts";
import type { RoadNetwork } from "../road-network.ts";
import { planRoute } from "../route.ts";
import { resolveVehicleSpec, type VehicleSpec, type VehicleState } from "../vehicle.ts";
import { stateAtEntry } from "../world.ts";

/**
 * A vehicle standing at the start of its route, as World places it when it departs: front bumper
 * one vehicle length along its first lane, the lane chosen from the vehicle's own stream exactly as
 * World chooses it. `random` is the scenario's root stream.
 */
export function entryState(network: RoadNetwork, vehicle: VehicleSpec, random: Random, odometer = 0): VehicleState {
  const spec = resolveVehicleSpec(vehicle);
  const path = planRoute(network, spec.route, random.fork(`vehicle:${spec.id}`), spec.driver.lateralAcceleration);
  return stateAtEntry(network, spec, path, odometer);
}

/** The vehicle stopped where `last` left it: after its route ended, it stays there. */
export function parkedState(last: VehicleState): VehicleState {
  return { ...last, speed: 0, acceleration: 0, yawRate: 0 };
}
