import { describe, expect, it } from "vitest";
import { ArterialDrive } from "../../../../src/devices/shared/arterial-drive.ts";
import { testScenario } from "../../../../src/devices/shared/test-network.ts";
import { changesFrames, REFERENCE_VSS } from "../../../../src/devices/vss/behaviour.ts";
import { feed, INITIAL_ACTUATORS, sensorValues } from "../../../../src/devices/vss/signal-feed.ts";
import { withWritableSensors } from "../../../../src/devices/vss/writable-sensors.ts";
import { NodeType } from "../../../../src/schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import { loadRegistry } from "../../../../src/schema/index.ts";
import { Random, TboxModel } from "../../../../src/sim/index.ts";
import { MemorySignalStore } from "../../../../src/transport/ws/index.ts";

const registry = loadRegistry();
const START = Date.UTC(2025, 5, 2, 8);

describe("the VSS signal feed", () => {
  it("writes only values the catalogue accepts: the initial actuators and a driving vehicle's sensors", () => {
    const store = MemorySignalStore.fromCatalogueFile(registry);
    const refused: string[] = [];
    feed(store, INITIAL_ACTUATORS, (line) => refused.push(line));
    const drive = new ArterialDrive(testScenario(), START, "v", new Random(1));
    const tbox = new TboxModel({ vin: "LTESTVSS000000001" }, new Random(1));
    const values = sensorValues(drive.stateAt(START + 5000), tbox, START + 5000);
    feed(store, values, (line) => refused.push(line));
    expect(refused).toEqual([]);
    expect(store.get("Vehicle.Speed")?.value.scalar).toBe(values["Vehicle.Speed"]);
    for (const path of Object.keys(INITIAL_ACTUATORS)) expect(store.metadata(path)?.type, path).toBe(NodeType.ACTUATOR);
  });
});

describe("withWritableSensors", () => {
  it("presents sensors as actuators and leaves everything else alone", () => {
    const store = withWritableSensors(MemorySignalStore.fromCatalogueFile(registry));
    expect(store.metadata("Vehicle.Speed")?.type).toBe(NodeType.ACTUATOR);
    expect(store.metadata("Vehicle.VehicleIdentification.VIN")?.type).toBe(NodeType.ATTRIBUTE);
    expect(store.metadata("Vehicle.Cabin")?.type).toBe(NodeType.BRANCH);
  });
});

describe("changesFrames", () => {
  it("is false for the reference and for faults the server itself makes", () => {
    expect(changesFrames(REFERENCE_VSS)).toBe(false);
    expect(changesFrames({ ...REFERENCE_VSS, sensorsWritable: true })).toBe(false);
    expect(changesFrames({ ...REFERENCE_VSS, echoRequestId: false })).toBe(true);
    expect(changesFrames({ ...REFERENCE_VSS, timebasedPeriodFactor: 2 })).toBe(true);
  });
});
