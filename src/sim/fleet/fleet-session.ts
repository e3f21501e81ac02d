import type { TopicRoute } from "./topic-route.ts";

/** What became of a send: handed to the connection, or not sent because it is down or full. */
export type SendResult = "sent" | "offline" | "backpressure";

/** How a QoS 1 message ended: the broker acknowledged or refused it, or its connection was lost first. */
export type AcknowledgementOutcome = "acknowledged" | "refused" | "lost";

/** What a session tells the fleet runner. */
export interface SessionListener {
  /** The session is connected (first time and after every reconnect). */
  up(session: FleetSession): void;
  /** An established connection was lost; the session reconnects by itself. */
  down(session: FleetSession, reason: string): void;
  /** A connection attempt failed, or the broker refused the connection for good (`refused` is then true). */
  failed(session: FleetSession, reason: string): void;
}

/** One connection to the broker, carrying the traffic of one or more devices. */
export interface FleetSession {
  readonly index: number;
  readonly clientId: string;
  readonly connected: boolean;
  /** The broker refused the connection in a way retrying will not change (bad credentials, client id). */
  readonly refused: boolean;
  /** Starts connecting; reconnects with backoff after failures and losses until closed. */
  open(): void;
  /** Publishes `payload` on `route`; `settle` hears how a QoS 1 message ended. Never queues while offline. */
  send(route: TopicRoute, payload: Buffer, settle?: (outcome: AcknowledgementOutcome, reason?: string) => void): SendResult;
  /** Ends a batch of sends: whatever send() held back goes out now. */
  flush(): void;
  /** Disconnects cleanly (waiting a bounded time for QoS 1 acknowledgements) and stops reconnecting. */
  close(): Promise<void>;
}

/** Makes sessions: MQTT in real runs, anything else (e.g. in memory) in tests. */
export interface FleetTransport {
  createSession(index: number, clientId: string, listener: SessionListener): FleetSession;
}
