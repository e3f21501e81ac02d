import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { DynamicMetadataKind, LogicOp } from "../../../src/schema/gen/v2xh/vss/v1/filter_pb.ts";
import { ProtocolVersion, type VissMessage } from "../../../src/schema/gen/v2xh/vss/v1/messages_pb.ts";
import { loadRegistry } from "../../../src/schema/index.ts";
import type { Observation } from "../../../src/transport/observation.ts";
import { MemorySignalStore } from "../../../src/transport/ws/memory-signal-store.ts";
import { rawDataToBuffer } from "../../../src/transport/ws/raw-data.ts";
import { isTransportError } from "../../../src/transport/transport-error.ts";
import { VissClient, type SubscriptionEvent, type VissClientInput, type VissReply } from "../../../src/transport/ws/viss-client.ts";
import { VISS_ERROR_PROFILES } from "../../../src/transport/ws/viss-error-profiles.ts";
import type { VissServerInput } from "../../../src/transport/ws/viss-server-options.ts";
import { VissServer } from "../../../src/transport/ws/viss-server.ts";

const registry = loadRegistry();
const SPEED = "Vehicle.Speed";
const VOLUME = "Vehicle.Cabin.Infotainment.Media.Volume";
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzY3AiOiJ3In0.c2lnbmF0dXJl";

let store: MemorySignalStore;
const open: { close(): Promise<void> }[] = [];

beforeEach(() => {
  store = MemorySignalStore.fromCatalogueFile(registry);
  store.set(SPEED, { scalar: "50" });
});

afterEach(async () => {
  await Promise.all(open.splice(0).reverse().map((item) => item.close()));
});

async function start(options: Partial<VissServerInput> = {}): Promise<VissServer> {
  const server = await VissServer.listen({ registry, store, ...options });
  open.push(server);
  return server;
}

async function connect(server: VissServer, options: Partial<VissClientInput> = {}): Promise<VissClient> {
  const client = await VissClient.connect(server.url, { registry, requestTimeoutMs: 2000, ...options });
  open.push(client);
  return client;
}

async function served(options: Partial<VissServerInput> = {}, clientOptions: Partial<VissClientInput> = {}): Promise<VissClient> {
  return connect(await start(options), clientOptions);
}

function errorOf<T>(reply: VissReply<T>): { number: number; reason: string | undefined } {
  if (reply.ok) throw new Error("expected an error answer");
  return { number: reply.error.number, reason: reply.error.reason };
}

function scalarOf(reply: VissReply<{ data?: { node?: { single?: { value: { scalar?: string } } } } }>): string | undefined {
  if (!reply.ok) throw new Error(`expected data, got error ${reply.error.number} ${reply.error.reason ?? ""}`);
  return reply.response.data?.node?.single?.value.scalar;
}

function urlOf(server: WebSocketServer): string {
  const address = server.address();
  return `ws://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`;
}

async function closeServer(server: WebSocketServer): Promise<void> {
  for (const socket of server.clients) socket.terminate();
  await new Promise((resolve) => server.close(resolve));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The next frame the client receives, as text and decoded. */
function nextObservation(client: VissClient): Promise<Observation<VissMessage>> {
  return new Promise((resolve) => client.once("observation", resolve));
}

describe("subprotocol negotiation", () => {
  it("accepts VISSv2", async () => {
    const client = await served();
    expect(client.subprotocol).toBe("VISSv2");
    expect(scalarOf(await client.get(SPEED))).toBe("50");
  });

  it("serves a client that offers no subprotocol as VISS v2", async () => {
    const client = await served({}, { subprotocol: null });
    expect(client.subprotocol).toBe("");
    expect(client.dialect).toBe("v2");
    expect(scalarOf(await client.get(SPEED))).toBe("50");
  });

  it("refuses a client that offers no subprotocol when one is required", async () => {
    const server = await start({ requireSubprotocol: true });
    await expect(connect(server, { subprotocol: null })).rejects.toSatisfy(
      (error) => isTransportError(error, "connect-refused") && error.details.httpStatus === 400 && /no subprotocol offered; this server requires one of: VISSv2/.test(error.message),
    );
  });

  it("refuses an unknown subprotocol and says which it speaks", async () => {
    const server = await start();
    await expect(connect(server, { subprotocol: "bogus" })).rejects.toSatisfy(
      (error) => isTransportError(error, "connect-refused") && /unsupported subprotocol "bogus"; this server speaks: VISSv2/.test(error.message),
    );
  });

  it("speaks VISS v3 on the VISSv3 subprotocol when offered", async () => {
    const client = await served({ subprotocols: ["VISSv2", "VISSv3"], errorProfile: "viss3" }, { subprotocol: "VISSv3" });
    expect(client.dialect).toBe("v3");
    const frame = nextObservation(client);
    expect(errorOf(await client.get("Vehicle.NoSuchThing"))).toEqual({ number: 404, reason: "unavailable_data" });
    expect(JSON.parse(Buffer.from((await frame).raw).toString("utf8"))).toMatchObject({ error: { number: "404", description: "no node Vehicle.NoSuchThing" } });
    const subscribed = await client.subscribe(SPEED, { filter: [{ change: { logicOp: LogicOp.NE, diff: "0" } }], onEvent: () => undefined });
    if (!subscribed.ok) throw new Error("subscribe failed");
    const unsubscribed = await client.unsubscribe(subscribed.response.subscriptionId);
    expect(unsubscribed.ok && unsubscribed.response.subscriptionId).toBeUndefined();
  });
});

describe("get", () => {
  it("reads a known signal as one node with one datapoint", async () => {
    const client = await served();
    const reply = await client.get(SPEED);
    expect(reply.ok && reply.response.data?.node).toMatchObject({ path: SPEED, single: { value: { scalar: "50" }, ts: expect.stringMatching(/Z$/) as string } });
  });

  it("reads a branch as several nodes, those with a value", async () => {
    store.set("Vehicle.CurrentLocation.Latitude", { scalar: "39.9" });
    store.set("Vehicle.CurrentLocation.Longitude", { scalar: "116.4" });
    const client = await served();
    const reply = await client.get("Vehicle.CurrentLocation");
    expect(reply.ok && reply.response.data?.nodes?.entries.map((e) => e.path)).toEqual(["Vehicle.CurrentLocation.Latitude", "Vehicle.CurrentLocation.Longitude"]);
  });

  it("answers an unknown path with 404 unavailable_data", async () => {
    const client = await served();
    expect(errorOf(await client.get("Vehicle.Drivetrain.FuelSystem.Level"))).toEqual({ number: 404, reason: "unavailable_data" });
  });

  it("answers a known signal without value with 404 unavailable_data", async () => {
    const client = await served();
    expect(errorOf(await client.get("Vehicle.TraveledDistance"))).toEqual({ number: 404, reason: "unavailable_data" });
  });

  it("answers a subscribe-only filter on get with 400 bad_request", async () => {
    const client = await served();
    expect(errorOf(await client.get(SPEED, { filter: [{ timebased: { period: 100 } }] }))).toEqual({ number: 400, reason: "bad_request" });
  });

  it("echoes the request id, whatever it looks like", async () => {
    const client = await served();
    const requestId = "5f0c-ünïcode-42";
    const found = await client.request({ protocolVersion: ProtocolVersion.VISS_V2, getRequest: { path: SPEED, requestId, filter: [] } });
    const missing = await client.request({ protocolVersion: ProtocolVersion.VISS_V2, getRequest: { path: "Vehicle.Nope", requestId: `${requestId}-b`, filter: [] } });
    expect(found.getSuccessResponse?.requestId).toBe(requestId);
    expect(missing.getErrorResponse?.requestId).toBe(`${requestId}-b`);
  });
});

describe("set", () => {
  it("refuses a sensor with 400 invalid_data and keeps its value", async () => {
    const client = await served();
    expect(errorOf(await client.set(SPEED, "120"))).toEqual({ number: 400, reason: "invalid_data" });
    expect(store.get(SPEED)?.value).toEqual({ scalar: "50" });
  });

  it("sets an actuator, which reads back", async () => {
    const client = await served();
    expect((await client.set(VOLUME, "30")).ok).toBe(true);
    expect(scalarOf(await client.get(VOLUME))).toBe("30");
  });

  it("refuses a value outside the actuator's limits with 400 invalid_data", async () => {
    const client = await served();
    const reply = await client.set(VOLUME, "300");
    expect(errorOf(reply)).toEqual({ number: 400, reason: "invalid_data" });
    expect(!reply.ok && reply.error.message).toMatch(/300 is outside 0\.\.255|above the maximum 100/);
  });

  it("refuses an actuator without token with 401 missing_token when tokens are required", async () => {
    const client = await served({ requireTokenForSet: true });
    expect(errorOf(await client.set(VOLUME, "30"))).toEqual({ number: 401, reason: "missing_token" });
    expect((await client.set(VOLUME, "30", { authorization: TOKEN })).ok).toBe(true);
  });
});

describe("subscriptions", () => {
  it("timebased: an event about every period", async () => {
    const client = await served();
    const arrivals: number[] = [];
    const reply = await client.subscribe(SPEED, { filter: [{ timebased: { period: 50 } }], onEvent: () => arrivals.push(Date.now()) });
    expect(reply.ok).toBe(true);
    await sleep(520);
    // 10 expected; ±2x tolerance against a loaded machine.
    expect(arrivals.length).toBeGreaterThanOrEqual(5);
    expect(arrivals.length).toBeLessThanOrEqual(20);
    const gaps = arrivals.slice(1).map((t, i) => t - (arrivals[i] ?? t));
    const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 0;
    expect(median).toBeGreaterThanOrEqual(25);
    expect(median).toBeLessThanOrEqual(100);
  });

  it("change: an event only when the value changes as the filter says", async () => {
    const client = await served();
    const values: (string | undefined)[] = [];
    const onEvent = (event: SubscriptionEvent): void => {
      if ("data" in event) values.push(event.data.node?.single?.value.scalar);
    };
    expect((await client.subscribe(SPEED, { filter: [{ change: { logicOp: LogicOp.NE, diff: "0" } }], onEvent })).ok).toBe(true);
    for (const speed of ["50", "60", "60", "55"]) store.set(SPEED, { scalar: speed });
    await client.get(SPEED); // answers come in order: every event of the sets above is in
    expect(values).toEqual(["60", "55"]);
  });

  it("change with gt: only increases larger than diff", async () => {
    const client = await served();
    const values: (string | undefined)[] = [];
    await client.subscribe(SPEED, { filter: [{ change: { logicOp: LogicOp.GT, diff: "10" } }], onEvent: (event) => "data" in event && values.push(event.data.node?.single?.value.scalar) });
    for (const speed of ["55", "70", "65", "90"]) store.set(SPEED, { scalar: speed });
    await client.get(SPEED);
    expect(values).toEqual(["70", "90"]);
  });

  it("unsubscribe stops the events and echoes the subscription id (v2)", async () => {
    const client = await served();
    let count = 0;
    const reply = await client.subscribe(SPEED, { filter: [{ timebased: { period: 20 } }], onEvent: () => (count += 1) });
    if (!reply.ok) throw new Error("subscribe failed");
    await expect.poll(() => count, { timeout: 1000 }).toBeGreaterThan(0);
    const done = await client.unsubscribe(reply.response.subscriptionId);
    expect(done.ok && done.response.subscriptionId).toBe(reply.response.subscriptionId);
    const after = count;
    await sleep(120);
    expect(count).toBe(after);
  });

  it("unsubscribe of an unknown id gets 404 unavailable_data", async () => {
    const client = await served();
    expect(errorOf(await client.unsubscribe("999"))).toEqual({ number: 404, reason: "unavailable_data" });
  });

  it("answers a filter the server does not implement with the profile's error", async () => {
    const client = await served();
    const samplerate = { dynamicMetadata: { kind: DynamicMetadataKind.SAMPLERATE } };
    expect(errorOf(await client.get("Vehicle", { filter: [samplerate] }))).toEqual({ number: 400, reason: "bad_request" });
  });
});

describe("requests the server cannot read", () => {
  it("answers malformed JSON with 400 bad_request and keeps the connection", async () => {
    const server = await start();
    const seenByServer: Observation<VissMessage>[] = [];
    server.onObservation((o) => seenByServer.push(o));
    const client = await connect(server);
    const frame = nextObservation(client);
    client.sendRaw("{ this is not JSON");
    const answer = await frame;
    expect(answer.decoded.ok).toBe(false);
    expect(JSON.parse(Buffer.from(answer.raw).toString("utf8"))).toMatchObject({ error: { number: 400, reason: "bad_request", message: expect.stringMatching(/^not valid JSON/) as string } });
    expect(seenByServer[0]?.decoded.ok).toBe(false);
    expect(client.isOpen).toBe(true);
    expect(scalarOf(await client.get(SPEED))).toBe("50");
  });

  it("answers a mistyped member with its action's error response naming the member", async () => {
    const client = await served();
    const frame = nextObservation(client);
    client.sendRaw(JSON.stringify({ action: "get", path: 5, requestId: "7" }));
    const answer = await frame;
    expect(answer.decoded.ok && answer.decoded.message.getErrorResponse).toMatchObject({ requestId: "7", error: { number: 400, reason: "bad_request", message: "path: expected a string, got 5" } });
  });

  it("answers a request that breaks a schema rule with 400 bad_request naming the rule", async () => {
    const client = await served();
    const reply = await client.get("not a path");
    expect(errorOf(reply)).toEqual({ number: 400, reason: "bad_request" });
    expect(!reply.ok && reply.error.message).toMatch(/^getRequest\.path: vss-path-syntax/);
  });

  it("answers an unknown action with the error object and the request id, as VISS has no action for it", async () => {
    const client = await served();
    const frame = nextObservation(client);
    client.sendRaw(JSON.stringify({ action: "fly", requestId: "10" }));
    const answer = JSON.parse(Buffer.from((await frame).raw).toString("utf8")) as Record<string, unknown>;
    expect(answer).toMatchObject({ requestId: "10", error: { number: 400, reason: "bad_request", message: 'action: expected one of get, set, subscribe, unsubscribe, got "fly"' } });
    expect(answer["action"]).toBeUndefined();
  });
});

describe("a failing signal store", () => {
  it("gets the profile's internal error, and the server goes on", async () => {
    const failing = MemorySignalStore.fromCatalogueFile(registry);
    const get = failing.get.bind(failing);
    failing.get = (path) => {
      if (path === SPEED) throw new Error("sensor bus down");
      return get(path);
    };
    const client = await served({ store: failing });
    const reply = await client.get(SPEED);
    expect(errorOf(reply)).toEqual({ number: 503, reason: "service_unavailable" });
    expect(!reply.ok && reply.error.message).toBe("the signal store failed: sensor bus down");
    expect((await client.get("Vehicle.StartTime")).ok).toBe(true);
  });
});

describe("client against a server that answers without action", () => {
  async function bareErrorServer(): Promise<string> {
    const server = new WebSocketServer({ host: "127.0.0.1", port: 0, handleProtocols: () => "VISSv2" });
    server.on("connection", (socket) =>
      socket.on("message", (data) => {
        const { requestId } = JSON.parse(rawDataToBuffer(data).toString("utf8")) as { requestId: string };
        socket.send(JSON.stringify({ requestId, error: { number: 400, reason: "bad_request" }, ts: "2025-06-01T12:00:00Z" }));
      }),
    );
    await new Promise((resolve) => server.once("listening", resolve));
    open.push({ close: () => closeServer(server) });
    return urlOf(server);
  }

  it("settles the request with the error", async () => {
    const client = await VissClient.connect(await bareErrorServer(), { registry });
    open.push(client);
    expect(errorOf(await client.get(SPEED))).toEqual({ number: 400, reason: "bad_request" });
    await expect(client.request({ protocolVersion: ProtocolVersion.VISS_V2, getRequest: { path: SPEED, requestId: "x", filter: [] } })).rejects.toSatisfy(
      (error) => isTransportError(error, "wire-format") && /the answer to request x has no action: error 400 bad_request/.test(error.message),
    );
  });
});

describe("error profiles", () => {
  it("viss2-kuksa answers with Kuksa's codes", async () => {
    const client = await served({ errorProfile: "viss2-kuksa" });
    expect(errorOf(await client.get("Vehicle.Drivetrain.FuelSystem.Level"))).toEqual({ number: 404, reason: "invalid_path" });
    expect(errorOf(await client.set(SPEED, "1"))).toEqual({ number: 401, reason: "read_only" });
    expect(errorOf(await client.unsubscribe("999"))).toEqual({ number: 404, reason: "invalid_subscription_id" });
  });

  it("viss3 folds a missing token into 401 invalid_token", async () => {
    const client = await served({ errorProfile: "viss3", requireTokenForSet: true });
    expect(errorOf(await client.set(VOLUME, "30"))).toEqual({ number: 401, reason: "invalid_token" });
  });

  it("takes a table of one's own", async () => {
    const client = await served({ errorProfile: { ...VISS_ERROR_PROFILES["viss2-strict"], "unknown-path": { number: 403, reason: "forbidden_request" } } });
    expect(errorOf(await client.get("Vehicle.Nope"))).toEqual({ number: 403, reason: "forbidden_request" });
  });
});

/** A VISSv2 endpoint that accepts requests and never answers. */
async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0, handleProtocols: () => "VISSv2" });
  await new Promise((resolve) => server.once("listening", resolve));
  const handle = { url: urlOf(server), close: () => closeServer(server) };
  open.push(handle);
  return handle;
}

describe("client", () => {
  it("times out a request that gets no answer", async () => {
    const silent = await silentServer();
    const client = await VissClient.connect(silent.url, { registry, requestTimeoutMs: 100 });
    open.push(client);
    await expect(client.get(SPEED)).rejects.toSatisfy((error) => isTransportError(error, "timeout") && /no answer to request 1 within 100 ms/.test(error.message));
  });

  it("fails a pending request with a closed TransportError when the connection closes, and later requests too", async () => {
    const silent = await silentServer();
    const client = await VissClient.connect(silent.url, { registry });
    open.push(client);
    const pending = client.get(SPEED);
    await silent.close();
    await expect(pending).rejects.toSatisfy((error) => isTransportError(error, "closed"));
    await expect(client.get(SPEED)).rejects.toSatisfy((error) => isTransportError(error, "closed"));
  });

  it("surfaces every received frame as an observation", async () => {
    const client = await served();
    const seen: Observation<VissMessage>[] = [];
    client.onObservation((o) => seen.push(o));
    await client.get(SPEED);
    await client.get("Vehicle.Nope");
    expect(seen.map((o) => [o.typeName, o.encoding, o.decoded.ok])).toEqual([
      ["v2xh.vss.v1.VissMessage", "json", true],
      ["v2xh.vss.v1.VissMessage", "json", true],
    ]);
  });
});
