import type { Clock } from "../../../../src/sim/clock.ts";
import type { AcknowledgementOutcome, FleetSession, FleetTransport, SendResult, SessionListener, TopicRoute } from "../../../../src/sim/fleet/index.ts";

/** One message as the in-memory broker received it. */
export interface Received {
  readonly clientId: string;
  readonly topic: string;
  readonly qos: number;
  /** Clock time it was sent at. */
  readonly at: number;
  readonly payload: Buffer;
}

/**
 * A broker in memory, for fleet runs on a virtual clock: sessions connect at once while it is up,
 * every message sent is recorded, QoS 1 is acknowledged at once. setUp(false) takes every
 * connection down; setUp(true) brings them back. While `full`, every connection refuses sends as
 * a real one does when its buffer limit is reached.
 */
export class MemoryBroker {
  readonly received: Received[] = [];
  full = false;
  private up = true;
  private readonly sessions: MemorySession[] = [];
  private readonly clock: Clock;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  transport(): FleetTransport {
    return {
      createSession: (index, clientId, listener) => {
        const session = new MemorySession(index, clientId, listener, this);
        this.sessions.push(session);
        return session;
      },
    };
  }

  get isUp(): boolean {
    return this.up;
  }

  setUp(up: boolean): void {
    this.up = up;
    for (const session of this.sessions) session.brokerChanged(up);
  }

  record(clientId: string, route: TopicRoute, payload: Buffer): void {
    this.received.push({ clientId, topic: route.topic, qos: route.qos, at: this.clock.now(), payload: Buffer.from(payload) });
  }
}

class MemorySession implements FleetSession {
  readonly index: number;
  readonly clientId: string;
  readonly refused = false;
  connected = false;
  private opened = false;
  private readonly listener: SessionListener;
  private readonly broker: MemoryBroker;

  constructor(index: number, clientId: string, listener: SessionListener, broker: MemoryBroker) {
    this.index = index;
    this.clientId = clientId;
    this.listener = listener;
    this.broker = broker;
  }

  open(): void {
    this.opened = true;
    this.brokerChanged(this.broker.isUp);
  }

  brokerChanged(up: boolean): void {
    if (!this.opened || up === this.connected) return;
    this.connected = up;
    if (up) this.listener.up(this);
    else this.listener.down(this, "the in-memory broker went down");
  }

  send(route: TopicRoute, payload: Buffer, settle?: (outcome: AcknowledgementOutcome) => void): SendResult {
    if (!this.connected) return "offline";
    if (this.broker.full) return "backpressure";
    this.broker.record(this.clientId, route, payload);
    settle?.("acknowledged");
    return "sent";
  }

  flush(): void {}

  close(): Promise<void> {
    this.opened = false;
    this.connected = false;
    return Promise.resolve();
  }
}
