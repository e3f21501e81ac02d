import { describe, expect, it } from "vitest";
import { publishPacket, publishPrefix } from "../../../../src/sim/fleet/index.ts";
import { publishPacketLength, writePublishPacket } from "../../../../src/sim/fleet/publish-packet.ts";

/** Reads a QoS 0 PUBLISH back (MQTT §3.3): the fields a broker would see. */
function parse(packet: Buffer, protocolVersion: 4 | 5): { type: number; remaining: number; topic: string; contentType?: string; payload: Buffer } {
  let offset = 1;
  let remaining = 0;
  for (let multiplier = 1; ; multiplier *= 128) {
    const byte = packet[offset++]!;
    remaining += (byte & 0x7f) * multiplier;
    if ((byte & 0x80) === 0) break;
  }
  expect(packet.length - offset).toBe(remaining);
  const topicLength = packet.readUInt16BE(offset);
  const topic = packet.toString("utf8", offset + 2, offset + 2 + topicLength);
  offset += 2 + topicLength;
  let contentType: string | undefined;
  if (protocolVersion === 5) {
    const propertiesLength = packet[offset++]!;
    const end = offset + propertiesLength;
    if (propertiesLength > 0) {
      expect(packet[offset]).toBe(0x03);
      const length = packet.readUInt16BE(offset + 1);
      contentType = packet.toString("utf8", offset + 3, offset + 3 + length);
    }
    offset = end;
  }
  return { type: packet[0]!, remaining, topic, ...(contentType === undefined ? {} : { contentType }), payload: packet.subarray(offset) };
}

describe("QoS 0 PUBLISH packets", () => {
  const topic = "v2x/v1/obu/ronghua-se-through-3/up/bsm";
  const type = "application/x-protobuf; type=v2xh.csae53.v1.MessageFrame";

  it("carry the topic, the MQTT 5 content type and the payload", () => {
    const payload = Buffer.from([1, 2, 3, 250]);
    const parsed = parse(publishPacket(publishPrefix(topic, 5, type), payload), 5);
    expect(parsed).toEqual({ type: 0x30, remaining: expect.any(Number) as number, topic, contentType: type, payload });
  });

  it("have no properties in MQTT 3.1.1", () => {
    const payload = Buffer.from("hello");
    expect(parse(publishPacket(publishPrefix(topic, 4, type), payload), 4)).toEqual({ type: 0x30, remaining: 2 + topic.length + 5, topic, payload });
  });

  it("can be written back to back into one buffer, as a batch leaves a shared connection", () => {
    const prefixes = [publishPrefix("a/1", 5, type), publishPrefix("b/22", 5, type)];
    const payloads = [Buffer.alloc(200, 1), Buffer.alloc(3, 2)];
    const batch = Buffer.alloc(publishPacketLength(prefixes[0]!, payloads[0]!) + publishPacketLength(prefixes[1]!, payloads[1]!));
    const end = writePublishPacket(batch, writePublishPacket(batch, 0, prefixes[0]!, payloads[0]!), prefixes[1]!, payloads[1]!);
    expect(end).toBe(batch.length);
    const first = publishPacket(prefixes[0]!, payloads[0]!);
    expect(batch.subarray(0, first.length).equals(first)).toBe(true);
    expect(parse(batch.subarray(first.length), 5)).toMatchObject({ topic: "b/22", contentType: type, payload: payloads[1] });
  });

  it("encode the remaining length in 1 to 3 bytes at the boundaries", () => {
    const prefix = publishPrefix("t", 4);
    for (const [size, lengthBytes] of [[124, 1], [125, 2], [16_380, 2], [16_381, 3]] as const) {
      const packet = publishPacket(prefix, Buffer.alloc(size, 1));
      expect(packet.length).toBe(1 + lengthBytes + prefix.length + size);
      expect(parse(packet, 4).payload.length).toBe(size);
    }
  });
});
