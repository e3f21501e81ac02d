import type { Registry } from "../../schema/index.ts";
import { parseContentType } from "../content-type.ts";
import { MESSAGE_KINDS } from "../message-kinds.ts";
import type { Encoding, Observation } from "../observation.ts";
import { decodePayload } from "../payload-codec.ts";
import { parseTopic } from "../topics.ts";

export interface ObserveContext {
  readonly registry: Registry;
  readonly topicTemplate: string;
  /** Encoding assumed when the message has no content type. */
  readonly encoding: Encoding;
}

export interface ReceivedMessage {
  readonly topic: string;
  readonly payload: Uint8Array;
  /** The MQTT 5 content type, when the message has one. */
  readonly contentType?: string;
  readonly receivedAt: number;
}

const TYPE_BY_TOPIC_TYPE: ReadonlyMap<string, string> = new Map(Object.values(MESSAGE_KINDS).map((k) => [k.topicType, k.typeName]));

/**
 * Decodes a received message once into an observation. The type comes from the content type,
 * else from the topic's {type} level; a message that cannot be decoded still becomes an
 * observation, with `decoded.ok === false` and the reason (naming the type and, where the decoder
 * knows it, the field).
 */
export function observeMessage(context: ObserveContext, message: ReceivedMessage): Observation {
  const { topic, payload, receivedAt } = message;
  const base = { channel: topic, receivedAt, raw: payload };
  let encoding = context.encoding;
  let announcedType: string | undefined;
  if (message.contentType !== undefined) {
    const announced = parseContentType(message.contentType);
    if (announced === undefined) return { ...base, typeName: "", encoding, decoded: { ok: false, error: `${topic}: unknown content type "${message.contentType}"` } };
    encoding = announced.encoding;
    announcedType = announced.typeName;
  }
  const typeName = announcedType ?? typeFromTopic(context.topicTemplate, topic);
  if (typeof typeName !== "string") return { ...base, typeName: "", encoding, decoded: { ok: false, error: typeName.problem } };
  return { ...base, typeName, encoding, decoded: decode(context.registry, typeName, encoding, payload) };
}

function typeFromTopic(template: string, topic: string): string | { problem: string } {
  const parts = parseTopic(template, topic);
  if (parts === undefined) return { problem: `${topic}: no content type, and the topic does not match the template "${template}", so the message type is unknown` };
  return TYPE_BY_TOPIC_TYPE.get(parts.type) ?? { problem: `${topic}: no content type, and "${parts.type}" is not a known message kind, so the message type is unknown` };
}

function decode(registry: Registry, typeName: string, encoding: Encoding, payload: Uint8Array): Observation["decoded"] {
  try {
    return { ok: true, message: decodePayload(registry, typeName, encoding, payload) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
