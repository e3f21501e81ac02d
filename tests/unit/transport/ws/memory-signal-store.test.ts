import { describe, expect, it } from "vitest";
import { NodeType } from "../../../../src/schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import type { Datapoint } from "../../../../src/schema/gen/v2xh/vss/v1/values_pb.ts";
import { loadRegistry } from "../../../../src/schema/index.ts";
import { MemorySignalStore } from "../../../../src/transport/ws/memory-signal-store.ts";

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
