import { contentType } from "../../transport/content-type.ts";
import { MESSAGE_KINDS, type MessageKindName, type QoS } from "../../transport/message-kinds.ts";
import { renderTopic } from "../../transport/topics.ts";
import { publishPrefix } from "./publish-packet.ts";

/** Where one device's messages of one kind go, worked out once per run. */
export interface TopicRoute {
  readonly kind: MessageKindName;
  readonly topic: string;
  /** The kind's QoS under the policy of MESSAGE_KINDS. */
  readonly qos: QoS;
  /** The MQTT 5 content type (protobuf with the message type). */
  readonly contentType: string;
  /** QoS 0: the PUBLISH bytes before the payload (topic, MQTT 5 properties). */
  readonly prefix: Buffer | undefined;
}

export function topicRoute(kind: MessageKindName, deviceId: string, config: { readonly topicTemplate: string; readonly protocolVersion: 4 | 5 }): TopicRoute {
  const { role, dir, topicType, typeName, qos } = MESSAGE_KINDS[kind];
  const topic = renderTopic(config.topicTemplate, { role, id: deviceId, dir, type: topicType });
  const type = contentType("protobuf", typeName);
  return { kind, topic, qos, contentType: type, prefix: qos === 0 ? publishPrefix(topic, config.protocolVersion, type) : undefined };
}
