import { Command, ResponseFlag, type Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import type { MessageKindName } from "../message-kinds.ts";

/** What the first 24 bytes of a GB/T 32960 frame say: the command, the response flag and the VIN. */
export interface FrameHeader {
  readonly command: number;
  readonly responseFlag: number;
  readonly vin: string;
}

export function headerOfFrame(frame: Frame): FrameHeader {
  return { command: frame.command, responseFlag: frame.responseFlag, vin: frame.uniqueId };
}

/**
 * The header of bytes the codec rejected, when they begin with a start symbol and hold the 24
 * header bytes; undefined for garbage. Over TCP no topic says what a message is or who sent it, so
 * a malformed frame is placed by its header (a malformed report still gets its error answer).
 */
export function headerOfBytes(raw: Uint8Array): FrameHeader | undefined {
  const start = raw[0];
  if (raw.length < 24 || (start !== 0x23 && start !== 0x24) || raw[1] !== start) return undefined;
  const vin = Buffer.from(raw.subarray(4, 21)).toString("latin1").replace(/[\0 ]+$/, "");
  return { command: raw[2] as number, responseFlag: raw[3] as number, vin };
}

/** The message kinds a T-Box sends of its own accord (not answers), and the command each carries. */
export const VEHICLE_COMMANDS = {
  login: Command.VEHICLE_LOGIN,
  realtime: Command.REALTIME,
  reissue: Command.REISSUE,
  logout: Command.VEHICLE_LOGOUT,
  heartbeat: Command.HEARTBEAT,
  timeCalibration: Command.TIME_CALIBRATION,
} as const satisfies Partial<Record<MessageKindName, Command>>;

const UP_KINDS: ReadonlyMap<number, MessageKindName> = new Map(Object.entries(VEHICLE_COMMANDS).map(([kind, command]) => [command, kind as MessageKindName]));

/** The message kind of a frame from a T-Box: an answer (to a query, set or control), or a request by its command; undefined for a command no kind carries. */
export function upKindOf(header: Pick<FrameHeader, "command" | "responseFlag">): MessageKindName | undefined {
  return header.responseFlag === ResponseFlag.COMMAND ? UP_KINDS.get(header.command) : "tboxAnswer";
}

/** The message kind of a frame from a platform: a command (query, set, control) or an answer. */
export function downKindOf(header: Pick<FrameHeader, "responseFlag">): MessageKindName {
  return header.responseFlag === ResponseFlag.COMMAND ? "platformCommand" : "platformAnswer";
}
