import type { KindCounts } from "./fleet-counters.ts";
import type { FleetSession } from "./fleet-session.ts";
import type { TopicRoute } from "./topic-route.ts";

export type HandOver = (session: FleetSession, device: string, route: TopicRoute, counts: KindCounts, due: number, payload: Buffer) => void;

/**
 * Messages built but not yet handed to their connections. Building a message (JavaScript) and
 * writing it to a socket (the kernel) each run faster when done many at a time than when taken in
 * turns — in turns each evicts the other from the CPU caches, which nearly doubled the cost of a
 * write when measured — so a round of sending builds up to `capacity` messages, then writes them
 * back to back.
 */
export class OutgoingBatch {
  readonly capacity: number;
  private size = 0;
  private readonly sessions: (FleetSession | undefined)[];
  private readonly devices: string[];
  private readonly routes: (TopicRoute | undefined)[];
  private readonly counts: (KindCounts | undefined)[];
  private readonly dues: Float64Array;
  private readonly payloads: (Buffer | undefined)[];

  constructor(capacity: number) {
    this.capacity = capacity;
    this.sessions = new Array<FleetSession | undefined>(capacity).fill(undefined);
    this.devices = new Array<string>(capacity).fill("");
    this.routes = new Array<TopicRoute | undefined>(capacity).fill(undefined);
    this.counts = new Array<KindCounts | undefined>(capacity).fill(undefined);
    this.dues = new Float64Array(capacity);
    this.payloads = new Array<Buffer | undefined>(capacity).fill(undefined);
  }

  get full(): boolean {
    return this.size === this.capacity;
  }

  /** Stages one message; the caller drains the batch first when it is full. */
  add(session: FleetSession, device: string, route: TopicRoute, counts: KindCounts, due: number, payload: Buffer): void {
    const i = this.size++;
    this.sessions[i] = session;
    this.devices[i] = device;
    this.routes[i] = route;
    this.counts[i] = counts;
    this.dues[i] = due;
    this.payloads[i] = payload;
  }

  /** Hands every staged message over in the order staged, and empties the batch. */
  drain(handOver: HandOver): void {
    for (let i = 0; i < this.size; i++) {
      handOver(this.sessions[i]!, this.devices[i]!, this.routes[i]!, this.counts[i]!, this.dues[i]!, this.payloads[i]!);
      this.sessions[i] = undefined;
      this.payloads[i] = undefined;
    }
    this.size = 0;
  }
}
