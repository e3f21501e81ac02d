import type { Random } from "../random.ts";
import type { RoadNetwork } from "../road-network.ts";
import { planRoute, pointOnPath } from "../route.ts";
import { resolveVehicleSpec, type VehicleSpec, type VehicleState } from "../vehicle.ts";

/**
 * A vehicle standing at the start of its route, as World places it when it departs: front bumper
 * one vehicle length along its first lane, the lane chosen from the vehicle's own stream exactly as
 * World chooses it. `random` is the scenario's root stream.
 */
export function entryState(network: RoadNetwork, vehicle: VehicleSpec, random: Random, odometer = 0): VehicleState {
  const spec = resolveVehicleSpec(vehicle);
  const path = planRoute(network, spec.route, random.fork(`vehicle:${spec.id}`), spec.driver.lateralAcceleration);
  const s = Math.min(spec.size.length, path.length);
  const centre = pointOnPath(path, s / 2);
  return {
    id: spec.id,
    spec,
    path,
    s,
    speed: 0,
    acceleration: 0,
    heading: centre.heading,
    yawRate: 0,
    position: centre.position,
    geo: network.frame.toGeodetic(centre.position),
    odometer,
  };
}

/** The vehicle stopped where `last` left it: after its route ended, it stays there. */
export function parkedState(last: VehicleState): VehicleState {
  return { ...last, speed: 0, acceleration: 0, yawRate: 0 };
}
