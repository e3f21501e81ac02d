import { describe, expect, it } from "vitest";
import { decodeProtobuf, encodeProtobuf, loadRegistry } from "../../../../src/schema/index.ts";
import type { Envelope } from "../../../../src/schema/gen/v2xh/harness/v1/envelope_pb.ts";
import { EnvelopeSender, ENVELOPE_TYPE, observeEnvelopeFrame } from "../../../../src/transport/ws/envelope-frame.ts";

const registry = loadRegistry();
const TYPE = "v2xh.vss.v1.UnsubscribeRequest";
const message = { subscriptionId: "7", requestId: "1" };

describe("EnvelopeSender", () => {
  it("numbers envelopes from 0 and stamps the send time in µs", () => {
    let now = 1_700_000_000_000;
    const sender = new EnvelopeSender(registry, "obu-1", () => now);
    const first = decodeProtobuf<Envelope>(registry, ENVELOPE_TYPE, sender.wrap(TYPE, message));
    now += 0.25;
    const second = decodeProtobuf<Envelope>(registry, ENVELOPE_TYPE, sender.wrap(TYPE, message, "json"));
    expect([first.sequenceNumber, second.sequenceNumber]).toEqual([0n, 1n]);
    expect([first.sendTimeUs, second.sendTimeUs]).toEqual([1_700_000_000_000_000n, 1_700_000_000_000_250n]);
    expect([first.encoding, second.encoding]).toEqual([1, 2]);
    expect(Buffer.from(second.payload).toString("utf8")).toBe('{"subscriptionId":"7","requestId":"1"}');
  });

  it("does not count a message it could not encode", () => {
    const sender = new EnvelopeSender(registry, "obu-1", () => 1);
    expect(() => sender.wrap("v2xh.vss.v1.Nope", message)).toThrow(/no message type/);
    expect(decodeProtobuf<Envelope>(registry, ENVELOPE_TYPE, sender.wrap(TYPE, message)).sequenceNumber).toBe(0n);
  });
});

describe("observeEnvelopeFrame", () => {
  it("decodes the payload once and keeps the whole frame as raw", () => {
    const frame = Buffer.from(new EnvelopeSender(registry, "obu-1", () => 1).wrap(TYPE, message));
    const observation = observeEnvelopeFrame(registry, "ws://x", frame, true, 42);
    expect(observation).toMatchObject({ channel: "ws://x", typeName: TYPE, encoding: "protobuf", receivedAt: 42, decoded: { ok: true, message } });
    expect(Buffer.from(observation.raw)).toEqual(frame);
  });

  it("says why a payload in a wire format it does not carry is not decoded", () => {
    const sender = new EnvelopeSender(registry, "obu-1", () => 1);
    const envelope = decodeProtobuf<Envelope>(registry, ENVELOPE_TYPE, sender.wrap(TYPE, message));
    const uper = Buffer.from(encodeProtobuf(registry, ENVELOPE_TYPE, { ...envelope, encoding: 3 }));
    const observation = observeEnvelopeFrame(registry, "ws://x", uper, true, 1);
    expect(observation.encoding).toBe("per");
    expect(observation.decoded).toEqual({ ok: false, error: "undecodable payload: per payloads are decoded by the wire codecs, which the WebSocket binding does not carry" });
  });
});
