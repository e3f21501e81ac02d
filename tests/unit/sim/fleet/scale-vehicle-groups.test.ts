import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { apportion, scaleVehicleGroups } from "../../../../src/sim/fleet/index.ts";
import { builtInScenarioPath } from "../../../../src/sim/scenario/built-in-scenarios.ts";

const text = readFileSync(builtInScenarioPath("yizhuang-arterial"), "utf8");
const counts = (yaml: string): number[] => (parse(yaml) as { vehicleGroups: { count: number }[] }).vehicleGroups.map((g) => g.count);

describe("apportion", () => {
  it("keeps exact multiples exact and always adds up", () => {
    expect(apportion(240, [30, 20, 10])).toEqual([120, 80, 40]);
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    for (const total of [9, 10, 77, 1000, 10_000]) expect(apportion(total, [30, 20, 10, 10, 10, 10, 10, 10, 10]).reduce((a, b) => a + b, 0)).toBe(total);
  });

  it("gives every part at least its minimum", () => {
    expect(apportion(3, [1000, 1, 1])).toEqual([1, 1, 1]);
    expect(apportion(10, [1000, 1, 1], [1, 4, 1])).toEqual([5, 4, 1]);
    expect(() => apportion(2, [1, 1, 1])).toThrow(/at least 3/);
  });
});

describe("scaleVehicleGroups", () => {
  it("scales the built-in scenario's groups in proportion", () => {
    const original = counts(text);
    const total = original.reduce((a, b) => a + b, 0);
    expect(counts(scaleVehicleGroups(text, total * 10))).toEqual(original.map((c) => c * 10));
    expect(counts(scaleVehicleGroups(text, 10_000)).reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  it("changes only the count values, so every other line stays where it was", () => {
    const before = text.split("\n");
    const after = scaleVehicleGroups(text, 5000).split("\n");
    expect(after).toHaveLength(before.length);
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [line.trim()]));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((line) => /^count: \d+$/.test(line))).toBe(true);
  });

  it("keeps every vehicle an event names", () => {
    // The alarm event names vehicle 3 of the first group.
    expect(counts(scaleVehicleGroups(text, 12))).toEqual([4, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it("refuses fewer vehicles than that, and leaves text without groups to the loader", () => {
    expect(() => scaleVehicleGroups(text, 11)).toThrow(/needs at least 12 \(one per vehicle group, and every vehicle its events name by number\)/);
    expect(scaleVehicleGroups("name: x\n", 10)).toBe("name: x\n");
    expect(() => scaleVehicleGroups("vehicleGroups:\n  - count: &n 3\n  - count: *n\n", 10)).toThrow(/group 0/);
  });
});
