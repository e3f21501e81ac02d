import type { Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import type { Observation } from "../../transport/observation.ts";
import { VEHICLE_COMMANDS } from "../../transport/tcp/index.ts";

/** The vehicle messages the platform answers, and the command each carries: everything a T-Box sends of its own accord. */
export const INBOUND = VEHICLE_COMMANDS;

export type Inbound = keyof typeof INBOUND;

const BY_COMMAND: ReadonlyMap<number, Inbound> = new Map(Object.entries(INBOUND).map(([kind, command]) => [command, kind as Inbound]));

/** The kind of message a command byte starts, or undefined for one the platform does not serve. */
export function inboundOf(command: number): Inbound | undefined {
  return BY_COMMAND.get(command);
}

/** A message for the platform, from the bus or a TCP connection, with the way back to its sender. */
export interface PlatformMessage {
  /** What the channel says it is: the MQTT topic's kind, or over TCP the header's command. */
  readonly kind: Inbound;
  /** The VIN the channel names (the topic's id, or the frame header's); "" when unknown. */
  readonly vin: string;
  readonly observation: Observation;
  readonly reply: (frame: Frame) => void;
  /** The connection it came on, when sessions end with their connection (TCP). */
  readonly link?: object;
}
