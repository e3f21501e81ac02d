import { describe, expect, it } from "vitest";
import { publishPacket, publishPrefix } from "../../../../src/sim/fleet/index.ts";

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

  it("encode the remaining length in 1 to 3 bytes at the boundaries", () => {
    const prefix = publishPrefix("t", 4);
    for (const [size, lengthBytes] of [[124, 1], [125, 2], [16_380, 2], [16_381, 3]] as const) {
      const packet = publishPacket(prefix, Buffer.alloc(size, 1));
      expect(packet.length).toBe(1 + lengthBytes + prefix.length + size);
      expect(parse(packet, 4).payload.length).toBe(size);
    }
  });
});
