import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AccessValidation, NodeType } from "../../../../src/schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import { DynamicMetadataKind, LogicOp } from "../../../../src/schema/gen/v2xh/vss/v1/filter_pb.ts";
import { AccessControlCapability, Availability, FilterCapability, TransportProtocol } from "../../../../src/schema/gen/v2xh/vss/v1/messages_pb.ts";
import { MemorySignalStore } from "../../../../src/transport/ws/memory-signal-store.ts";
import type { SignalStore } from "../../../../src/transport/ws/signal-store.ts";
import { closeServed, errorOf, nextFrame, registry, responseOf, served } from "./viss-served.ts";

const SPEED = "Vehicle.Speed";
const DOOR = "Vehicle.Cabin.Door";
const START = Date.UTC(2025, 5, 1, 12);

let now: number;
let store: MemorySignalStore;

beforeEach(() => {
  now = START;
  store = MemorySignalStore.fromCatalogueFile(registry, undefined, () => now);
  store.set(SPEED, { scalar: "50" });
});

afterEach(closeServed);

const serve = (options: Parameters<typeof served>[1] = {}, clientOptions: Parameters<typeof served>[2] = {}) => served(store, { timeSource: () => now, ...options }, clientOptions);
const paths = (...list: string[]) => ({ paths: { paths: list } });

/** The store without the optional history method. */
function withoutHistory(inner: SignalStore): SignalStore {
  return {
    metadata: (path) => inner.metadata(path),
    leavesUnder: (path) => inner.leavesUnder(path),
    get: (path) => inner.get(path),
    set: (path, value) => inner.set(path, value),
    subscribe: (path, listener) => inner.subscribe(path, listener),
  };
}

describe("get with paths", () => {
  beforeEach(() => {
    for (const row of ["Row1", "Row2"]) for (const side of ["DriverSide", "PassengerSide"]) store.set(`${DOOR}.${row}.${side}.IsOpen`, { scalar: "false" });
    store.set(`${DOOR}.Row1.DriverSide.Window.Position`, { scalar: "20" });
  });

  it("expands * to one segment and answers in the many-nodes shape", async () => {
    const client = await serve();
    const frame = nextFrame(client);
    const response = responseOf(await client.get(DOOR, { filter: [paths("*.*.IsOpen")] }));
    expect(response.data?.nodes?.entries.map((e) => e.path)).toEqual([
      `${DOOR}.Row1.DriverSide.IsOpen`,
      `${DOOR}.Row1.PassengerSide.IsOpen`,
      `${DOOR}.Row2.DriverSide.IsOpen`,
      `${DOOR}.Row2.PassengerSide.IsOpen`,
    ]);
    expect((await frame)["data"]).toEqual(expect.arrayContaining([{ path: `${DOOR}.Row1.DriverSide.IsOpen`, dp: { value: "false", ts: "2025-06-01T12:00:00.000Z" } }]));
  });

  it("takes a branch end-point as every leaf below it, each leaf once", async () => {
    const client = await serve();
    const response = responseOf(await client.get(DOOR, { filter: [paths("Row1.DriverSide", "Row1.DriverSide.IsOpen")] }));
    expect(response.data?.nodes?.entries.map((e) => e.path)).toEqual([`${DOOR}.Row1.DriverSide.IsOpen`, `${DOOR}.Row1.DriverSide.Window.Position`]);
  });

  it("uses the many-nodes shape for a single path too", async () => {
    const client = await serve();
    const response = responseOf(await client.get("Vehicle", { filter: [paths("Speed")] }));
    expect(response.data).toEqual({ nodes: { entries: [{ path: SPEED, single: { value: { scalar: "50" }, ts: "2025-06-01T12:00:00.000Z" } }] } });
  });

  it("refuses a path that names no node with the unknown-path error, naming it", async () => {
    const client = await serve();
    expect(errorOf(await client.get(DOOR, { filter: [paths("*.*.IsOpen", "Row3.*.IsOpen")] }))).toEqual({
      number: 404,
      reason: "unavailable_data",
      message: `paths: Row3.*.IsOpen names no node below ${DOOR}`,
    });
    const kuksa = await serve({ errorProfile: "viss2-kuksa" });
    expect(errorOf(await kuksa.get(DOOR, { filter: [paths("Left.IsOpen")] }))).toMatchObject({ number: 404, reason: "invalid_path" });
  });

  it("answers the no-value error when no selected leaf has a value", async () => {
    const client = await serve();
    expect(errorOf(await client.get(DOOR, { filter: [paths("*.*.IsLocked")] }))).toMatchObject({ number: 404, reason: "unavailable_data" });
  });
});

describe("get with history", () => {
  /** Speed 10, 20, 30, 40 at 0, 10, 20, 30 s; the clock then at 35 s. */
  function record(): void {
    store = MemorySignalStore.fromCatalogueFile(registry, undefined, () => now);
    for (const speed of ["10", "20", "30", "40"]) {
      store.set(SPEED, { scalar: speed });
      now += 10_000;
    }
    now -= 5000;
  }

  it("answers the earlier datapoints within the period, oldest first, without the current one", async () => {
    record();
    const client = await serve();
    const frame = nextFrame(client);
    const response = responseOf(await client.get(SPEED, { filter: [{ history: { period: "PT30S" } }] }));
    expect(response.data?.node?.multiple?.values).toEqual([
      { value: { scalar: "20" }, ts: "2025-06-01T12:00:10.000Z" },
      { value: { scalar: "30" }, ts: "2025-06-01T12:00:20.000Z" },
    ]);
    expect((await frame)["data"]).toEqual({ path: SPEED, dp: [{ value: "20", ts: "2025-06-01T12:00:10.000Z" }, { value: "30", ts: "2025-06-01T12:00:20.000Z" }] });
    expect(responseOf(await client.get(SPEED, { filter: [{ history: { period: "P1D" } }] })).data?.node?.multiple?.values).toHaveLength(3);
  });

  it("combines with paths: the many-nodes shape, leaves without history left out", async () => {
    record();
    const client = await serve();
    const response = responseOf(await client.get("Vehicle", { filter: [paths("Speed", "IsMoving"), { history: { period: "PT1M" } }] }));
    expect(response.data?.nodes?.entries.map((e) => [e.path, e.multiple?.values.length])).toEqual([[SPEED, 3]]);
  });

  it("answers the no-value error when nothing was recorded in the period", async () => {
    record();
    const client = await serve();
    const reply = await client.get(SPEED, { filter: [{ history: { period: "PT4S" } }] });
    expect(errorOf(reply)).toEqual({ number: 404, reason: "unavailable_data", message: `${SPEED} has a recorded value in the last PT4S (the current value does not count)` });
    expect(errorOf(await client.get("Vehicle.IsMoving", { filter: [{ history: { period: "P1D" } }] }))).toMatchObject({ number: 404 });
  });

  it("refuses a period that is no PnDTnHnMnS duration under 999 days with a bad request", async () => {
    const client = await serve();
    const reply = await client.get(SPEED, { filter: [{ history: { period: "P999D" } }] });
    expect(errorOf(reply)).toMatchObject({ number: 400, reason: "bad_request", message: expect.stringContaining("vss-history-duration") as string });
  });

  it("over a store that keeps no history, answers the unsupported-filter error of the profile", async () => {
    const client = await served(withoutHistory(store));
    expect(errorOf(await client.get(SPEED, { filter: [{ history: { period: "PT1M" } }] }))).toEqual({ number: 400, reason: "bad_request", message: "history: this server's signal store keeps no history" });
    const v3 = await served(withoutHistory(store), { errorProfile: "viss3" });
    expect(errorOf(await v3.get(SPEED, { filter: [{ history: { period: "PT1M" } }] }))).toMatchObject({ number: 404, reason: "unavailable_data" });
  });
});

describe("get with static-metadata", () => {
  it('"" answers the whole subtree, branches included, parents first', async () => {
    const client = await serve();
    const frame = nextFrame(client);
    const response = responseOf(await client.get("Vehicle.CurrentLocation", { filter: [{ staticMetadata: { keys: [] } }] }));
    const nodes = response.metadata?.staticMetadata?.nodes ?? [];
    expect(nodes.map((n) => n.path)).toEqual([
      "Vehicle.CurrentLocation",
      "Vehicle.CurrentLocation.Latitude",
      "Vehicle.CurrentLocation.Longitude",
      "Vehicle.CurrentLocation.Heading",
      "Vehicle.CurrentLocation.Altitude",
      "Vehicle.CurrentLocation.Timestamp",
    ]);
    const json = (await frame)["metadata"] as { Vehicle: { children: { CurrentLocation: { type: string; children: Record<string, unknown> } } } };
    expect(json.Vehicle.children.CurrentLocation.type).toBe("branch");
    expect(json.Vehicle.children.CurrentLocation.children["Latitude"]).toMatchObject({ type: "sensor", datatype: "double", unit: "degrees", min: "-90", max: "90" });
  });

  it("answers only the metadata keys asked for", async () => {
    const client = await serve();
    const frame = nextFrame(client);
    await client.get(SPEED, { filter: [{ staticMetadata: { keys: ["datatype", "unit"] } }] });
    expect((await frame)["metadata"]).toEqual({ Vehicle: { children: { Speed: { datatype: "float", unit: "km/h" } } } });
  });

  it("combines with paths: the metadata of the selected leaves", async () => {
    const client = await serve();
    const response = responseOf(await client.get(DOOR, { filter: [paths("*.DriverSide.IsOpen"), { staticMetadata: { keys: ["type"] } }] }));
    expect(response.metadata?.staticMetadata?.nodes).toEqual([
      { path: `${DOOR}.Row1.DriverSide.IsOpen`, type: NodeType.ACTUATOR, allowed: [], description: "" },
      { path: `${DOOR}.Row2.DriverSide.IsOpen`, type: NodeType.ACTUATOR, allowed: [], description: "" },
    ]);
  });

  it("refuses a key that is no VSS metadata key with a bad request naming it", async () => {
    const client = await serve();
    expect(errorOf(await client.get(SPEED, { filter: [{ staticMetadata: { keys: ["colour"] } }] }))).toMatchObject({
      number: 400,
      reason: "bad_request",
      message: expect.stringMatching(/^static-metadata: colour is no VSS metadata key/) as string,
    });
  });

  it("VISS v3 metadata takes a depth: 1 is the node, 2 adds its children, 0 is everything", async () => {
    const client = await serve({ subprotocols: ["VISSv3"], errorProfile: "viss3" }, { subprotocol: "VISSv3" });
    const depth = async (n: number) => responseOf(await client.get("Vehicle.Cabin", { filter: [{ staticMetadata: { keys: [], depth: n } }] })).metadata?.staticMetadata?.nodes.map((x) => x.path) ?? [];
    expect(await depth(1)).toEqual(["Vehicle.Cabin"]);
    expect(await depth(2)).toEqual(["Vehicle.Cabin", "Vehicle.Cabin.DoorCount", "Vehicle.Cabin.Door", "Vehicle.Cabin.Seat", "Vehicle.Cabin.HVAC", "Vehicle.Cabin.Infotainment"]);
    expect(await depth(0)).toContain(`${DOOR}.Row2.PassengerSide.Window.Position`);
  });
});

describe("get with dynamic-metadata", () => {
  const dynamic = (kind: DynamicMetadataKind) => ({ dynamicMetadata: { kind } });

  it("server_capabilities on Vehicle lists the filters, no access-control flow, and wss", async () => {
    const client = await serve();
    const frame = nextFrame(client);
    const response = responseOf(await client.get("Vehicle", { filter: [dynamic(DynamicMetadataKind.SERVER_CAPABILITIES)] }));
    expect(response.metadata?.dynamicMetadata?.serverCapabilities).toEqual({
      filter: [
        FilterCapability.TIMEBASED,
        FilterCapability.CHANGE,
        FilterCapability.PATHS,
        FilterCapability.RANGE,
        FilterCapability.CURVELOG,
        FilterCapability.HISTORY,
        FilterCapability.STATIC_METADATA,
        FilterCapability.DYNAMIC_METADATA,
      ],
      accessCtrl: [] satisfies AccessControlCapability[],
      transportProtocol: [TransportProtocol.WSS],
    });
    expect((await frame)["metadata"]).toEqual({
      filter: ["timebased", "change", "paths", "range", "curvelog", "history", "static_metadata", "dynamic_metadata"],
      access_ctrl: [],
      transport_protocol: ["wss"],
    });
  });

  it("server_capabilities leaves history out over a store that keeps none", async () => {
    const client = await served(withoutHistory(store));
    const response = responseOf(await client.get("Vehicle", { filter: [dynamic(DynamicMetadataKind.SERVER_CAPABILITIES)] }));
    expect(response.metadata?.dynamicMetadata?.serverCapabilities?.filter).not.toContain(FilterCapability.HISTORY);
  });

  it("server_capabilities elsewhere than Vehicle, or with paths, is a bad request", async () => {
    const client = await serve();
    expect(errorOf(await client.get(SPEED, { filter: [dynamic(DynamicMetadataKind.SERVER_CAPABILITIES)] }))).toMatchObject({
      number: 400,
      message: expect.stringContaining('expected request path "Vehicle" for server_capabilities') as string,
    });
    expect(errorOf(await client.get("Vehicle", { filter: [paths("Speed"), dynamic(DynamicMetadataKind.SERVER_CAPABILITIES)] }))).toMatchObject({
      number: 400,
      message: expect.stringContaining("a dynamic-metadata filter on its own") as string,
    });
  });

  it("availability: available while the node has a value", async () => {
    const client = await serve();
    const availability = async (path: string) => responseOf(await client.get(path, { filter: [dynamic(DynamicMetadataKind.AVAILABILITY)] })).metadata?.dynamicMetadata?.availability;
    expect(await availability(SPEED)).toBe(Availability.AVAILABLE);
    expect(await availability("Vehicle.TraveledDistance")).toBe(Availability.UNAVAILABLE);
    expect(await availability(DOOR)).toBe(Availability.UNAVAILABLE);
    expect(await availability("Vehicle")).toBe(Availability.AVAILABLE);
  });

  it("validate: the node's tag or the nearest above it; none is the no-value error", async () => {
    const tagged: SignalStore = {
      ...withoutHistory(store),
      metadata: (path) => {
        const node = store.metadata(path);
        return node !== undefined && path === DOOR ? { ...node, validate: AccessValidation.READ_WRITE_CONSENT } : node;
      },
    };
    const client = await served(tagged);
    const validate = (path: string) => client.get(path, { filter: [dynamic(DynamicMetadataKind.VALIDATE)] });
    expect(responseOf(await validate(`${DOOR}.Row1.DriverSide.IsOpen`)).metadata?.dynamicMetadata?.validate).toBe(AccessValidation.READ_WRITE_CONSENT);
    expect(errorOf(await validate(SPEED))).toEqual({
      number: 404,
      reason: "unavailable_data",
      message: `dynamic-metadata validate: neither ${SPEED} nor a node above it carries a validate tag, so no access control applies`,
    });
  });

  it("samplerate is refused with the unsupported-filter error", async () => {
    const client = await serve();
    expect(errorOf(await client.get(SPEED, { filter: [dynamic(DynamicMetadataKind.SAMPLERATE)] }))).toEqual({
      number: 400,
      reason: "bad_request",
      message: "dynamic-metadata samplerate: this server's signal store does not know sample rates",
    });
  });
});

describe("filter combinations get refuses with a bad request naming the filter", () => {
  it.each([
    ["a trigger filter", [{ change: { logicOp: LogicOp.NE, diff: "0" } }], /vss-get-filter-kinds \(got change/],
    ["two filters without paths", [{ staticMetadata: { keys: [] } }, { history: { period: "PT1M" } }], /vss-get-filter-combination \(got staticMetadata \+ history/],
    ["two paths filters", [paths("Speed"), paths("IsMoving")], /vss-get-filter-combination \(got paths \+ paths/],
  ])("%s", async (_, filter, message) => {
    const client = await serve();
    expect(errorOf(await client.get("Vehicle", { filter }))).toMatchObject({ number: 400, reason: "bad_request", message: expect.stringMatching(message) as string });
  });
});
