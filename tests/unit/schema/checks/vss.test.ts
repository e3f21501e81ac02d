import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  Datatype,
  DynamicMetadataKind,
  LogicOp,
  NodeType,
  ProtocolVersion,
  type Filter,
  type Signal,
  type VissMessage,
} from "../../../../src/schema/gen/v2xh/vss/v1/index.ts";
import { decodeJson, loadRegistry } from "../../../../src/schema/index.ts";
import { fixtureDecoder, must, violations } from "../../../helpers/check-test.ts";

const registry = loadRegistry();
const decoded = fixtureDecoder("vss");
const VISS = "v2xh.vss.v1.VissMessage";
const SIGNAL = "v2xh.vss.v1.Signal";
const CATALOGUE = "v2xh.vss.v1.SignalCatalogue";

function getRequest(filter: Filter[], path = "Vehicle.Cabin.Door"): VissMessage {
  const message = decoded<VissMessage>("get-request.json");
  Object.assign(must(message.getRequest), { filter, path });
  return message;
}

function subscribeRequest(filter: Filter[], path = "Vehicle.Cabin.Door"): VissMessage {
  const message = decoded<VissMessage>("subscribe-request-timebased.json");
  Object.assign(must(message.subscribeRequest), { filter, path });
  return message;
}

const PATHS: Filter = { paths: { paths: ["Row1.*.IsOpen", "Row2.*.IsOpen"] } };

describe("vss-path-syntax", () => {
  const rule = "vss-path-syntax";

  it.each(["Vehicle", "Vehicle.Cabin.Door.Row1.DriverSide.IsOpen", "Vehicle.OBD.O2WR.Sensor1.Lambda", "Vehicle.Body.Lights.Beam.Low.IsOn"])("accepts %s", (path) => {
    const message = decoded<VissMessage>("set-request.json");
    must(message.setRequest).path = path;
    expect(violations(VISS, message)).toEqual([]);
  });

  it.each(["Vehicle/Cabin/Door", "Vehicle..Speed", ".Vehicle.Speed", "Vehicle.Speed.", "Vehicle.speed", "Vehicle.*", "Vehicle.Cabin-Door", "Vehicle. Speed"])(
    "rejects the request path %s",
    (path) => {
      expect(violations(VISS, getRequest([PATHS], path))).toEqual([{ path: "getRequest.path", rule, value: path }]);
    },
  );

  it("accepts * segments in relative paths and rejects a malformed one at paths[i]", () => {
    expect(violations(VISS, getRequest([{ paths: { paths: ["*.Row1.*", "Row2.DriverSide.IsOpen"] } }]))).toEqual([]);
    expect(violations(VISS, getRequest([{ paths: { paths: ["Row1.*.IsOpen", "Row2.**.IsOpen"] } }]))).toEqual([
      { path: "getRequest.filter[0].paths.paths[1]", rule, value: "Row2.**.IsOpen" },
    ]);
  });

  it("checks the path of a data entry and of a signal", () => {
    const notification = decoded<VissMessage>("subscription-notification.json");
    must(must(notification.subscriptionNotification).data.node).path = "Vehicle.Speed.";
    expect(violations(VISS, notification)).toEqual([{ path: "subscriptionNotification.data.node.path", rule, value: "Vehicle.Speed." }]);
    const signal = decoded<Signal>("signal-branch.json");
    signal.path = "vehicle.Cabin";
    expect(violations(SIGNAL, signal)).toEqual([{ path: "path", rule, value: "vehicle.Cabin" }]);
  });

  it("leaves an empty path to the length rule", () => {
    expect(violations(VISS, getRequest([PATHS], ""))).toEqual([{ path: "getRequest.path", rule: "length", value: 0 }]);
  });
});

describe("vss-timestamp-iso8601-z", () => {
  const rule = "vss-timestamp-iso8601-z";

  function notificationAt(ts: string): VissMessage {
    const message = decoded<VissMessage>("subscription-notification.json");
    must(message.subscriptionNotification).ts = ts;
    return message;
  }

  it.each(["2025-06-01T12:00:00Z", "2025-06-01T12:00:00.1Z", "2025-06-01T12:00:00.123456789Z", "2024-02-29T00:00:00Z", "2000-02-29T23:59:59Z", "2016-12-31T23:59:60Z"])(
    "accepts %s",
    (ts) => {
      expect(violations(VISS, notificationAt(ts))).toEqual([]);
    },
  );

  it.each([
    "2025-06-01T12:00:00+00:00",
    "2025-06-01 12:00:00Z",
    "2025-06-01t12:00:00z",
    "2025-06-01T12:00:00.Z",
    "2025-13-01T12:00:00Z",
    "2025-00-01T12:00:00Z",
    "2025-02-29T12:00:00Z",
    "1900-02-29T12:00:00Z",
    "2025-04-31T12:00:00Z",
    "2025-06-01T24:00:00Z",
    "2025-06-01T12:60:00Z",
    "2025-06-01T12:00:60Z",
  ])("rejects %s", (ts) => {
    expect(violations(VISS, notificationAt(ts))).toEqual([{ path: "subscriptionNotification.ts", rule, value: ts }]);
  });

  it("checks the ts of a datapoint and an optional response ts", () => {
    const message = decoded<VissMessage>("get-success-response-multiple-nodes.json");
    const response = must(message.getSuccessResponse);
    must(must(response.data?.nodes?.entries[1]?.multiple).values[0]).ts = "2025-06-01T11:59:58+08:00";
    expect(violations(VISS, message)).toEqual([{ path: "getSuccessResponse.data.nodes.entries[1].multiple.values[0].ts", rule, value: "2025-06-01T11:59:58+08:00" }]);
    delete response.ts;
    expect(violations(VISS, message).map((v) => v.path)).toEqual(["getSuccessResponse.data.nodes.entries[1].multiple.values[0].ts"]);
  });

  it("leaves a timestamp of the wrong length to the length rule", () => {
    expect(violations(VISS, notificationAt("2025-06-01"))).toEqual([{ path: "subscriptionNotification.ts", rule: "length", value: 10 }]);
  });
});

describe("vss-get-filter-kinds and vss-subscribe-filter-kinds", () => {
  it("accepts the kinds of each action", () => {
    expect(violations(VISS, getRequest([PATHS, { history: { period: "PT10M" } }]))).toEqual([]);
    expect(violations(VISS, subscribeRequest([PATHS, { timebased: { period: 100 } }]))).toEqual([]);
  });

  it("reports the first filter of the other action, also on a request validated on its own", () => {
    expect(violations(VISS, subscribeRequest([{ history: { period: "PT10M" } }]))).toEqual([
      { path: "subscribeRequest.filter[0]", rule: "vss-subscribe-filter-kinds", value: "history" },
    ]);
    expect(violations(VISS, getRequest([PATHS, { timebased: { period: 100 } }]))).toEqual([
      { path: "getRequest.filter[1]", rule: "vss-get-filter-kinds", value: "timebased" },
    ]);
    const alone = must(subscribeRequest([{ history: { period: "PT10M" } }]).subscribeRequest);
    expect(violations("v2xh.vss.v1.SubscribeRequest", alone)).toEqual([{ path: "filter[0]", rule: "vss-subscribe-filter-kinds", value: "history" }]);
  });
});

describe("vss-get-filter-combination and vss-subscribe-filter-combination", () => {
  const rule = "vss-get-filter-combination";

  it("accepts one filter, or a paths filter with one other", () => {
    expect(violations(VISS, getRequest([PATHS]))).toEqual([]);
    expect(violations(VISS, getRequest([{ history: { period: "PT10M" } }, PATHS]))).toEqual([]);
    expect(violations(VISS, subscribeRequest([{ paths: { paths: ["Row1.DriverSide.IsOpen", "Row2.*.IsOpen"] } }, { change: { logicOp: LogicOp.NE, diff: "0" } }]))).toEqual([]);
  });

  it("rejects two filters of which not exactly one is paths", () => {
    expect(violations(VISS, getRequest([{ history: { period: "PT10M" } }, { staticMetadata: { keys: [] } }]))).toEqual([
      { path: "getRequest.filter", rule, value: "history + staticMetadata" },
    ]);
    expect(violations(VISS, getRequest([PATHS, PATHS]))).toEqual([{ path: "getRequest.filter", rule, value: "paths + paths" }]);
  });

  it("requires a dynamic-metadata filter alone, and path Vehicle for server_capabilities", () => {
    expect(violations(VISS, getRequest([PATHS, { dynamicMetadata: { kind: DynamicMetadataKind.AVAILABILITY } }]))).toEqual([
      { path: "getRequest.filter", rule, value: "paths + dynamicMetadata" },
    ]);
    const capabilities: Filter = { dynamicMetadata: { kind: DynamicMetadataKind.SERVER_CAPABILITIES } };
    expect(violations(VISS, getRequest([capabilities], "Vehicle"))).toEqual([]);
    expect(violations(VISS, getRequest([capabilities], "Vehicle.Cabin"))).toEqual([{ path: "getRequest.filter", rule, value: "Vehicle.Cabin" }]);
  });

  it("rejects a wildcard in the first path of a paths filter used with change or range", () => {
    const range: Filter = { range: { boundaries: [{ boundaryOp: LogicOp.GT, boundary: "0" }] } };
    expect(violations(VISS, subscribeRequest([range, { paths: { paths: ["Row1.*.IsOpen"] } }]))).toEqual([
      { path: "subscribeRequest.filter", rule: "vss-subscribe-filter-combination", value: "Row1.*.IsOpen" },
    ]);
    expect(violations(VISS, subscribeRequest([{ timebased: { period: 100 } }, { paths: { paths: ["Row1.*.IsOpen"] } }]))).toEqual([]);
  });
});

describe("vss-range-combination", () => {
  const rule = "vss-range-combination";

  function rangeRequest(boundaries: number): VissMessage {
    const message = decoded<VissMessage>("subscribe-request-range.json");
    const range = must(must(message.subscribeRequest).filter[0]?.range);
    range.boundaries = range.boundaries.slice(0, boundaries);
    return message;
  }

  it("accepts combination-op with two boundaries and its absence with one", () => {
    expect(violations(VISS, rangeRequest(2))).toEqual([]);
    const single = rangeRequest(1);
    delete must(must(single.subscribeRequest).filter[0]?.range).combinationOp;
    expect(violations(VISS, single)).toEqual([]);
  });

  it("rejects combination-op with one boundary", () => {
    expect(violations(VISS, rangeRequest(1))).toEqual([{ path: "subscribeRequest.filter[0].range.combinationOp", rule, value: 1 }]);
  });

  it("leaves an empty boundary list to the items rule", () => {
    expect(violations(VISS, rangeRequest(0))).toEqual([{ path: "subscribeRequest.filter[0].range.boundaries", rule: "items", value: 0 }]);
  });
});

describe("vss-number-string", () => {
  const rule = "vss-number-string";

  it.each(["0", "-0", "42", "-2.5", "1e3", "1E-3", "0.000", "6.02e+23"])("accepts %s in each number field", (text) => {
    expect(violations(VISS, subscribeRequest([{ change: { logicOp: LogicOp.GT, diff: text } }]))).toEqual([]);
    expect(violations(VISS, subscribeRequest([{ range: { boundaries: [{ boundaryOp: LogicOp.LT, boundary: text }] } }]))).toEqual([]);
    expect(violations(VISS, subscribeRequest([{ curvelog: { maxerr: text, bufsize: 10 } }]))).toEqual([]);
  });

  it.each(["one", "01", "+1", "1.", ".5", "1e", "0x10", " 1", "NaN", "Infinity"])("rejects %s at the field", (text) => {
    expect(violations(VISS, subscribeRequest([{ change: { logicOp: LogicOp.GT, diff: text } }]))).toEqual([{ path: "subscribeRequest.filter[0].change.diff", rule, value: text }]);
    expect(violations(VISS, subscribeRequest([{ range: { boundaries: [{ boundaryOp: LogicOp.LT, boundary: text }] } }]))).toEqual([
      { path: "subscribeRequest.filter[0].range.boundaries[0].boundary", rule, value: text },
    ]);
    expect(violations(VISS, subscribeRequest([{ curvelog: { maxerr: text, bufsize: 10 } }]))).toEqual([{ path: "subscribeRequest.filter[0].curvelog.maxerr", rule, value: text }]);
  });

  it("leaves an empty string to the length rule", () => {
    expect(violations(VISS, subscribeRequest([{ change: { logicOp: LogicOp.GT, diff: "" } }]))).toEqual([{ path: "subscribeRequest.filter[0].change.diff", rule: "length", value: 0 }]);
  });
});

describe("vss-history-duration", () => {
  const rule = "vss-history-duration";
  const history = (period: string) => getRequest([{ history: { period } }]);

  it.each(["P2D", "P998D", "PT30M", "PT1H", "PT0.5S", "PT1H2M3S", "P1DT2H30.5S", "P0D"])("accepts %s", (period) => {
    expect(violations(VISS, history(period))).toEqual([]);
  });

  it.each(["P999D", "P1000D", "P1DT", "PT1S2M", "P1W", "P1Y", "PT1.5H", "pT1H", "P1D2H", "PTH"])("rejects %s", (period) => {
    expect(violations(VISS, history(period))).toEqual([{ path: "getRequest.filter[0].history.period", rule, value: period }]);
  });

  it("leaves a too short period to the length rule", () => {
    expect(violations(VISS, history("PT"))).toEqual([{ path: "getRequest.filter[0].history.period", rule: "length", value: 2 }]);
  });
});

describe("vss-version-features", () => {
  const rule = "vss-version-features";

  function inVersion(message: VissMessage, version: ProtocolVersion): VissMessage {
    message.protocolVersion = version;
    return message;
  }

  it("accepts the fixtures of each version", () => {
    expect(violations(VISS, decoded("unsubscribe-success-response-v3.json"))).toEqual([]);
    expect(violations(VISS, decoded("get-success-response-server-capabilities.json"))).toEqual([]);
    expect(violations(VISS, inVersion(getRequest([PATHS, { staticMetadata: { keys: [], depth: 0 } }]), ProtocolVersion.VISS_V3))).toEqual([]);
  });

  it("rejects a v3 depth and a missing subscriptionId in VISS v2", () => {
    expect(violations(VISS, getRequest([PATHS, { staticMetadata: { keys: [], depth: 2 } }]))).toEqual([{ path: "getRequest.filter[1].staticMetadata.depth", rule, value: 2 }]);
    expect(violations(VISS, inVersion(decoded("unsubscribe-success-response-v3.json"), ProtocolVersion.VISS_V2))).toEqual([
      { path: "unsubscribeSuccessResponse.subscriptionId", rule, value: null },
    ]);
  });

  it("rejects dynamic metadata, metadata keys and a subscriptionId in VISS v3", () => {
    const v3 = (message: VissMessage) => violations(VISS, inVersion(message, ProtocolVersion.VISS_V3));
    expect(v3(getRequest([{ dynamicMetadata: { kind: DynamicMetadataKind.SERVER_CAPABILITIES } }], "Vehicle"))).toEqual([
      { path: "getRequest.filter[0].dynamicMetadata", rule, value: "dynamic-metadata" },
    ]);
    expect(v3(getRequest([PATHS, { staticMetadata: { keys: ["datatype"] } }]))).toEqual([{ path: "getRequest.filter[1].staticMetadata.keys", rule, value: "1 items" }]);
    expect(v3(decoded("get-success-response-server-capabilities.json"))).toEqual([{ path: "getSuccessResponse.metadata.dynamicMetadata", rule, value: "dynamic-metadata" }]);
    const unsubscribed = decoded<VissMessage>("unsubscribe-success-response-v3.json");
    must(unsubscribed.unsubscribeSuccessResponse).subscriptionId = "sub-7";
    expect(v3(unsubscribed)).toEqual([{ path: "unsubscribeSuccessResponse.subscriptionId", rule, value: "sub-7" }]);
  });

  it("accepts only the VISS v3 error numbers in v3, leaving others to the range rule", () => {
    const errorNumbered = (number: number) => {
      const message = inVersion(decoded("get-error-response.json"), ProtocolVersion.VISS_V3);
      must(message.getErrorResponse).error.number = number;
      return violations(VISS, message);
    };
    expect(errorNumbered(404)).toEqual([]);
    expect(errorNumbered(429)).toEqual([]);
    expect(errorNumbered(500)).toEqual([{ path: "getErrorResponse.error.number", rule, value: 500 }]);
    expect(errorNumbered(302)).toEqual([{ path: "getErrorResponse.error.number", rule: "range", value: 302 }]);
  });

  it("does nothing for an unspecified version", () => {
    const message = inVersion(getRequest([PATHS, { staticMetadata: { keys: [], depth: 2 } }]), ProtocolVersion.UNSPECIFIED);
    expect(violations(VISS, message)).toEqual([{ path: "protocolVersion", rule: "enum", value: 0 }]);
  });
});

describe("vss-signal-leaf-datatype", () => {
  const rule = "vss-signal-leaf-datatype";
  const leaf = (): Signal => decoded<Signal>("signal-array-default.json");

  it("accepts a bare branch and a typed leaf", () => {
    expect(violations(SIGNAL, decoded("signal-branch.json"))).toEqual([]);
    expect(violations(SIGNAL, leaf())).toEqual([]);
  });

  it("rejects each leaf field on a branch", () => {
    const branch = decoded<Signal>("signal-branch.json");
    Object.assign(branch, { unit: "km/h", allowed: ["A"] });
    expect(violations(SIGNAL, branch)).toEqual([
      { path: "unit", rule, value: "km/h" },
      { path: "allowed", rule, value: "1 items" },
    ]);
  });

  it("requires a datatype on a leaf", () => {
    const signal = leaf();
    delete signal.datatype;
    delete signal.default;
    expect(violations(SIGNAL, signal)).toEqual([{ path: "datatype", rule, value: null }]);
  });

  it("ties struct_type to the struct datatypes", () => {
    const struct = Object.assign(leaf(), { datatype: Datatype.STRUCT, default: { structValue: { fields: {} } } });
    expect(violations(SIGNAL, struct)).toEqual([{ path: "structType", rule, value: null }]);
    struct.structType = "Types.Location";
    expect(violations(SIGNAL, struct)).toEqual([]);
    const float = Object.assign(leaf(), { datatype: Datatype.FLOAT, structType: "Types.Location" });
    delete float.default;
    expect(violations(SIGNAL, float)).toEqual([{ path: "structType", rule, value: "Types.Location" }]);
  });

  it("allows arraysize only with an array datatype and pattern only with a string datatype", () => {
    expect(violations(SIGNAL, Object.assign(leaf(), { arraysize: 2, pattern: "^[0-9]$" }))).toEqual([{ path: "pattern", rule, value: "^[0-9]$" }]);
    const scalar = Object.assign(leaf(), { datatype: Datatype.STRING, arraysize: 2, pattern: "^[0-9]$" });
    delete scalar.default;
    expect(violations(SIGNAL, scalar)).toEqual([{ path: "arraysize", rule, value: 2 }]);
  });
});

describe("vss-signal-values", () => {
  const rule = "vss-signal-values";

  function sensor(datatype: Datatype, fields: Partial<Signal> = {}): Signal {
    const signal = decoded<Signal>("signal-array-default.json");
    delete signal.default;
    return Object.assign(signal, { type: NodeType.SENSOR, datatype, ...fields });
  }

  it("accepts values of each datatype", () => {
    expect(violations(SIGNAL, sensor(Datatype.UINT8, { min: "0", max: "255", default: { scalar: "100" } }))).toEqual([]);
    expect(violations(SIGNAL, sensor(Datatype.INT64, { min: "-9223372036854775808", max: "9223372036854775807" }))).toEqual([]);
    expect(violations(SIGNAL, sensor(Datatype.UINT64, { max: "18446744073709551615" }))).toEqual([]);
    expect(violations(SIGNAL, sensor(Datatype.FLOAT, { min: "-3.4e38", max: "3.4e38" }))).toEqual([]);
    expect(violations(SIGNAL, sensor(Datatype.DOUBLE, { min: "-1e308", max: "1.5E308" }))).toEqual([]);
    expect(violations(SIGNAL, sensor(Datatype.BOOLEAN, { default: { scalar: "false" } }))).toEqual([]);
    expect(violations(SIGNAL, sensor(Datatype.STRING, { allowed: ["NORMAL", "SPORT"], default: { scalar: "SPORT" } }))).toEqual([]);
    expect(violations(SIGNAL, sensor(Datatype.INT8_ARRAY, { min: "-5", max: "5", arraysize: 2, default: { array: { values: ["-5", "5"] } } }))).toEqual([]);
  });

  it.each([
    [Datatype.UINT8, "256"],
    [Datatype.UINT8, "-1"],
    [Datatype.INT8, "-129"],
    [Datatype.UINT64, "18446744073709551616"],
    [Datatype.INT32, "1.5"],
    [Datatype.INT32, "1e3"],
    [Datatype.INT32, "007"],
    [Datatype.FLOAT, "3.5e38"],
    [Datatype.DOUBLE, "1e309"],
    [Datatype.DOUBLE, "fast"],
  ])("rejects %s max %s", (datatype, max) => {
    expect(violations(SIGNAL, sensor(datatype, { max }))).toEqual([{ path: "max", rule, value: max }]);
  });

  it("rejects min and max on a non-numeric datatype, and min above max", () => {
    expect(violations(SIGNAL, sensor(Datatype.BOOLEAN, { min: "false" }))).toEqual([{ path: "min", rule, value: "false" }]);
    expect(violations(SIGNAL, sensor(Datatype.UINT16, { min: "100", max: "10" }))).toEqual([{ path: "max", rule, value: "10" }]);
  });

  it("rejects min, max and unit beside allowed, and invalid allowed entries", () => {
    expect(violations(SIGNAL, sensor(Datatype.UINT8, { allowed: ["1", "2", "300"], min: "1", unit: "km/h" }))).toEqual([
      { path: "min", rule, value: "1" },
      { path: "unit", rule, value: "km/h" },
      { path: "allowed[2]", rule, value: "300" },
    ]);
    expect(violations(SIGNAL, sensor(Datatype.BOOLEAN, { allowed: ["true", "TRUE"] }))).toEqual([{ path: "allowed[1]", rule, value: "TRUE" }]);
  });

  it("rejects a default of the wrong shape or size, outside [min, max] or not allowed", () => {
    expect(violations(SIGNAL, sensor(Datatype.UINT8_ARRAY, { default: { scalar: "1" } }))).toEqual([{ path: "default", rule, value: "scalar" }]);
    expect(violations(SIGNAL, sensor(Datatype.STRUCT, { structType: "Types.Location", default: { structArray: { values: [] } } }))).toEqual([
      { path: "default", rule, value: "structArray" },
    ]);
    expect(violations(SIGNAL, sensor(Datatype.UINT8_ARRAY, { arraysize: 3, default: { array: { values: ["1", "2"] } } }))).toEqual([{ path: "default", rule, value: 2 }]);
    expect(violations(SIGNAL, sensor(Datatype.UINT8_ARRAY, { max: "100", default: { array: { values: ["1", "101"] } } }))).toEqual([{ path: "default", rule, value: "101" }]);
    expect(violations(SIGNAL, sensor(Datatype.FLOAT, { min: "-2.5", default: { scalar: "-2.6" } }))).toEqual([{ path: "default", rule, value: "-2.6" }]);
    expect(violations(SIGNAL, sensor(Datatype.STRING, { allowed: ["NORMAL", "SPORT"], default: { scalar: "RACE" } }))).toEqual([{ path: "default", rule, value: "RACE" }]);
    expect(violations(SIGNAL, sensor(Datatype.INT16, { default: { scalar: "40000" } }))).toEqual([{ path: "default", rule, value: "40000" }]);
  });

  it("leaves branches and a default without a member to other rules", () => {
    const branch = Object.assign(decoded<Signal>("signal-branch.json"), { min: "x" });
    expect(violations(SIGNAL, branch)).toEqual([{ path: "min", rule: "vss-signal-leaf-datatype", value: "x" }]);
    const emptyDefault = { path: "Vehicle.Speed", type: "NODE_TYPE_SENSOR", datatype: "DATATYPE_UINT8", description: "Speed.", default: {} };
    expect(violations(SIGNAL, decodeJson(registry, SIGNAL, emptyDefault))).toEqual([{ path: "default", rule: "choice", value: null }]);
  });
});

describe("vss-catalogue-unique-paths", () => {
  const rule = "vss-catalogue-unique-paths";
  const catalogueJson = () =>
    JSON.parse(readFileSync(new URL("../../../../proto/v2xh/vss/v1/catalogue.json", import.meta.url), "utf8")) as { signals: Record<string, unknown>[] };

  it("finds nothing wrong with the shipped VSS catalogue", () => {
    expect(violations(CATALOGUE, decodeJson(registry, CATALOGUE, catalogueJson()))).toEqual([]);
  });

  it("reports the later of two paths equal ignoring case", () => {
    const json = catalogueJson();
    json.signals.push({ ...json.signals[0], path: "VEHICLE.Speed" });
    expect(violations(CATALOGUE, decodeJson(registry, CATALOGUE, json))).toEqual([{ path: `signals[${json.signals.length - 1}].path`, rule, value: "VEHICLE.Speed" }]);
  });
});
