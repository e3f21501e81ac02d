import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encodeProtobuf, loadRegistry } from "../../../../src/schema/index.ts";
import { builtInScenarioPath } from "../../../../src/sim/scenario/built-in-scenarios.ts";
import { loadScenario } from "../../../../src/sim/scenario/load-scenario.ts";
import type { ResolvedScenario } from "../../../../src/sim/scenario/resolved-scenario.ts";
import { runScenario, type Sent } from "./run-scenario.ts";

const registry = loadRegistry();
const START = Date.UTC(2025, 5, 2, 8, 0, 0);

function builtIn(): ResolvedScenario {
  const result = loadScenario(builtInScenarioPath("yizhuang-arterial"), { start: START });
  if (!result.ok) throw new Error("the built-in scenario does not load");
  return result.scenario;
}

/** Each message as one comparable line: time, kind, sender and a hash of its protobuf bytes. */
function fingerprints(sent: readonly Sent[]): string[] {
  return sent.map((m) => `${m.at} ${m.kind} ${m.sender} ${createHash("sha256").update(encodeProtobuf(registry, m.typeName, m.message)).digest("hex")}`).sort();
}

describe("ResolvedScenario.shard", () => {
  const scenario = builtIn();
  const shards = [0, 1, 2].map((i) => scenario.shard(i, 3));

  it("splits the vehicles into disjoint shards that together cover the scenario", () => {
    const ids = shards.map((s) => s.vehicles.map((v) => v.id));
    expect(ids.flat().sort()).toEqual(scenario.vehicles.map((v) => v.id).sort());
    expect(new Set(ids.flat()).size).toBe(scenario.vehicles.length);
    expect(ids.map((list) => list.length)).toEqual([40, 40, 40]);
    expect(ids[1]?.[0]).toBe(scenario.vehicles[1]?.id);
  });

  it("gives each vehicle the same spec, OBU and T-Box in its shard as unsharded", () => {
    for (const shard of shards) {
      for (const v of shard.vehicles) {
        expect(v).toEqual(scenario.vehicles.find((u) => u.id === v.id));
        expect(shard.obus[v.id]).toEqual(scenario.obus[v.id]);
        expect(shard.tboxes[v.id]).toEqual(scenario.tboxes[v.id]);
      }
      expect(Object.keys(shard.tboxes).every((id) => shard.vehicles.some((v) => v.id === id))).toBe(true);
    }
    expect(shards.map((s) => Object.keys(s.tboxes).length).reduce((a, b) => a + b)).toBe(Object.keys(scenario.tboxes).length);
  });

  it("puts every RSU in shard 0 and none elsewhere", () => {
    expect(shards.map((s) => s.rsus.length)).toEqual([scenario.rsus.length, 0, 0]);
  });

  it("is the same when loaded again", () => {
    expect(builtIn().shard(2, 3).vehicles).toEqual(shards[2]?.vehicles);
  });

  it("rejects an index outside 0..count-1", () => {
    expect(() => scenario.shard(3, 3)).toThrow(RangeError);
    expect(() => scenario.shard(0, 0)).toThrow(RangeError);
    expect(() => scenario.shard(0.5, 2)).toThrow(/0 <= index < count, got 0.5\/2/);
  });

  it("sends, over three shards together, exactly the messages of the unsharded run", () => {
    const whole = fingerprints(runScenario(scenario, { seconds: 40 }).sent);
    const sharded = fingerprints([0, 1, 2].flatMap((i) => runScenario(scenario, { seconds: 40, shard: [i, 3] }).sent));
    expect(whole.length).toBeGreaterThan(5000);
    expect(sharded).toEqual(whole);
  });
});
