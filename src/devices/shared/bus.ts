import { randomBytes } from "node:crypto";
import { MqttBinding } from "../../transport/mqtt/index.ts";
import type { Encoding } from "../../transport/observation.ts";
import { DeviceError } from "../device-error.ts";
import type { BusDeviceOptions, ResolvedDeviceOptions } from "./device-options.ts";
import type { Log } from "./log.ts";
import { UpperTester, type UtHandler } from "./upper-tester.ts";

/** A device's MQTT binding, not yet connected; bad options become a DeviceOptionError. */
export function createBinding(options: BusDeviceOptions, resolved: ResolvedDeviceOptions, role: string, encoding: Encoding | undefined = options.encoding): MqttBinding {
  const { clock, id, registry } = resolved;
  try {
    return new MqttBinding({
      url: options.broker,
      clientId: `v2x-${role}-${id}-${randomBytes(3).toString("hex")}`.slice(0, 64),
      timeSource: () => clock.now(),
      registry,
      ...(options.topicTemplate === undefined ? {} : { topicTemplate: options.topicTemplate }),
      ...(options.protocolVersion === undefined ? {} : { protocolVersion: options.protocolVersion }),
      ...(encoding === undefined ? {} : { encoding }),
      ...(options.reconnect === undefined ? {} : { reconnect: options.reconnect }),
    });
  } catch (cause) {
    throw new DeviceError("DeviceOptionError", (cause as Error).message, cause);
  }
}

/** Connects a binding, logging the errors it reports later; an unreachable or refusing broker becomes a DeviceStartError. */
export async function connectBinding(binding: MqttBinding, log: Log): Promise<void> {
  binding.on("error", (error) => log(error.message));
  try {
    await binding.connect();
  } catch (cause) {
    throw new DeviceError("DeviceStartError", (cause as Error).message, cause);
  }
}

/** Opens the upper-tester channel unless the options switch it off. */
export async function openUpperTester(options: BusDeviceOptions, resolved: ResolvedDeviceOptions, handle: UtHandler): Promise<UpperTester | undefined> {
  if (options.upperTester === false) return undefined;
  return UpperTester.open({
    url: options.broker,
    deviceId: resolved.id,
    protocolVersion: options.protocolVersion ?? 5,
    encoding: options.encoding ?? "protobuf",
    registry: resolved.registry,
    handle,
    log: resolved.log,
  });
}
