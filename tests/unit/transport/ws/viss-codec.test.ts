import { describe, expect, it } from "vitest";
import { ProtocolVersion, type VissMessage } from "../../../../src/schema/gen/v2xh/vss/v1/messages_pb.ts";
import { decodeJson, loadRegistry } from "../../../../src/schema/index.ts";
import { isTransportError } from "../../../../src/transport/transport-error.ts";
import { VissCodec, originOf } from "../../../../src/transport/ws/viss-codec.ts";
import { dialectOfVersion, type VissDialect } from "../../../../src/transport/ws/viss-dialect.ts";
import { validFixtures } from "../../../helpers/fixtures.ts";

const registry = loadRegistry();
const codec = new VissCodec(registry);

/** Puts a fixture of a part type into the VissMessage that carries it on the wire. */
function asVissMessage(type: string, message: Record<string, unknown>): VissMessage {
  switch (type) {
    case "v2xh.vss.v1.VissMessage":
      return message as VissMessage;
    case "v2xh.vss.v1.SetRequest":
      return { protocolVersion: ProtocolVersion.VISS_V2, setRequest: message } as VissMessage;
    case "v2xh.vss.v1.Signal":
      return { protocolVersion: ProtocolVersion.VISS_V2, getSuccessResponse: { requestId: "1", metadata: { staticMetadata: { nodes: [message] } } } } as VissMessage;
    default:
      throw new Error(`no VISS message carries a ${type}; add it to asVissMessage`);
  }
}

function dialectOf(message: VissMessage): VissDialect {
  const dialect = dialectOfVersion(message.protocolVersion);
  if (dialect === undefined) throw new Error("fixture without protocol version");
  return dialect;
}

function parseError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isTransportError(error, "wire-format")) return error.message;
    throw error;
  }
  throw new Error("expected a wire-format TransportError");
}

describe("VISS codec round trip of every valid vss fixture", () => {
  const fixtures = validFixtures("vss");

  it("finds the fixtures", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(19);
  });

  it.each(fixtures.map((f) => [f.file, f] as const))("%s", (_file, fixture) => {
    const message = asVissMessage(fixture.type, decodeJson(registry, fixture.type, fixture.message));
    const text = codec.stringify(message);
    expect(codec.parse(text, originOf(message), dialectOf(message))).toEqual(message);
  });
});

/** Wire examples in the shapes of the VISS v2 Core/Transport examples, with their JSON syntax errors fixed (spec A15.5). */
const WIRE_EXAMPLES: readonly { name: string; origin: "client" | "server"; dialect: VissDialect; wire: Record<string, unknown> }[] = [
  { name: "get with a paths filter", origin: "client", dialect: "v2", wire: { action: "get", path: "Vehicle.Cabin.Door", filter: { type: "paths", parameter: ["Row1.*.IsOpen", "Row2.*.IsOpen"] }, requestId: "5688" } },
  { name: "get with one path as a string", origin: "client", dialect: "v2", wire: { action: "get", path: "Vehicle.Cabin", filter: { type: "paths", parameter: "Door.Row1.DriverSide.IsOpen" }, requestId: "1" } },
  { name: "get with history", origin: "client", dialect: "v2", wire: { action: "get", path: "Vehicle.Speed", filter: { type: "history", parameter: "P2DT12H" }, requestId: "2" } },
  { name: "get static metadata, all keys", origin: "client", dialect: "v2", wire: { action: "get", path: "Vehicle.Speed", filter: { type: "static-metadata", parameter: "" }, requestId: "3" } },
  { name: "get v3 metadata by depth", origin: "client", dialect: "v3", wire: { action: "get", path: "Vehicle", filter: { variant: "metadata", parameter: "2" }, requestId: "4" } },
  { name: "get server capabilities", origin: "client", dialect: "v2", wire: { action: "get", path: "Vehicle", filter: { type: "dynamic-metadata", parameter: "server_capabilities" }, requestId: "5" } },
  { name: "set with a token", origin: "client", dialect: "v2", wire: { action: "set", path: "Vehicle.Powertrain.Transmission.PerformanceMode", value: "SPORT", requestId: "5689", authorization: "eyJhbGciOiJIUzI1NiJ9.eyJzY3AiOiJ3In0.c2ln" } },
  { name: "set of an array signal", origin: "client", dialect: "v2", wire: { action: "set", path: "Vehicle.Cabin.SeatPosCount", value: ["2", "3"], requestId: "6" } },
  { name: "set of a struct", origin: "client", dialect: "v3", wire: { action: "set", path: "Vehicle.Trip.Start", value: { Latitude: "39.9", Longitude: "116.4", Tags: ["a"] }, requestId: "7" } },
  { name: "subscribe timebased", origin: "client", dialect: "v2", wire: { action: "subscribe", path: "Vehicle.Speed", filter: { type: "timebased", parameter: { period: "100" } }, requestId: "6578" } },
  { name: "subscribe change", origin: "client", dialect: "v2", wire: { action: "subscribe", path: "Vehicle.Speed", filter: { type: "change", parameter: { "logic-op": "gt", diff: "10" } }, requestId: "6579" } },
  {
    name: "subscribe range, two boundaries",
    origin: "client",
    dialect: "v2",
    wire: { action: "subscribe", path: "Vehicle.Speed", filter: { type: "range", parameter: [{ "boundary-op": "gt", boundary: "50", "combination-op": "OR" }, { "boundary-op": "lt", boundary: "10" }] }, requestId: "6580" },
  },
  { name: "subscribe range, v3 logic-op", origin: "client", dialect: "v3", wire: { action: "subscribe", path: "Vehicle.Speed", filter: { variant: "range", parameter: { "logic-op": "gte", boundary: "100" } }, requestId: "6581" } },
  { name: "subscribe curvelog", origin: "client", dialect: "v2", wire: { action: "subscribe", path: "Vehicle.Speed", filter: { type: "curvelog", parameter: { maxerr: "0.5", bufsize: "100" } }, requestId: "6582" } },
  {
    name: "subscribe with paths and timebased",
    origin: "client",
    dialect: "v2",
    wire: { action: "subscribe", path: "Vehicle.Cabin.Door", filter: [{ type: "paths", parameter: ["Row1.*.IsOpen", "Row2.*.IsOpen"] }, { type: "timebased", parameter: { period: "500" } }], requestId: "6583" },
  },
  { name: "unsubscribe", origin: "client", dialect: "v2", wire: { action: "unsubscribe", subscriptionId: "12", requestId: "5264" } },
  { name: "data: one node, one datapoint", origin: "server", dialect: "v2", wire: { action: "get", requestId: "8", data: { path: "Vehicle.Speed", dp: { value: "87.5", ts: "2025-06-01T12:00:00Z" } }, ts: "2025-06-01T12:00:00.1Z" } },
  {
    name: "data: one node, several datapoints",
    origin: "server",
    dialect: "v2",
    wire: { action: "get", requestId: "9", data: { path: "Vehicle.Speed", dp: [{ value: "86", ts: "2025-06-01T11:59:59Z" }, { value: "87", ts: "2025-06-01T12:00:00Z" }] } },
  },
  {
    name: "data: several nodes, one datapoint each",
    origin: "server",
    dialect: "v2",
    wire: { action: "get", requestId: "10", data: [{ path: "Vehicle.Speed", dp: { value: "87", ts: "2025-06-01T12:00:00Z" } }, { path: "Vehicle.IsMoving", dp: { value: "true", ts: "2025-06-01T12:00:00Z" } }] },
  },
  {
    name: "data: several nodes, mixed datapoint counts",
    origin: "server",
    dialect: "v2",
    wire: {
      action: "get",
      requestId: "11",
      data: [
        { path: "Vehicle.Speed", dp: [{ value: "86", ts: "2025-06-01T11:59:59Z" }, { value: "87", ts: "2025-06-01T12:00:00Z" }] },
        { path: "Vehicle.IsMoving", dp: { value: "true", ts: "2025-06-01T12:00:00Z" } },
      ],
    },
  },
  {
    name: "static metadata tree",
    origin: "server",
    dialect: "v2",
    wire: {
      action: "get",
      requestId: "12",
      metadata: { Vehicle: { type: "branch", description: "High-level vehicle data.", children: { Speed: { type: "sensor", datatype: "float", unit: "km/h", description: "Vehicle speed." } } } },
    },
  },
  {
    name: "server capabilities",
    origin: "server",
    dialect: "v2",
    wire: { action: "get", requestId: "13", metadata: { filter: ["timebased", "change", "static_metadata"], access_ctrl: ["short_term"], transport_protocol: ["https", "wss"] } },
  },
  { name: "v2 error", origin: "server", dialect: "v2", wire: { action: "get", requestId: "14", error: { number: 404, reason: "unavailable_data", message: "No such path." }, ts: "2025-06-01T12:00:00Z" } },
  { name: "v3 error", origin: "server", dialect: "v3", wire: { action: "set", requestId: "15", error: { number: "400", reason: "invalid_data", description: "Sensor." }, ts: "2025-06-01T12:00:00Z" } },
  { name: "set success", origin: "server", dialect: "v2", wire: { action: "set", requestId: "16", ts: "2025-06-01T12:00:00Z" } },
  { name: "subscribe success", origin: "server", dialect: "v2", wire: { action: "subscribe", requestId: "17", subscriptionId: "12", ts: "2025-06-01T12:00:00Z" } },
  { name: "subscription event", origin: "server", dialect: "v2", wire: { action: "subscription", subscriptionId: "12", data: { path: "Vehicle.Speed", dp: { value: "87", ts: "2025-06-01T12:00:00Z" } }, ts: "2025-06-01T12:00:00Z" } },
  {
    name: "subscription error event",
    origin: "server",
    dialect: "v2",
    wire: { action: "subscription", subscriptionId: "12", error: { number: 401, reason: "token_expired", message: "Access token has expired." }, ts: "2025-06-01T12:00:00Z" },
  },
  { name: "v2 unsubscribe success echoes the id", origin: "server", dialect: "v2", wire: { action: "unsubscribe", subscriptionId: "12", requestId: "18", ts: "2025-06-01T12:00:00Z" } },
  { name: "v3 unsubscribe success", origin: "server", dialect: "v3", wire: { action: "unsubscribe", requestId: "18", ts: "2025-06-01T12:00:00Z" } },
  { name: "unsubscribe error without id", origin: "server", dialect: "v2", wire: { action: "unsubscribe", requestId: "19", error: { number: 404, reason: "unavailable_data" }, ts: "2025-06-01T12:00:00Z" } },
];

describe("VISS codec on wire examples", () => {
  it.each(WIRE_EXAMPLES.map((e) => [e.name, e] as const))("%s reads and writes back unchanged", (_name, example) => {
    const message = codec.parse(JSON.stringify(example.wire), example.origin, example.dialect);
    expect(codec.toWire(message)).toEqual(example.wire);
  });

  it("reads the filter as typed data", () => {
    const message = codec.parse(WIRE_EXAMPLES[14]?.wire, "client", "v2");
    expect(message.subscribeRequest?.filter).toEqual([{ paths: { paths: ["Row1.*.IsOpen", "Row2.*.IsOpen"] } }, { timebased: { period: 500 } }]);
  });

  it("normalises '/' separators in request paths to '.'", () => {
    const message = codec.parse({ action: "get", path: "Vehicle/Cabin/Door", requestId: "1" }, "client", "v2");
    expect(message.getRequest?.path).toBe("Vehicle.Cabin.Door");
  });

  it("reads hyphenated server capability names and writes the underscore form", () => {
    const message = codec.parse({ action: "get", requestId: "1", metadata: { filter: ["static-metadata"] } }, "server", "v2");
    expect(codec.toWire(message)["metadata"]).toEqual({ filter: ["static_metadata"], access_ctrl: [], transport_protocol: [] });
  });

  it("reads vss-tools numbers in static metadata as VISS strings", () => {
    const message = codec.parse({ action: "get", requestId: "1", metadata: { Vehicle: { children: { Volume: { type: "actuator", datatype: "uint8", min: 0, max: 100, default: 30, description: "v" } } } } }, "server", "v2");
    expect(message.getSuccessResponse?.metadata?.staticMetadata?.nodes).toEqual([
      { path: "Vehicle.Volume", type: 3, datatype: 7, min: "0", max: "100", default: { scalar: "30" }, description: "v", allowed: [] },
    ]);
  });

  it("writes the v2 and v3 error objects differently", () => {
    const error = { number: 404, reason: "unavailable_data", message: "gone" };
    const v2 = codec.toWire({ protocolVersion: ProtocolVersion.VISS_V2, getErrorResponse: { requestId: "1", error, ts: "2025-06-01T12:00:00Z" } });
    const v3 = codec.toWire({ protocolVersion: ProtocolVersion.VISS_V3, getErrorResponse: { requestId: "1", error, ts: "2025-06-01T12:00:00Z" } });
    expect(v2["error"]).toEqual({ number: 404, reason: "unavailable_data", message: "gone" });
    expect(v3["error"]).toEqual({ number: "404", reason: "unavailable_data", description: "gone" });
  });
});

describe("VISS codec errors name the JSON path and the value", () => {
  it.each([
    ["a period that is no string", "client", "v2", { action: "subscribe", path: "Vehicle.Speed", requestId: "1", filter: { type: "timebased", parameter: { period: {} } } }, "filter.parameter.period: expected a number as string, got {}"],
    ["a period as a JSON number", "client", "v2", { action: "subscribe", path: "Vehicle.Speed", requestId: "1", filter: [{ type: "paths", parameter: "A" }, { type: "timebased", parameter: { period: 100 } }] }, "filter[1].parameter.period: expected a number as string, got 100"],
    ["an unknown action", "client", "v2", { action: "fly", path: "Vehicle.Speed", requestId: "1" }, 'action: expected one of get, set, subscribe, unsubscribe, got "fly"'],
    ["a subscription event sent by a client", "client", "v2", { action: "subscription", subscriptionId: "1", data: {}, ts: "x" }, 'action: expected one of get, set, subscribe, unsubscribe, got "subscription"'],
    ["a missing requestId", "client", "v2", { action: "get", path: "Vehicle.Speed" }, "requestId: missing"],
    ["a numeric requestId", "client", "v2", { action: "get", path: "Vehicle.Speed", requestId: 7 }, "requestId: expected a string, got 7"],
    ["an unexpected member", "client", "v2", { action: "get", path: "Vehicle.Speed", requestId: "1", colour: "red" }, "colour: unexpected member"],
    ["a v3 filter key in v2", "client", "v2", { action: "get", path: "Vehicle", requestId: "1", filter: { variant: "paths", parameter: "Speed" } }, "filter.type: missing"],
    ["a v2 filter key in v3", "client", "v3", { action: "get", path: "Vehicle", requestId: "1", filter: { type: "paths", parameter: "Speed" } }, "filter.variant: missing"],
    ["an unknown filter type", "client", "v2", { action: "get", path: "Vehicle", requestId: "1", filter: { type: "everything", parameter: "" } }, 'filter.type: expected one of paths, timebased, change, range, curvelog, history, static-metadata, dynamic-metadata, got "everything"'],
    ["dynamic metadata in v3", "client", "v3", { action: "get", path: "Vehicle", requestId: "1", filter: { variant: "dynamic-metadata", parameter: "server_capabilities" } }, 'filter.variant: expected one of paths, timebased, change, range, curvelog, history, metadata, got "dynamic-metadata"'],
    ["three filters", "client", "v2", { action: "get", path: "Vehicle", requestId: "1", filter: [{}, {}, {}] }, "filter: expected a filter object or an array of two"],
    ["an unknown change operator", "client", "v2", { action: "subscribe", path: "Vehicle.Speed", requestId: "1", filter: { type: "change", parameter: { "logic-op": "greater", diff: "1" } } }, 'filter.parameter.logic-op: expected one of eq, ne, gt, gte, lt, lte, got "greater"'],
    ["boundary-op in v3", "client", "v3", { action: "subscribe", path: "Vehicle.Speed", requestId: "1", filter: { variant: "range", parameter: { "boundary-op": "gt", boundary: "1" } } }, "filter.parameter.logic-op: missing"],
    ["a value as a JSON number", "client", "v2", { action: "set", path: "Vehicle.Speed", requestId: "1", value: 5 }, "value: expected a value as a string, an array or an object (VISS carries values as strings), got 5"],
    ["a mixed array value", "client", "v2", { action: "set", path: "Vehicle.Speed", requestId: "1", value: ["1", {}] }, "value: expected an array of strings or an array of objects"],
    ["a v2 error number as a string", "server", "v2", { action: "get", requestId: "1", error: { number: "404" }, ts: "2025-06-01T12:00:00Z" }, 'error.number: expected an integer (VISS v2 writes the error number as a JSON number), got "404"'],
    ["a v3 error with message", "server", "v3", { action: "get", requestId: "1", error: { number: "404", message: "x" }, ts: "2025-06-01T12:00:00Z" }, "error.message: unexpected member (allowed here: number, reason, description)"],
    ["a bad timestamp type deep in data", "server", "v2", { action: "get", requestId: "1", data: [{ path: "A", dp: { value: "1", ts: "t" } }, { path: "B", dp: [{ value: "1", ts: 5 }] }] }, "data[1].dp[0].ts: expected a string, got 5"],
    ["both data and metadata", "server", "v2", { action: "get", requestId: "1", data: { path: "A", dp: { value: "1", ts: "t" } }, metadata: {} }, "data: a read response carries exactly one of data and metadata"],
    ["a v2 unsubscribe success without id", "server", "v2", { action: "unsubscribe", requestId: "1", ts: "2025-06-01T12:00:00Z" }, "subscriptionId: missing"],
    ["a v3 unsubscribe success with id", "server", "v3", { action: "unsubscribe", subscriptionId: "1", requestId: "1", ts: "2025-06-01T12:00:00Z" }, "subscriptionId: unexpected member"],
    ["a datatype typo in metadata", "server", "v2", { action: "get", requestId: "1", metadata: { Vehicle: { children: { Speed: { type: "sensor", datatype: "flaot" } } } } }, "metadata.Vehicle.children.Speed.datatype: expected one of string, boolean"],
  ] as const)("%s", (_name, origin, dialect, wire, message) => {
    expect(parseError(() => codec.parse(JSON.stringify(wire), origin, dialect))).toContain(message);
  });

  it("names the path in the error details too", () => {
    try {
      codec.parse({ action: "subscribe", path: "A", requestId: "1", filter: { type: "timebased", parameter: {} } }, "client", "v2");
    } catch (error) {
      expect(isTransportError(error) && error.details.path).toBe("filter.parameter.period");
      return;
    }
    throw new Error("expected an error");
  });

  it("reports text that is not JSON", () => {
    expect(parseError(() => codec.parse("{ not json", "client", "v2"))).toMatch(/^not valid JSON: /);
  });

  it("refuses to write a message without protocol version", () => {
    const message = { protocolVersion: ProtocolVersion.UNSPECIFIED, setSuccessResponse: { requestId: "1", ts: "t" } };
    expect(parseError(() => codec.toWire(message))).toBe("protocolVersion: expected VISS v2 or v3, got 0");
  });
});
