import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../src/sim/clock.ts";
import { builtInScenarioPath } from "../../../../src/sim/scenario/built-in-scenarios.ts";
import { loadScenario, type LoadScenarioOptions, type ScenarioSource } from "../../../../src/sim/scenario/load-scenario.ts";
import type { ResolvedScenario } from "../../../../src/sim/scenario/resolved-scenario.ts";
import { smallScenarioYaml } from "./small-scenario.ts";

const START = Date.UTC(2025, 5, 2, 8, 0, 0);

function load(source: ScenarioSource, options: LoadScenarioOptions = { start: START }): ResolvedScenario {
  const result = loadScenario(source, options);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

const text = (change?: Parameters<typeof smallScenarioYaml>[0]): ScenarioSource => ({ text: smallScenarioYaml(change) });
const SPREAD = { mean: 45, sd: 5, min: 30, max: 60 };
const withSeed = (seed: number): ScenarioSource => text((s) => Object.assign(s, { seed, vehicleGroups: [{ ...s.vehicleGroups[0]!, desiredSpeed: SPREAD }] }));

describe("loading is deterministic", () => {
  it("gives deep-equal scenarios for the same file and start", () => {
    const path = builtInScenarioPath("yizhuang-arterial");
    expect(load(path)).toEqual(load(path));
  });

  it("draws other vehicle parameters from another seed, keeping ids, departures and VINs", () => {
    const a = load(withSeed(1));
    const b = load(withSeed(2));
    expect(b).not.toEqual(a);
    expect(b.vehicles.map((v) => v.desiredSpeed)).not.toEqual(a.vehicles.map((v) => v.desiredSpeed));
    expect(b.vehicles.map((v) => [v.id, v.departAt])).toEqual(a.vehicles.map((v) => [v.id, v.departAt]));
    expect(Object.values(b.tboxes).map((t) => t.vin)).toEqual(Object.values(a.tboxes).map((t) => t.vin));
  });

  it("draws a vehicle's parameters independently of its group's size", () => {
    const five = load(text((s) => Object.assign(s.vehicleGroups[0]!, { desiredSpeed: SPREAD })));
    const fifty = load(text((s) => Object.assign(s.vehicleGroups[0]!, { count: 50, desiredSpeed: SPREAD })));
    expect(fifty.vehicles.slice(0, 5)).toEqual(five.vehicles);
    expect(new Set(fifty.vehicles.map((v) => v.desiredSpeed)).size).toBe(50);
  });
});

describe("relative times become absolute", () => {
  const scenario = load(text((s) => (s.signals[0]!.offset = 12.5)));

  it("from the caller's start, ahead of the file's", () => {
    expect(scenario.start).toBe(START);
    expect(scenario.duration).toBe(60_000);
    expect(scenario.signalPlans[0]?.offset).toBe(START / 1000 + 12.5);
    expect(scenario.rsus[0]?.events?.map((e) => [e.activeFrom - START, e.activeUntil - START])).toEqual([
      [10_000, 40_000],
      // A sign without a window lasts the whole scenario.
      [0, 60_000],
    ]);
    expect(scenario.tboxes["cars-2"]?.alarms).toEqual([{ from: START + 10_000, until: START + 20_000, level: 1, flags: ["SOC_LOW"] }]);
    expect(scenario.vehicles.map((v) => v.departAt)).toEqual([0, 5, 10, 15, 20]);
  });

  it("from the file's start, else from the clock", () => {
    expect(load(text(), {}).start).toBe(Date.parse("2025-06-02T16:00:00+08:00"));
    const clock = new VirtualClock(1_700_000_000_123);
    expect(load(text((s) => Reflect.deleteProperty(s, "start")), { clock }).start).toBe(1_700_000_000_123);
  });

  it("converts km/h to m/s and a rate to a headway", () => {
    const fast = load(text((s) => Object.assign(s.vehicleGroups[0]!, { desiredSpeed: 72, departure: { first: 3, rate: 720 } })));
    expect(fast.vehicles.map((v) => [v.desiredSpeed, v.departAt])).toEqual([0, 5, 10, 15, 20].map((t) => [20, 3 + t]));
    expect(fast.network.links[0]?.speedLimit).toBeCloseTo(50 / 3.6, 12);
  });
});
