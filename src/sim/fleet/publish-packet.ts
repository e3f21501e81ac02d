// MQTT 3.1.1 §3.3 and MQTT 5 §3.3: a QoS 0 PUBLISH is the fixed header (type 3, no flags), the
// remaining length, the topic name, in MQTT 5 the properties, then the payload. There is no packet
// identifier at QoS 0, so everything before the payload is the same for every message on a topic
// and is built once.

const PUBLISH_QOS0 = 0x30;
const CONTENT_TYPE_PROPERTY = 0x03;
const MAX_REMAINING_LENGTH = 268_435_455;

/** The bytes between the remaining length and the payload of a QoS 0 PUBLISH on `topic`. */
export function publishPrefix(topic: string, protocolVersion: 4 | 5, contentType?: string): Buffer {
  const name = utf8String(topic);
  if (protocolVersion === 4) return name;
  const properties = contentType === undefined ? Buffer.alloc(0) : Buffer.concat([Buffer.of(CONTENT_TYPE_PROPERTY), utf8String(contentType)]);
  return Buffer.concat([name, variableByteInteger(properties.length), properties]);
}

/** A whole QoS 0 PUBLISH packet: one buffer, so it leaves in one write. */
export function publishPacket(prefix: Buffer, payload: Uint8Array): Buffer {
  const packet = Buffer.allocUnsafe(publishPacketLength(prefix, payload));
  writePublishPacket(packet, 0, prefix, payload);
  return packet;
}

/** The size of the QoS 0 PUBLISH packet of `payload` on the topic of `prefix`, bytes. */
export function publishPacketLength(prefix: Buffer, payload: Uint8Array): number {
  const remaining = prefix.length + payload.length;
  if (remaining > MAX_REMAINING_LENGTH) throw new RangeError(`PUBLISH too large: ${remaining} bytes after the fixed header, MQTT allows ${MAX_REMAINING_LENGTH}`);
  return 1 + variableByteIntegerLength(remaining) + remaining;
}

/** Writes the packet of publishPacket at `offset` of `target` (which must have room); returns the offset after it. */
export function writePublishPacket(target: Buffer, offset: number, prefix: Buffer, payload: Uint8Array): number {
  const remaining = prefix.length + payload.length;
  target[offset] = PUBLISH_QOS0;
  const at = writeVariableByteInteger(target, offset + 1, remaining);
  prefix.copy(target, at);
  target.set(payload, at + prefix.length);
  return at + remaining;
}

/** A UTF-8 string with its two-byte big-endian length (MQTT §1.5.3). */
function utf8String(text: string): Buffer {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length > 0xffff) throw new RangeError(`MQTT string too long: ${bytes.length} bytes, at most 65535`);
  const out = Buffer.allocUnsafe(2 + bytes.length);
  out.writeUInt16BE(bytes.length, 0);
  bytes.copy(out, 2);
  return out;
}

function variableByteInteger(value: number): Buffer {
  const out = Buffer.allocUnsafe(variableByteIntegerLength(value));
  writeVariableByteInteger(out, 0, value);
  return out;
}

function variableByteIntegerLength(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : 4;
}

/** Writes `value` as an MQTT variable byte integer (§1.5.5) at `offset`; returns the offset after it. */
function writeVariableByteInteger(target: Buffer, offset: number, value: number): number {
  let at = offset;
  let rest = value;
  do {
    const digit = rest % 0x80;
    rest = Math.floor(rest / 0x80);
    target[at++] = rest > 0 ? digit | 0x80 : digit;
  } while (rest > 0);
  return at;
}
