import { describe, expect, it } from "vitest";
import { decodeJson, loadRegistry } from "../../../../src/schema/index.ts";
import { encodeMessage } from "../../../../src/transport/mqtt/encode-message.ts";
import { observeMessage, type ObserveContext } from "../../../../src/transport/mqtt/observe-message.ts";
import { DEFAULT_TOPIC_TEMPLATE } from "../../../../src/transport/topics.ts";
import { exampleFrame } from "../../../helpers/broker.ts";
import { validFixtures } from "../../../helpers/fixtures.ts";

const FRAME = "v2xh.csae53.v1.MessageFrame";
const registry = loadRegistry();
const context: ObserveContext = { registry, topicTemplate: DEFAULT_TOPIC_TEMPLATE, encoding: "protobuf" };
const BSM_TOPIC = "v2x/v1/obu/veh-1/up/bsm";
const bsm = exampleFrame("bsm");
const GBT = "v2xh.gbt32960.v1.Frame";
const REALTIME_TOPIC = "v2x/v1/tbox/LSVAU2A37K2100001/up/realtime";
const realtime = decodeJson(registry, GBT, validFixtures("gbt32960").find((f) => f.file.endsWith("/realtime-2016.json"))?.message);

describe("encodeMessage and observeMessage", () => {
  it("round-trip a protobuf message typed by its content type alone, whatever the topic and the assumed encoding", () => {
    const { payload, contentType } = encodeMessage(registry, FRAME, bsm, "protobuf");
    expect(contentType).toBe(`application/x-protobuf; type=${FRAME}`);
    const observation = observeMessage({ ...context, encoding: "json" }, { topic: "any/topic", payload, contentType, receivedAt: 42 });
    expect(observation).toEqual({ channel: "any/topic", typeName: FRAME, encoding: "protobuf", receivedAt: 42, raw: payload, decoded: { ok: true, message: bsm } });
  });

  it("without a content type, take the type from the topic's {type} and the encoding from the context", () => {
    const { payload } = encodeMessage(registry, FRAME, bsm, "json");
    const observation = observeMessage({ ...context, encoding: "json" }, { topic: BSM_TOPIC, payload, receivedAt: 1 });
    expect(observation).toMatchObject({ typeName: FRAME, encoding: "json", decoded: { ok: true, message: bsm } });
  });

  it("with a JSON content type, which names no type, take the type from the topic and the encoding from the content type", () => {
    const { payload, contentType } = encodeMessage(registry, FRAME, bsm, "json");
    expect(contentType).toBe("application/json");
    expect(observeMessage(context, { topic: BSM_TOPIC, payload, contentType, receivedAt: 1 })).toMatchObject({ typeName: FRAME, encoding: "json", decoded: { ok: true, message: bsm } });
  });

  it.each([
    ["a topic outside the template", "elsewhere/bsm", undefined, /elsewhere\/bsm: no content type, and the topic does not match the template "v2x\/v1\/\{role\}\/\{id\}\/\{dir\}\/\{type\}"/],
    ["an unknown {type}", "v2x/v1/obu/veh-1/up/cam", undefined, /"cam" is not a known message kind/],
    ["an unknown content type", BSM_TOPIC, "text/plain", /unknown content type "text\/plain"/],
    ["an encoding that cannot carry the topic's type", BSM_TOPIC, "application/gbt32960", new RegExp(`${FRAME}: the gbt32960 encoding carries only v2xh.gbt32960.v1.Frame`)],
  ])("for %s, observe the message with the reason it was not decoded", (_case, topic, contentType, reason) => {
    const payload = Buffer.from([1, 2, 3]);
    const observation = observeMessage(context, contentType === undefined ? { topic, payload, receivedAt: 7 } : { topic, payload, contentType, receivedAt: 7 });
    expect(observation.raw).toBe(payload);
    expect(observation.receivedAt).toBe(7);
    expect(observation.decoded.ok).toBe(false);
    expect(observation.decoded.ok ? "" : observation.decoded.error).toMatch(reason);
  });

  it("name the type and the field when a payload does not decode", () => {
    const badJson = observeMessage({ ...context, encoding: "json" }, { topic: BSM_TOPIC, payload: Buffer.from('{"bsmFrame":{"heading":true}}'), receivedAt: 1 });
    const badBinary = observeMessage(context, { topic: BSM_TOPIC, payload: Buffer.from([0x0a, 0xff, 0x01]), receivedAt: 1 });
    expect(badJson.decoded).toEqual({ ok: false, error: `${FRAME}: bsmFrame.heading: expected an integer, got true` });
    expect(badBinary.decoded.ok ? "" : badBinary.decoded.error).toMatch(new RegExp(`^${FRAME}: not valid protobuf binary`));
  });

  it("round-trip a UPER message typed by the topic, announced as application/per", () => {
    const { payload, contentType } = encodeMessage(registry, FRAME, bsm, "per");
    expect(contentType).toBe("application/per");
    expect(observeMessage(context, { topic: BSM_TOPIC, payload, contentType, receivedAt: 1 })).toMatchObject({ typeName: FRAME, encoding: "per", decoded: { ok: true, message: bsm } });
  });

  it("round-trip a GB/T 32960 frame without a content type when the context assumes gbt32960", () => {
    const { payload, contentType } = encodeMessage(registry, GBT, realtime, "gbt32960");
    expect(contentType).toBe("application/gbt32960");
    expect(payload.subarray(0, 2).toString("latin1")).toBe("##");
    expect(observeMessage({ ...context, encoding: "gbt32960" }, { topic: REALTIME_TOPIC, payload, receivedAt: 1 })).toMatchObject({ typeName: GBT, encoding: "gbt32960", decoded: { ok: true, message: realtime } });
  });

  it("name the field and the offset when a UPER payload or a GB/T 32960 frame does not decode", () => {
    const per = encodeMessage(registry, FRAME, bsm, "per");
    const frame = encodeMessage(registry, GBT, realtime, "gbt32960");
    const truncated = observeMessage(context, { topic: BSM_TOPIC, payload: per.payload.subarray(0, 10), contentType: per.contentType, receivedAt: 1 });
    const cut = observeMessage(context, { topic: REALTIME_TOPIC, payload: frame.payload.subarray(0, 30), contentType: frame.contentType, receivedAt: 1 });
    expect(truncated.decoded).toEqual({ ok: false, error: `${FRAME}: not valid UPER: bsmFrame.id: input ends after 61 more bits, 64 needed (at bit 19)` });
    expect(cut.decoded.ok ? "" : cut.decoded.error).toMatch(new RegExp(`^${GBT}: not a valid GB/T 32960 frame: offset 22, dataUnitLength: `));
  });
});
