import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CombinationOp, LogicOp, type Filter } from "../../../../src/schema/gen/v2xh/vss/v1/filter_pb.ts";
import { MemorySignalStore } from "../../../../src/transport/ws/memory-signal-store.ts";
import type { VissClient } from "../../../../src/transport/ws/viss-client.ts";
import { MAX_CURVELOG_BUFFER } from "../../../../src/transport/ws/viss-subscribe-plan.ts";
import { closeServed, collectEvents, errorOf, nextFrame, registry, responseOf, served } from "./viss-served.ts";

const SPEED = "Vehicle.Speed";
const LATITUDE = "Vehicle.CurrentLocation.Latitude";
const LONGITUDE = "Vehicle.CurrentLocation.Longitude";

let now: number;
let store: MemorySignalStore;

beforeEach(() => {
  now = Date.UTC(2025, 5, 1, 12);
  store = MemorySignalStore.fromCatalogueFile(registry, undefined, () => now);
  store.set(SPEED, { scalar: "50" });
  store.set(LATITUDE, { scalar: "39.8" });
});

afterEach(closeServed);

const paths = (...list: string[]): Filter => ({ paths: { paths: list } });
const above = (boundary: string): Filter => ({ range: { boundaries: [{ boundaryOp: LogicOp.GT, boundary }] } });

/** Sets `path` to each value in turn, a second apart, then waits until the server has sent every event they caused. */
async function feed(client: VissClient, path: string, values: readonly string[]): Promise<void> {
  for (const value of values) {
    now += 1000;
    store.set(path, { scalar: value });
  }
  await client.get(SPEED); // answers come in order: every event of the sets above is in
}

async function subscribe(client: VissClient, path: string, filter: Filter[]) {
  const { events, onEvent } = collectEvents();
  const response = responseOf(await client.subscribe(path, { filter, onEvent }));
  return { events, subscriptionId: response.subscriptionId };
}

describe("subscribe with paths", () => {
  it("timebased: every period the values of all paths, in the many-nodes shape", async () => {
    store.set(LONGITUDE, { scalar: "116.5" });
    const client = await served(store);
    const { events } = await subscribe(client, "Vehicle.CurrentLocation", [paths("Latitude", "Longitude", "Heading"), { timebased: { period: 20 } }]);
    await expect.poll(() => events.length, { timeout: 2000 }).toBeGreaterThan(0);
    expect(events[0]).toEqual({ [LATITUDE]: "39.8", [LONGITUDE]: "116.5" });
  });

  it("change is evaluated on the first path and delivers all paths", async () => {
    const client = await served(store);
    const { events } = await subscribe(client, "Vehicle", [paths("Speed", "CurrentLocation.Latitude"), { change: { logicOp: LogicOp.NE, diff: "0" } }]);
    await feed(client, LATITUDE, ["39.9"]);
    await feed(client, SPEED, ["60"]);
    expect(events).toEqual([{ [SPEED]: "60", [LATITUDE]: "39.9" }]);
  });

  it("without a trigger, an update of any path sends all of them", async () => {
    const client = await served(store);
    const { events } = await subscribe(client, "Vehicle", [paths("Speed", "CurrentLocation.*")]);
    await feed(client, LONGITUDE, ["116.4"]);
    await feed(client, SPEED, ["55"]);
    expect(events).toEqual([
      { [SPEED]: "50", [LATITUDE]: "39.8", [LONGITUDE]: "116.4" },
      { [SPEED]: "55", [LATITUDE]: "39.8", [LONGITUDE]: "116.4" },
    ]);
  });

  it("refuses a first path that names a branch for change or range with a bad request", async () => {
    const client = await served(store);
    expect(errorOf(await client.subscribe("Vehicle", { filter: [paths("CurrentLocation", "Speed"), above("10")], onEvent: () => undefined }))).toEqual({
      number: 400,
      reason: "bad_request",
      message: "Vehicle.CurrentLocation is a branch; change and range are evaluated on the first path, which must name a single signal",
    });
  });

  it("refuses a wildcard in the first path for change with a bad request", async () => {
    const client = await served(store);
    const reply = await client.subscribe("Vehicle", { filter: [paths("*.Latitude"), { change: { logicOp: LogicOp.NE, diff: "0" } }], onEvent: () => undefined });
    expect(errorOf(reply)).toMatchObject({ number: 400, message: expect.stringContaining("no * segment in the first path") as string });
  });

  it("refuses a path that names no node with the unknown-path error", async () => {
    const client = await served(store);
    expect(errorOf(await client.subscribe("Vehicle", { filter: [paths("Speed", "Drivetrain")], onEvent: () => undefined }))).toMatchObject({ number: 404, reason: "unavailable_data" });
  });

  it("still refuses a branch without paths, as a bad request", async () => {
    const client = await served(store);
    expect(errorOf(await client.subscribe("Vehicle.CurrentLocation", { filter: [{ timebased: { period: 100 } }], onEvent: () => undefined }))).toMatchObject({ number: 400, reason: "bad_request" });
  });
});

describe("subscribe with range", () => {
  it("one boundary: an event whenever a new value lies inside", async () => {
    const client = await served(store);
    const frame = nextFrame(client);
    const { events } = await subscribe(client, SPEED, [above("50")]);
    await frame;
    const event = nextFrame(client);
    await feed(client, SPEED, ["40", "60", "70", "50", "51"]);
    expect(events).toEqual([{ [SPEED]: "60" }, { [SPEED]: "70" }, { [SPEED]: "51" }]);
    expect((await event)["data"]).toEqual({ path: SPEED, dp: { value: "60", ts: "2025-06-01T12:00:02.000Z" } });
  });

  it("two boundaries with AND (the default) and OR", async () => {
    const client = await served(store);
    const inside = await subscribe(client, SPEED, [{ range: { boundaries: [{ boundaryOp: LogicOp.GTE, boundary: "50" }, { boundaryOp: LogicOp.LTE, boundary: "80" }] } }]);
    const outside = await subscribe(client, SPEED, [
      { range: { boundaries: [{ boundaryOp: LogicOp.LT, boundary: "50" }, { boundaryOp: LogicOp.GT, boundary: "80" }], combinationOp: CombinationOp.OR } },
    ]);
    await feed(client, SPEED, ["30", "50", "80", "81"]);
    expect(inside.events.map((e) => e[SPEED])).toEqual(["50", "80"]);
    expect(outside.events.map((e) => e[SPEED])).toEqual(["30", "81"]);
  });

  it("with paths: evaluated on the first path, delivering all", async () => {
    const client = await served(store);
    const { events } = await subscribe(client, "Vehicle", [paths("Speed", "CurrentLocation.Latitude"), above("100")]);
    await feed(client, SPEED, ["90", "120"]);
    expect(events).toEqual([{ [SPEED]: "120", [LATITUDE]: "39.8" }]);
  });

  it("speaks VISS v3's logic-op", async () => {
    const client = await served(store, { subprotocols: ["VISSv3"], errorProfile: "viss3" }, { subprotocol: "VISSv3" });
    const { events } = await subscribe(client, SPEED, [above("50")]);
    await feed(client, SPEED, ["40", "60"]);
    expect(events).toEqual([{ [SPEED]: "60" }]);
  });

  it("refuses a signal that is no number with a bad request", async () => {
    const client = await served(store);
    expect(errorOf(await client.subscribe("Vehicle.CurrentLocation.Timestamp", { filter: [above("1")], onEvent: () => undefined }))).toEqual({
      number: 400,
      reason: "bad_request",
      message: "range needs numeric signals (or booleans); Vehicle.CurrentLocation.Timestamp is not one",
    });
  });

  it("stops at unsubscribe", async () => {
    const client = await served(store);
    const { events, subscriptionId } = await subscribe(client, SPEED, [above("0")]);
    await feed(client, SPEED, ["1"]);
    expect(responseOf(await client.unsubscribe(subscriptionId)).subscriptionId).toBe(subscriptionId);
    await feed(client, SPEED, ["2"]);
    expect(events).toHaveLength(1);
  });
});

describe("subscribe with curvelog", () => {
  const curvelog = (maxerr: string, bufsize: number): Filter => ({ curvelog: { maxerr, bufsize } });

  it("delivers the simplified buffer when it is full, in the one-node many-datapoints shape", async () => {
    const client = await served(store);
    const { events } = await subscribe(client, SPEED, [curvelog("1", 5)]);
    const frame = nextFrame(client);
    await feed(client, SPEED, ["10", "20", "30", "40", "50"]);
    expect(events).toEqual([{ [SPEED]: "10,50" }]);
    expect((await frame)["data"]).toEqual({
      path: SPEED,
      dp: [
        { value: "10", ts: "2025-06-01T12:00:01.000Z" },
        { value: "50", ts: "2025-06-01T12:00:05.000Z" },
      ],
    });
    await feed(client, SPEED, ["0", "0", "9", "0"]);
    expect(events).toHaveLength(1);
    await feed(client, SPEED, ["0"]);
    expect(events[1]).toEqual({ [SPEED]: "0,0,9,0,0" });
  });

  it("keeps a point only when it is farther than maxerr from the line", async () => {
    const client = await served(store);
    const { events } = await subscribe(client, SPEED, [curvelog("5", 3)]);
    await feed(client, SPEED, ["0", "4", "0", "0", "6", "0"]);
    expect(events).toEqual([{ [SPEED]: "0,0" }, { [SPEED]: "0,6,0" }]);
  });

  it("with paths, each signal has its own buffer and event", async () => {
    const client = await served(store);
    const { events } = await subscribe(client, "Vehicle", [paths("Speed", "CurrentLocation.Latitude"), curvelog("0.5", 2)]);
    await feed(client, SPEED, ["1", "2"]);
    await feed(client, LATITUDE, ["40.0", "40.1"]);
    expect(events).toEqual([{ [SPEED]: "1,2" }, { [LATITUDE]: "40.0,40.1" }]);
  });

  it("refuses a signal that is no number with a bad request", async () => {
    const client = await served(store);
    expect(errorOf(await client.subscribe("Vehicle.CurrentLocation", { filter: [paths("*"), curvelog("1", 10)], onEvent: () => undefined }))).toMatchObject({
      number: 400,
      message: "curvelog needs numeric signals (or booleans); Vehicle.CurrentLocation.Timestamp is not one",
    });
  });

  it("refuses a buffer larger than the server holds, so a client cannot make it grow without bound", async () => {
    const client = await served(store);
    expect(errorOf(await client.subscribe(SPEED, { filter: [curvelog("1", MAX_CURVELOG_BUFFER + 1)], onEvent: () => undefined }))).toMatchObject({
      number: 400,
      message: `curvelog bufsize ${MAX_CURVELOG_BUFFER + 1} is above this server's limit of ${MAX_CURVELOG_BUFFER} points`,
    });
  });
});

describe("filter combinations subscribe refuses with a bad request naming the filter", () => {
  it.each([
    ["two trigger filters", [{ timebased: { period: 100 } }, { change: { logicOp: LogicOp.NE, diff: "0" } }], /vss-subscribe-filter-combination \(got timebased \+ change/],
    ["static-metadata with a trigger", [{ staticMetadata: { keys: [] } }, { timebased: { period: 100 } }], /vss-subscribe-filter-kinds \(got staticMetadata/],
    ["history", [{ history: { period: "PT1M" } }], /vss-subscribe-filter-kinds \(got history/],
    ["range with a combination-op but one boundary", [{ range: { boundaries: [{ boundaryOp: LogicOp.GT, boundary: "1" }], combinationOp: CombinationOp.OR } }], /vss-range-combination/],
  ] satisfies [string, Filter[], RegExp][])("%s", async (_, filter, message) => {
    const client = await served(store);
    expect(errorOf(await client.subscribe(SPEED, { filter, onEvent: () => undefined }))).toMatchObject({ number: 400, reason: "bad_request", message: expect.stringMatching(message) as string });
  });
});
