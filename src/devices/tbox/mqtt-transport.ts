import type { MessageKindName } from "../../transport/message-kinds.ts";
import { connectBinding, createBinding } from "../shared/bus.ts";
import type { BusDeviceOptions, ResolvedDeviceOptions } from "../shared/device-options.ts";
import { topicOf } from "../shared/topics.ts";
import type { TboxTransport } from "./connection.ts";

/** The T-Box on the MQTT bus: frames go up on its topics, the platform's answers and commands come down on two more. */
export function mqttTransport(options: BusDeviceOptions, resolved: ResolvedDeviceOptions): TboxTransport {
  const { id } = resolved;
  const topic = (kind: MessageKindName): string => topicOf(options.topicTemplate, kind, id);
  return {
    loginPerConnection: false,
    open: async (hear) => {
      const binding = createBinding(options, resolved, "tbox");
      await connectBinding(binding, resolved.log);
      await binding.subscribe({ kind: "platformAnswer", id }, hear);
      await binding.subscribe({ kind: "platformCommand", id }, hear);
      return {
        get connected() {
          return binding.connected;
        },
        send: async (kind, frame) => void (await binding.publish(kind, { id }, frame)),
        onReconnect: (listener) => void binding.on("connect", listener),
        close: () => binding.close(),
      };
    },
    describe: (settings) => [
      `GB/T 32960-2016 login on ${topic("login")}, realtime every ${settings.reportIntervalMs} ms on ${topic("realtime")}, heartbeat every ${settings.heartbeatIntervalMs} ms on ${topic("heartbeat")}`,
      `platform answers and commands heard on ${topic("platformAnswer")} and ${topic("platformCommand")}`,
    ],
  };
}
