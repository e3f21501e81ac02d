import { EventEmitter } from "node:events";
import { formatViolation, validateRules, type Registry } from "../schema/index.ts";
import type { MessageKindName } from "../transport/message-kinds.ts";
import type { Observation } from "../transport/observation.ts";
import type { BusObservation, Carrier, ObservationSink } from "./carriers/carrier.ts";
import type { EvidenceItem } from "./verdict.ts";

export type { BusObservation };

export interface ReceivedFilter {
  /** Only messages of this device id. Default: the SUT's. */
  readonly id?: string;
  /** Only messages of any device id. Default: false. */
  readonly anyId?: boolean;
  /** Only messages that arrived at or after this time (ms since the epoch). Default: the test's start. */
  readonly since?: number;
}

/**
 * What a test purpose does on the SUT's link (the MQTT bus, or GB/T 32960 over TCP): read what the SUT sent (every message, with its arrival
 * time), wait for a message, and send stimuli as the SUT's peers would. Waits end early, returning
 * what they have, when the test's time is up.
 */
export interface BusDriver {
  readonly sutId: string;
  /** Messages of `kind` that arrived so far, oldest first. */
  received(kind: MessageKindName, filter?: ReceivedFilter): BusObservation[];
  /** Waits `windowMs`, then returns the messages of `kind` that arrived during the wait. */
  collect(kind: MessageKindName, windowMs: number, filter?: Omit<ReceivedFilter, "since">): Promise<BusObservation[]>;
  /**
   * The first message of `kind` satisfying `match` that arrived since `filter.since` (default: now),
   * waiting up to `timeoutMs` for it; undefined when none came.
   */
  next(kind: MessageKindName, timeoutMs: number, match?: (o: BusObservation) => boolean, filter?: ReceivedFilter): Promise<BusObservation | undefined>;
  /** Calls `handler` for each message of `kind` from now on (any id); returns the function that stops it. */
  onReceive(kind: MessageKindName, handler: (o: BusObservation) => void): () => void;
  /** Sends a message of `kind` as device `id` would, and returns the evidence of having sent it. */
  send(kind: MessageKindName, id: string, message: object, summary?: string): Promise<EvidenceItem>;
  /** Sends bytes as they are where a message of `kind` from `id` goes: a malformed message. */
  sendRaw(kind: MessageKindName, id: string, payload: Uint8Array, summary: string): Promise<EvidenceItem>;
  /** Sends, as a message of `kind` from `id`, something the carrier delivers as one that cannot be decoded (over TCP: a frame with a good header and a broken data unit). */
  sendUndecodable(kind: MessageKindName, id: string, summary: string): Promise<EvidenceItem>;
  /** Every rule the message breaks, one line each ("cannot decode: …" when it is not a message at all). */
  violations(o: Observation): string[];
  /** Evidence of an observed message. */
  evidence(o: Observation, summary: string): EvidenceItem;
}

/**
 * The run's one link to the SUT, shared by every test and the role's peer: every message observed
 * (with its arrival time) over the role's carrier, MQTT or GB/T 32960 TCP.
 */
export class BusSession {
  readonly sutId: string;
  private readonly registry: Registry;
  private readonly log: BusObservation[] = [];
  private readonly arrivals = new EventEmitter<{ message: [BusObservation] }>();
  private carrier: Carrier | undefined;

  private constructor(registry: Registry, sutId: string) {
    this.registry = registry;
    this.sutId = sutId;
    this.arrivals.setMaxListeners(0);
  }

  /** Opens the carrier `openCarrier` makes, handing it where observations go; rejects as it does. */
  static async open(registry: Registry, sutId: string, openCarrier: (sink: ObservationSink) => Promise<Carrier>): Promise<BusSession> {
    const session = new BusSession(registry, sutId);
    session.carrier = await openCarrier((o) => session.record(o));
    return session;
  }

  /** Where the harness listens for the SUT, when it does. */
  get listening(): Carrier["listening"] {
    return this.carrier?.listening;
  }

  /** The tests' view: times default to `start`, and waits end when `signal` aborts. */
  view(start: number, signal: AbortSignal): BusDriver {
    return new BusView(this, start, signal);
  }

  received(kind: MessageKindName, filter: ReceivedFilter, defaultSince: number): BusObservation[] {
    const since = filter.since ?? defaultSince;
    const id = filter.anyId === true ? undefined : (filter.id ?? this.sutId);
    return this.log.filter((o) => o.kind === kind && o.receivedAt >= since && (id === undefined || o.id === id));
  }

  onReceive(handler: (o: BusObservation) => void): () => void {
    this.arrivals.on("message", handler);
    return () => this.arrivals.off("message", handler);
  }

  async send(kind: MessageKindName, id: string, message: object, summary: string): Promise<EvidenceItem> {
    const at = Date.now();
    const channel = await this.opened().send(kind, id, message);
    return { at, kind: "stimulus", channel, summary, message: toJsonValue(message) };
  }

  async sendRaw(kind: MessageKindName, id: string, payload: Uint8Array, summary: string): Promise<EvidenceItem> {
    const at = Date.now();
    const channel = await this.opened().sendRaw(kind, id, payload);
    return { at, kind: "stimulus", channel, summary: `${summary} (${payload.length} bytes: ${Buffer.from(payload.subarray(0, 16)).toString("hex")}${payload.length > 16 ? "…" : ""})` };
  }

  sendUndecodable(kind: MessageKindName, id: string, summary: string): Promise<EvidenceItem> {
    return this.sendRaw(kind, id, this.opened().undecodable(kind, id), summary);
  }

  violations(o: Observation): string[] {
    if (!o.decoded.ok) return [`cannot decode: ${o.decoded.error}`];
    return validateRules(this.registry, o.typeName, o.decoded.message).map(formatViolation);
  }

  close(): Promise<void> {
    this.arrivals.removeAllListeners();
    return this.carrier?.close() ?? Promise.resolve();
  }

  private opened(): Carrier {
    if (this.carrier === undefined) throw new Error("the bus session is not open yet");
    return this.carrier;
  }

  private record(observation: BusObservation): void {
    this.log.push(observation);
    this.arrivals.emit("message", observation);
  }
}

/** Decoded messages hold bigint-free plain data, but Uint8Array fields must become hex to read in a report. */
function toJsonValue(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString("hex") : v))) as unknown;
}

class BusView implements BusDriver {
  readonly sutId: string;
  private readonly session: BusSession;
  private readonly start: number;
  private readonly signal: AbortSignal;

  constructor(session: BusSession, start: number, signal: AbortSignal) {
    this.session = session;
    this.sutId = session.sutId;
    this.start = start;
    this.signal = signal;
  }

  received(kind: MessageKindName, filter: ReceivedFilter = {}): BusObservation[] {
    return this.session.received(kind, filter, this.start);
  }

  async collect(kind: MessageKindName, windowMs: number, filter: Omit<ReceivedFilter, "since"> = {}): Promise<BusObservation[]> {
    const since = Date.now();
    await abortableSleep(windowMs, this.signal);
    const until = since + windowMs;
    return this.session.received(kind, { ...filter, since }, since).filter((o) => o.receivedAt <= until);
  }

  next(kind: MessageKindName, timeoutMs: number, match: (o: BusObservation) => boolean = () => true, filter: ReceivedFilter = {}): Promise<BusObservation | undefined> {
    const since = filter.since ?? Date.now();
    const already = this.session.received(kind, { ...filter, since }, since).find(match);
    if (already !== undefined) return Promise.resolve(already);
    const wanted = (o: BusObservation): boolean => o.kind === kind && (filter.anyId === true || o.id === (filter.id ?? this.sutId)) && match(o);
    return new Promise((resolve) => {
      const finish = (o: BusObservation | undefined): void => {
        clearTimeout(timer);
        stop();
        this.signal.removeEventListener("abort", onAbort);
        resolve(o);
      };
      const onAbort = (): void => finish(undefined);
      const timer = setTimeout(() => finish(undefined), timeoutMs);
      const stop = this.session.onReceive((o) => {
        if (wanted(o)) finish(o);
      });
      this.signal.addEventListener("abort", onAbort);
    });
  }

  onReceive(kind: MessageKindName, handler: (o: BusObservation) => void): () => void {
    return this.session.onReceive((o) => {
      if (o.kind === kind) handler(o);
    });
  }

  send(kind: MessageKindName, id: string, message: object, summary = `sent ${kind}`): Promise<EvidenceItem> {
    return this.session.send(kind, id, message, summary);
  }

  sendRaw(kind: MessageKindName, id: string, payload: Uint8Array, summary: string): Promise<EvidenceItem> {
    return this.session.sendRaw(kind, id, payload, summary);
  }

  sendUndecodable(kind: MessageKindName, id: string, summary: string): Promise<EvidenceItem> {
    return this.session.sendUndecodable(kind, id, summary);
  }

  violations(o: Observation): string[] {
    return this.session.violations(o);
  }

  evidence(o: Observation, summary: string): EvidenceItem {
    return { at: o.receivedAt, kind: "observed", channel: o.channel, summary, ...(o.decoded.ok ? { message: toJsonValue(o.decoded.message) } : {}) };
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}
