import { VirtualClock } from "../../../../src/sim/clock.ts";
import { fleetScenario, runFleet, type FleetInit, type FleetScenario, type FleetSummary } from "../../../../src/sim/fleet/index.ts";
import { MemoryBroker, type Received } from "./memory-transport.ts";

/** 2025-06-02 08:00:00 UTC, as the sim fixtures. */
export const START = Date.UTC(2025, 5, 2, 8, 0, 0);

const scenarios = new Map<number, FleetScenario>();

/** The built-in scenario scaled to `vehicles`, loaded once per size. */
export function builtIn(vehicles: number): FleetScenario {
  let scenario = scenarios.get(vehicles);
  if (scenario === undefined) {
    scenario = fleetScenario("yizhuang-arterial", { vehicles, now: START });
    scenarios.set(vehicles, scenario);
  }
  return scenario;
}

export interface VirtualRun {
  readonly summary: FleetSummary;
  readonly received: readonly Received[];
  readonly broker: MemoryBroker;
}

/**
 * A fleet run on a virtual clock against the in-memory broker. `during` may schedule events (e.g.
 * an outage) on the clock before the run starts.
 */
export async function virtualRun(vehicles: number, options: Partial<Omit<FleetInit, "scenario" | "broker">> = {}, during?: (clock: VirtualClock, broker: MemoryBroker) => void): Promise<VirtualRun> {
  const clock = new VirtualClock(START - 1000);
  const broker = new MemoryBroker(clock);
  during?.(clock, broker);
  const scenario = builtIn(vehicles);
  const summary = await runFleet({ scenario: (start) => scenario.at(start), broker: "memory://", transport: broker.transport(), clock, start: START, ...options });
  return { summary, received: broker.received, broker };
}
