import { decodeJson, decodeProtobuf, encodeJson, encodeProtobuf, validateRules, formatViolation, type Registry } from "../../schema/index.ts";
import { Encoding as EnvelopeEncoding, type Envelope } from "../../schema/gen/v2xh/harness/v1/envelope_pb.ts";
import type { Encoding, Observation, TimeSource } from "../observation.ts";

export const ENVELOPE_TYPE = "v2xh.harness.v1.Envelope";

/** The envelope's fields other than the payload, as the receiver saw them. */
export type EnvelopeHeader = Omit<Envelope, "payload">;

/**
 * An observation of one envelope frame. `raw` is the whole frame; `typeName`, `encoding` and
 * `decoded` describe the payload. `envelope` is undefined when the frame was no valid envelope.
 */
export interface EnvelopeObservation extends Observation {
  readonly envelope: EnvelopeHeader | undefined;
}

/** Payload encodings the envelope binding can produce itself. */
export type SendEncoding = "protobuf" | "json";

const TO_OBSERVATION: Readonly<Record<number, Encoding>> = {
  [EnvelopeEncoding.PROTOBUF]: "protobuf",
  [EnvelopeEncoding.JSON]: "json",
  [EnvelopeEncoding.UPER]: "per",
  [EnvelopeEncoding.GBT32960]: "gbt32960",
};

/** Wraps messages of one sender in envelopes, numbering them from 0. */
export class EnvelopeSender {
  private sequence = 0n;
  private readonly registry: Registry;
  private readonly senderId: string;
  private readonly timeSource: TimeSource;

  constructor(registry: Registry, senderId: string, timeSource: TimeSource) {
    this.registry = registry;
    this.senderId = senderId;
    this.timeSource = timeSource;
  }

  /** The encoded envelope around `message`; throws a SchemaError when `message` cannot be encoded as `typeName`. */
  wrap(typeName: string, message: unknown, encoding: SendEncoding = "protobuf"): Uint8Array {
    const payload =
      encoding === "protobuf"
        ? encodeProtobuf(this.registry, typeName, message)
        : Buffer.from(JSON.stringify(encodeJson(this.registry, typeName, message)), "utf8");
    const envelope: Envelope = {
      messageType: typeName,
      encoding: encoding === "protobuf" ? EnvelopeEncoding.PROTOBUF : EnvelopeEncoding.JSON,
      sendTimeUs: BigInt(Math.round(this.timeSource() * 1000)),
      senderId: this.senderId,
      sequenceNumber: this.sequence,
      payload,
    };
    const bytes = encodeProtobuf(this.registry, ENVELOPE_TYPE, envelope);
    this.sequence += 1n;
    return bytes;
  }
}

/** Decodes one received frame, once. Never throws: whatever is wrong ends up in `decoded.error`. */
export function observeEnvelopeFrame(registry: Registry, channel: string, frame: Buffer, isBinary: boolean, receivedAt: number): EnvelopeObservation {
  const raw = new Uint8Array(frame.buffer, frame.byteOffset, frame.length);
  const failed = (error: string, envelope?: EnvelopeHeader, encoding: Encoding = "protobuf"): EnvelopeObservation => ({
    channel,
    typeName: envelope?.messageType ?? "",
    encoding,
    receivedAt,
    raw,
    decoded: { ok: false, error },
    envelope,
  });
  if (!isBinary) return failed("text frame: the envelope binding carries binary frames only");
  let envelope: Envelope;
  try {
    envelope = decodeProtobuf<Envelope>(registry, ENVELOPE_TYPE, raw);
  } catch (error) {
    return failed(`malformed envelope: ${(error as Error).message}`);
  }
  const { payload, ...header } = envelope;
  const violations = validateRules(registry, ENVELOPE_TYPE, envelope);
  if (violations.length > 0) return failed(`malformed envelope: ${violations.map(formatViolation).join("; ")}`);
  const encoding = TO_OBSERVATION[header.encoding] ?? "protobuf";
  try {
    const message = decodePayload(registry, header.messageType, encoding, payload);
    return { channel, typeName: header.messageType, encoding, receivedAt, raw, decoded: { ok: true, message }, envelope: header };
  } catch (error) {
    return failed(`undecodable payload: ${(error as Error).message}`, header, encoding);
  }
}

function decodePayload(registry: Registry, typeName: string, encoding: Encoding, payload: Uint8Array): Record<string, unknown> {
  switch (encoding) {
    case "protobuf":
      return decodeProtobuf(registry, typeName, payload);
    case "json":
      return decodeJson(registry, typeName, Buffer.from(payload).toString("utf8"));
    case "per":
    case "gbt32960":
      throw new Error(`${encoding} payloads are decoded by the wire codecs, which the WebSocket binding does not carry`);
  }
}
