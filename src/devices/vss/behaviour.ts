import type { VissErrorCode } from "../../transport/ws/index.ts";

/** The knobs of a VSS server's behaviour; REFERENCE_VSS is the correct setting of each, a fault changes one. */
export interface VssBehaviour {
  /** Let clients set sensors as if they were actuators. */
  readonly sensorsWritable: boolean;
  /** The error for a path the tree does not have, instead of the error profile's; undefined keeps the profile's. */
  readonly unknownPathError: VissErrorCode | undefined;
  /** Accept a set without an access token even when tokens are required. */
  readonly tokenOptional: boolean;
  /** Answer with the request's requestId (otherwise with a server-chosen one). */
  readonly echoRequestId: boolean;
  /** Multiplies the period of every timebased subscription. */
  readonly timebasedPeriodFactor: number;
  /** Stop a subscription on unsubscribe (otherwise confirm it and keep sending). */
  readonly honourUnsubscribe: boolean;
  /** Keep the connection after a frame that is not JSON (otherwise close it after the error answer). */
  readonly keepConnectionOnMalformed: boolean;
  /** Select the subprotocol the client offers in the handshake (otherwise accept without selecting one). */
  readonly selectSubprotocol: boolean;
  /** Write `ts` as the transport schema has it, an ISO 8601 string (otherwise as epoch milliseconds). */
  readonly isoTimestamps: boolean;
  /** Answer a get with the path that was asked for (otherwise with the tree's root). */
  readonly getAnswersRequestedPath: boolean;
  /** Store the value of a confirmed set (otherwise confirm it and keep the old value). */
  readonly applySets: boolean;
  /** Deliver the events of change subscriptions (otherwise confirm them and send nothing). */
  readonly deliverChangeEvents: boolean;
}

export const REFERENCE_VSS: VssBehaviour = {
  sensorsWritable: false,
  unknownPathError: undefined,
  tokenOptional: false,
  echoRequestId: true,
  timebasedPeriodFactor: 1,
  honourUnsubscribe: true,
  keepConnectionOnMalformed: true,
  selectSubprotocol: true,
  isoTimestamps: true,
  getAnswersRequestedPath: true,
  applySets: true,
  deliverChangeEvents: true,
};

/** Whether the behaviour changes frames on the wire, which takes a proxy in front of the server. */
export function changesFrames(b: VssBehaviour): boolean {
  return (
    !b.echoRequestId ||
    b.timebasedPeriodFactor !== 1 ||
    !b.honourUnsubscribe ||
    !b.keepConnectionOnMalformed ||
    !b.selectSubprotocol ||
    !b.isoTimestamps ||
    !b.getAnswersRequestedPath ||
    !b.deliverChangeEvents
  );
}
