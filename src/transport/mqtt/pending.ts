import type { QoS } from "../message-kinds.ts";

/**
 * How a publish ended: "acknowledged" by the broker (QoS 1 PUBACK, QoS 2 PUBCOMP), "written" to
 * the connection (QoS 0), or "dropped" (QoS 0 while offline or on a connection that was lost;
 * also reported by the `dropped` event).
 */
export type PublishOutcome = "acknowledged" | "written" | "dropped";

/** One outgoing message from publish() until the broker acknowledged it, it was written, or it was dropped. */
export interface PendingMessage<Link> {
  readonly topic: string;
  readonly payload: Buffer;
  readonly qos: QoS;
  readonly contentType?: string;
  /** The connection it was handed to; undefined while it waits for one. */
  sentOn: Link | undefined;
  readonly resolve: (outcome: PublishOutcome) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The bounded, ordered set of pending outgoing messages. Order is publish order, and a message
 * returned by `takeBack` keeps its place, so after a reconnect messages go out in the order they
 * were published.
 */
export class PendingMessages<Link> {
  private readonly entries = new Map<number, PendingMessage<Link>>();
  private nextId = 0;
  readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  get size(): number {
    return this.entries.size;
  }

  get full(): boolean {
    return this.entries.size >= this.limit;
  }

  /** Adds a message (the caller checks `full` first) and returns its id. */
  add(message: PendingMessage<Link>): number {
    const id = this.nextId++;
    this.entries.set(id, message);
    return id;
  }

  get(id: number): PendingMessage<Link> | undefined {
    return this.entries.get(id);
  }

  delete(id: number): void {
    this.entries.delete(id);
  }

  /** Messages waiting for a connection, in publish order. */
  *waiting(): IterableIterator<[number, PendingMessage<Link>]> {
    for (const entry of this.entries) if (entry[1].sentOn === undefined) yield entry;
  }

  /**
   * After `link` was lost: QoS 1/2 messages handed to it wait again (they are resent on the next
   * connection), QoS 0 messages handed to it are removed and returned, since nothing confirms they
   * left.
   */
  takeBack(link: Link): [number, PendingMessage<Link>][] {
    const lost: [number, PendingMessage<Link>][] = [];
    for (const [id, message] of this.entries) {
      if (message.sentOn !== link) continue;
      if (message.qos === 0) {
        this.entries.delete(id);
        lost.push([id, message]);
      } else {
        message.sentOn = undefined;
      }
    }
    return lost;
  }

  /** Removes and returns every message. */
  drain(): [number, PendingMessage<Link>][] {
    const all = [...this.entries];
    this.entries.clear();
    return all;
  }
}
