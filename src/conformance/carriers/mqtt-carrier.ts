import type { Registry } from "../../schema/index.ts";
import { MESSAGE_KINDS, type MessageKindName } from "../../transport/message-kinds.ts";
import { MqttBinding } from "../../transport/mqtt/index.ts";
import { parseTopic } from "../../transport/topics.ts";
import { HarnessError } from "../harness-error.ts";
import type { BusPixit } from "../pixit.ts";
import type { Carrier, ObservationSink, Observes } from "./carrier.ts";

/** Bytes that are no message in either MQTT payload encoding: a protobuf field 1 whose length runs past the end, and no JSON. */
const UNDECODABLE = Uint8Array.from([0x0a, 0xff, 0xff, 0x13]);

/** The MQTT bus (ARCHITECTURE.md §5): one connection, subscribed to the topics of what the role observes. */
export async function openMqttCarrier(pixit: BusPixit, registry: Registry, sutId: string, observes: Observes, sink: ObservationSink): Promise<Carrier> {
  const binding = new MqttBinding({
    url: pixit.url,
    protocolVersion: pixit.protocolVersion,
    topicTemplate: pixit.topicTemplate,
    encoding: pixit.encoding,
    registry,
    reconnect: { initialDelayMs: 100, maxDelayMs: 1000 },
    ...(pixit.username === undefined ? {} : { username: pixit.username }),
    ...(pixit.password === undefined ? {} : { password: pixit.password }),
  });
  binding.on("error", () => undefined);
  try {
    await binding.connect();
  } catch (cause) {
    throw new HarnessError("HarnessFault", `cannot connect to the broker at ${pixit.url} (PIXIT bus.url): ${(cause as Error).message}`, cause);
  }
  for (const { kind, of } of observes) {
    await binding.subscribe(of === "sut" ? { kind, id: sutId } : { kind }, (o) => {
      const parts = parseTopic(pixit.topicTemplate, o.channel);
      const observed = parts === undefined ? undefined : kindOf(parts.role, parts.dir, parts.type);
      if (parts !== undefined && observed !== undefined) sink({ ...o, kind: observed, id: parts.id });
    });
  }
  return {
    send: async (kind, id, message) => {
      await binding.publish(kind, { id }, message);
      return binding.topicFor(kind, id);
    },
    sendRaw: async (kind, id, payload) => {
      await binding.publishRaw(kind, { id }, payload);
      return binding.topicFor(kind, id);
    },
    undecodable: () => UNDECODABLE,
    close: () => binding.close(),
  };
}

function kindOf(role: string, dir: string, type: string): MessageKindName | undefined {
  return (Object.keys(MESSAGE_KINDS) as MessageKindName[]).find((k) => {
    const kind = MESSAGE_KINDS[k];
    return kind.role === role && kind.dir === dir && kind.topicType === type;
  });
}
