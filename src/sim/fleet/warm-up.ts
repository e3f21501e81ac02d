import { ResolvedScenario } from "../scenario/resolved-scenario.ts";
import { FleetTraffic } from "./fleet-traffic.ts";
import type { FrameEncoder } from "./frame-encoder.ts";

/** Vehicles in the scenario copy the warm-up runs. */
const VEHICLES = 100;
/** Simulated time it runs, ms: long enough for full BSM path histories. */
const SPAN_MS = 25_000;

/**
 * Builds and encodes every kind of message for a while on a small copy of the scenario (its first
 * vehicles and every RSU), so that the JIT compiler has optimised the builders before the run's
 * first messages are due rather than while they are late. The run's own traffic is untouched.
 */
export function warmUp(scenario: ResolvedScenario, frames: FrameEncoder, gbtFrames: FrameEncoder): void {
  const vehicles = scenario.vehicles.slice(0, VEHICLES);
  const ids = new Set(vehicles.map((v) => v.id));
  const only = <T>(byId: Readonly<Record<string, T>>): Record<string, T> => Object.fromEntries(Object.entries(byId).filter(([id]) => ids.has(id)));
  const copy = new ResolvedScenario({ ...scenario, vehicles, obus: only(scenario.obus), tboxes: only(scenario.tboxes) });
  const traffic = new FleetTraffic(copy.shard(0, 1), { worldStepMs: 100 });
  for (let t = copy.start; t <= copy.start + SPAN_MS; t += 100) {
    traffic.advanceTo(t);
    for (const device of traffic.rsus) for (const message of traffic.rsuMessages(device, t)) frames.encode(message.frame);
    if ((t - copy.start) % 1000 !== 0) continue;
    for (const obu of traffic.obus) frames.encode(traffic.bsm(obu, t));
    for (const tbox of traffic.tboxes) gbtFrames.encode(traffic.realtime(tbox, t));
  }
}
