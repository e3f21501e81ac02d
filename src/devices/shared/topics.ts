import { MESSAGE_KINDS, type MessageKindName } from "../../transport/message-kinds.ts";
import { DEFAULT_TOPIC_TEMPLATE, renderTopic, topicFilter } from "../../transport/topics.ts";

/** The topic of `kind` for device `id` under `template`; "+" as id gives the filter for every device. */
export function topicOf(template: string | undefined, kind: MessageKindName, id: string): string {
  const { role, dir, topicType } = MESSAGE_KINDS[kind];
  const t = template ?? DEFAULT_TOPIC_TEMPLATE;
  return id === "+" ? topicFilter(t, { role, dir, type: topicType }) : renderTopic(t, { role, id, dir, type: topicType });
}
