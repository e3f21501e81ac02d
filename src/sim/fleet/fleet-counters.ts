import { MESSAGE_KINDS, type MessageKindName, type QoS } from "../../transport/message-kinds.ts";
import type { AcknowledgementOutcome, SendResult } from "./fleet-session.ts";

/** What became of the messages of one kind. */
export interface KindCounts {
  readonly qos: QoS;
  /** Messages whose time came during the run: sent + dropped + skipped. */
  due: number;
  /** Handed to a connection (QoS 0: written to its socket; QoS 1: published). */
  sent: number;
  /** QoS 1: accepted by the broker (its PUBACK came). QoS 0 has no acknowledgement: `sent` is all there is. */
  acknowledged: number;
  /** QoS 1: refused by the broker (a PUBACK with a failure reason code). Counted as errors. */
  refused: number;
  /** QoS 1: sent, but the connection was lost before the acknowledgement came. */
  unconfirmed: number;
  /** Not sent: the connection was down. */
  droppedOffline: number;
  /** Not sent: the connection already held sessionBufferBytes unwritten, or maxInFlight QoS 1 messages. */
  droppedBackpressure: number;
  /** Not sent: the sender was a whole period behind, so the next message of the device was due already. */
  skipped: number;
}

/** Counts per message kind, and the errors of the run (a bounded sample of their reasons). */
export class FleetCounters {
  readonly kinds = new Map<MessageKindName, KindCounts>();
  /** Failed connection attempts (each retry counts). */
  connectionFailures = 0;
  /** Messages that could not be built or encoded (a harness bug). */
  buildFailures = 0;
  private readonly reasons = new Map<string, number>();
  private static readonly MAX_REASONS = 20;

  kind(kind: MessageKindName): KindCounts {
    let counts = this.kinds.get(kind);
    if (counts === undefined) {
      counts = { qos: MESSAGE_KINDS[kind].qos, due: 0, sent: 0, acknowledged: 0, refused: 0, unconfirmed: 0, droppedOffline: 0, droppedBackpressure: 0, skipped: 0 };
      this.kinds.set(kind, counts);
    }
    return counts;
  }

  /** Counts one due message by what send() said. */
  sendResult(counts: KindCounts, result: SendResult): void {
    counts.due += 1;
    if (result === "sent") counts.sent += 1;
    else if (result === "offline") counts.droppedOffline += 1;
    else counts.droppedBackpressure += 1;
  }

  skip(counts: KindCounts): void {
    counts.due += 1;
    counts.skipped += 1;
  }

  settle(counts: KindCounts, outcome: AcknowledgementOutcome, reason: string | undefined): void {
    if (outcome === "acknowledged") counts.acknowledged += 1;
    else if (outcome === "refused") {
      counts.refused += 1;
      this.note(reason ?? "a message was refused");
    } else counts.unconfirmed += 1;
  }

  /** Remembers why something failed; the first MAX_REASONS distinct reasons are kept, each with its count. */
  note(reason: string): void {
    const seen = this.reasons.get(reason);
    if (seen !== undefined) this.reasons.set(reason, seen + 1);
    else if (this.reasons.size < FleetCounters.MAX_REASONS) this.reasons.set(reason, 1);
  }

  get errorReasons(): { reason: string; count: number }[] {
    return [...this.reasons].map(([reason, count]) => ({ reason, count }));
  }

  total(field: Exclude<keyof KindCounts, "qos">): number {
    let sum = 0;
    for (const counts of this.kinds.values()) sum += counts[field];
    return sum;
  }

  /** Publishes that went wrong (refused, or failed to build): what the error threshold counts. */
  get errors(): number {
    return this.total("refused") + this.buildFailures;
  }

  get dropped(): number {
    return this.total("droppedOffline") + this.total("droppedBackpressure");
  }
}
