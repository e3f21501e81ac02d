import type { Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { beijingTime } from "../../sim/index.ts";
import type { MessageKindName } from "../../transport/message-kinds.ts";
import { FRAME_TYPE, VEHICLE_COMMANDS } from "../../transport/tcp/index.ts";
import { computeBcc } from "../../wire/gbt32960/index.ts";
import type { BusObservation } from "./carrier.ts";

const COMMANDS: Partial<Record<MessageKindName, number>> = VEHICLE_COMMANDS;

/**
 * A 2016 frame whose header, length and BCC are good, so it reaches the platform as a `kind` from
 * `vin`, but whose data unit is a time and a whole-vehicle unit cut off after 3 of its 20 bytes.
 */
export function undecodableFrame(kind: MessageKindName, vin: string): Uint8Array {
  const command = COMMANDS[kind];
  if (command === undefined) throw new RangeError(`no vehicle command carries a ${kind}`);
  const { year, month, day, hour, minute, second } = beijingTime(Date.now());
  const data = [year, month, day, hour, minute, second, 0x01, 0x01, 0x03, 0x01];
  const frame = new Uint8Array(25 + data.length);
  frame.set([0x23, 0x23, command, 0xfe]);
  frame.set(Buffer.from(vin.padEnd(17, "\0").slice(0, 17), "latin1"), 4);
  frame.set([0x01, data.length >> 8, data.length & 0xff, ...data], 21);
  frame[frame.length - 1] = computeBcc(frame, frame.length - 1);
  return frame;
}

/** The observation of a frame the harness itself sent, as a subscriber to its own topics sees it on the bus. */
export function sentObservation(channel: string, kind: MessageKindName, id: string, frame: Frame, bytes: Uint8Array): BusObservation {
  return { channel, kind, id, typeName: FRAME_TYPE, encoding: "gbt32960", receivedAt: Date.now(), raw: bytes, decoded: { ok: true, message: frame as unknown as Record<string, unknown> } };
}
