import type { MessageKindName } from "../../transport/message-kinds.ts";
import type { Observation } from "../../transport/observation.ts";
import type { TcpAddress } from "../../transport/tcp-address.ts";

/** An observation with the message kind and device id its channel names. */
export interface BusObservation extends Observation {
  readonly kind: MessageKindName;
  readonly id: string;
}

/** The message kinds a role's harness listens to, and whose: the SUT's own, or every id's. */
export type Observes = readonly { readonly kind: MessageKindName; readonly of: "sut" | "any" }[];

/** Where a carrier hands each message it observes. */
export type ObservationSink = (observation: BusObservation) => void;

/**
 * How the messages of a bus role travel between the harness and the SUT: through an MQTT broker,
 * or as GB/T 32960 frames over TCP. A carrier observes what `observes` names (the harness's own
 * sends included, as a subscriber to its own topics would) and sends as the SUT's peers would.
 */
export interface Carrier {
  /** Where the harness listens for the SUT, when it does (the platform a T-Box over TCP connects to). */
  readonly listening?: TcpAddress;
  /** Sends a message of `kind` as device `id` would; resolves to the channel it went on. */
  send(kind: MessageKindName, id: string, message: object): Promise<string>;
  /** Sends bytes as they are where a message of `kind` from `id` goes; resolves to the channel. */
  sendRaw(kind: MessageKindName, id: string, payload: Uint8Array): Promise<string>;
  /** Bytes this carrier delivers as a message of `kind` from `id` that is no such message (a malformed stimulus). */
  undecodable(kind: MessageKindName, id: string): Uint8Array;
  close(): Promise<void>;
}

/** Whether a message of `kind` from `id` is one the role observes. */
export function observedBy(observes: Observes, sutId: string): (kind: MessageKindName, id: string) => boolean {
  return (kind, id) => observes.some((o) => o.kind === kind && (o.of === "any" || id === sutId));
}
