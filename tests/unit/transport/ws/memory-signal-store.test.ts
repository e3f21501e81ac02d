import { describe, expect, it } from "vitest";
import { NodeType } from "../../../../src/schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import type { Datapoint } from "../../../../src/schema/gen/v2xh/vss/v1/values_pb.ts";
import { loadRegistry } from "../../../../src/schema/index.ts";
import { HISTORY_LIMIT, MemorySignalStore } from "../../../../src/transport/ws/memory-signal-store.ts";

const registry = loadRegistry();
const store = (): MemorySignalStore => MemorySignalStore.fromCatalogueFile(registry, undefined, () => Date.UTC(2025, 5, 1, 12));

describe("MemorySignalStore seeded from the shipped catalogue", () => {
  it("knows leaves and implies branches", () => {
    const signals = store();
    expect(signals.metadata("Vehicle.Speed")?.type).toBe(NodeType.SENSOR);
    expect(signals.metadata("Vehicle.CurrentLocation")).toMatchObject({ type: NodeType.BRANCH, path: "Vehicle.CurrentLocation" });
    expect(signals.metadata("Vehicle.Drivetrain")).toBeUndefined();
    expect(signals.leavesUnder("Vehicle.CurrentLocation").map((s) => s.path)).toContain("Vehicle.CurrentLocation.Latitude");
  });

  it("starts attributes at their default and other leaves without value", () => {
    const signals = store();
    expect(signals.get("Vehicle.StartTime")).toEqual({ value: { scalar: "0000-01-01T00:00Z" }, ts: "2025-06-01T12:00:00.000Z" });
    expect(signals.get("Vehicle.Speed")).toBeUndefined();
  });

  it("stores a valid value and tells subscribers, refuses a bad one", () => {
    const signals = store();
    const seen: Datapoint[] = [];
    const stop = signals.subscribe("Vehicle.Speed", (dp) => seen.push(dp));
    expect(signals.set("Vehicle.Speed", { scalar: "87.5" })).toEqual({ ok: true });
    expect(signals.set("Vehicle.Speed", { scalar: "fast" })).toEqual({ ok: false, problem: "invalid-value", detail: 'Vehicle.Speed: expected a number, got "fast"' });
    expect(signals.set("Vehicle.Nope", { scalar: "1" })).toMatchObject({ ok: false, problem: "unknown-path" });
    stop();
    signals.set("Vehicle.Speed", { scalar: "90" });
    expect(seen.map((dp) => dp.value.scalar)).toEqual(["87.5"]);
    expect(signals.get("Vehicle.Speed")?.value).toEqual({ scalar: "90" });
  });
});

describe("MemorySignalStore history", () => {
  it("keeps earlier datapoints, oldest first, without the current one", () => {
    let now = Date.UTC(2025, 5, 1, 12);
    const signals = MemorySignalStore.fromCatalogueFile(registry, undefined, () => now);
    for (const speed of ["10", "20", "30"]) {
      signals.set("Vehicle.Speed", { scalar: speed });
      now += 1000;
    }
    expect(signals.history("Vehicle.Speed", 0).map((dp) => dp.value.scalar)).toEqual(["10", "20"]);
    expect(signals.history("Vehicle.Speed", Date.UTC(2025, 5, 1, 12, 0, 1))).toEqual([{ value: { scalar: "20" }, ts: "2025-06-01T12:00:01.000Z" }]);
    expect(signals.history("Vehicle.IsMoving", 0)).toEqual([]);
  });

  it(`keeps at most ${HISTORY_LIMIT} per leaf, dropping the oldest`, () => {
    const signals = store();
    for (let i = 0; i <= HISTORY_LIMIT + 1; i++) signals.set("Vehicle.Speed", { scalar: String(i) });
    const kept = signals.history("Vehicle.Speed", 0);
    expect(kept).toHaveLength(HISTORY_LIMIT);
    expect([kept[0]?.value.scalar, kept.at(-1)?.value.scalar]).toEqual(["1", String(HISTORY_LIMIT)]);
  });
});
