import { EventEmitter } from "node:events";
import { connect } from "node:net";
import type { Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { MQTT_BINDING_DEFAULTS, type ReconnectOptions } from "../mqtt/options.ts";
import { ReconnectSchedule } from "../mqtt/reconnect.ts";
import type { Observation } from "../observation.ts";
import { TransportError } from "../transport-error.ts";
import { Gbt32960Link, linkOptionsOf, type Gbt32960LinkOptions } from "./gbt32960-link.ts";

export interface Gbt32960ClientOptions extends Partial<Gbt32960LinkOptions> {
  readonly host: string;
  readonly port: number;
  /** Backoff after a lost connection (not after a failed first connect). Default: the MQTT binding's, 250 ms doubling to 10 s. */
  readonly reconnect?: Partial<ReconnectOptions>;
  /** How long a connection attempt may take, ms. Default: 10000. */
  readonly connectTimeoutMs?: number;
}

export interface Gbt32960ClientEvents {
  /** A connection is up (first connect and every reconnect). */
  connect: [];
  /** The connection was lost; a reconnect is scheduled unless reconnecting is disabled. */
  offline: [cause: TransportError];
  /** Reconnect attempt number `attempt` (1, 2, …) starts. */
  reconnect: [attempt: number];
  /** A frame (or a framing error) from the platform. */
  observation: [observation: Observation];
  /** The client is closed for good. */
  close: [];
}

/**
 * The terminal end of GB/T 32960 over TCP: one connection to a platform, reopened with backoff when
 * it is lost. What a T-Box does after a reconnect (log in again) is up to the caller, on `connect`.
 */
export class Gbt32960TcpClient extends EventEmitter<Gbt32960ClientEvents> {
  private readonly options: Gbt32960ClientOptions;
  private readonly linkOptions: Gbt32960LinkOptions;
  private readonly schedule: ReconnectSchedule;
  private link: Gbt32960Link | undefined;
  private closed = false;

  constructor(options: Gbt32960ClientOptions) {
    super();
    this.options = options;
    this.linkOptions = linkOptionsOf(options);
    this.schedule = new ReconnectSchedule({ ...MQTT_BINDING_DEFAULTS.reconnect, ...options.reconnect }, (attempt) => {
      this.emit("reconnect", attempt);
      // A failed attempt only backs off further: `offline` was said once, when the connection was lost.
      this.open().catch(() => void (this.closed || this.schedule.schedule()));
    });
  }

  get connected(): boolean {
    return this.link?.isOpen ?? false;
  }

  /** Opens the first connection; rejects with an "unreachable" TransportError (and does not retry). */
  async connect(): Promise<void> {
    await this.open();
  }

  /** Sends a frame on the open connection; throws a TransportError ("closed" while offline, see Gbt32960Link.send). */
  send(frame: Frame): void {
    this.current().send(frame);
  }

  sendBytes(bytes: Uint8Array): void {
    this.current().sendBytes(bytes);
  }

  /** Closes for good at once, dropping what waits to be written. */
  close(): void {
    this.closed = true;
    this.schedule.clear();
    this.link?.close();
    this.emit("close");
  }

  /** Closes for good once what waits to be written has gone out (at most `timeoutMs`): the last frames sent (a logout) reach the platform. */
  async end(timeoutMs = 1000): Promise<void> {
    this.closed = true;
    this.schedule.clear();
    await this.link?.end(timeoutMs);
    this.emit("close");
  }

  private current(): Gbt32960Link {
    const link = this.link;
    if (link === undefined || !link.isOpen) throw new TransportError("closed", `not connected to ${this.address()}`, { url: `tcp://${this.address()}` });
    return link;
  }

  private address(): string {
    return `${this.options.host}:${this.options.port}`;
  }

  private open(): Promise<void> {
    const { host, port, connectTimeoutMs = 10_000 } = this.options;
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      socket.setTimeout(connectTimeoutMs);
      const fail = (reason: string, cause?: Error): void => {
        socket.destroy();
        reject(new TransportError("unreachable", `cannot connect to GB/T 32960 platform at tcp://${this.address()}: ${reason}`, { url: `tcp://${this.address()}` }, cause));
      };
      socket.once("timeout", () => fail(`no connection within ${connectTimeoutMs} ms`));
      socket.once("error", (error) => fail(error.message, error));
      socket.once("connect", () => {
        socket.removeAllListeners();
        socket.setTimeout(0);
        if (this.closed) {
          socket.destroy();
          return resolve();
        }
        const link = new Gbt32960Link(socket, this.linkOptions);
        this.link = link;
        link.on("observation", (observation) => this.emit("observation", observation));
        link.once("close", (cause) => this.lost(cause ?? new TransportError("connection-lost", `tcp://${this.address()} closed the connection`, { url: `tcp://${this.address()}` })));
        this.schedule.succeeded();
        this.emit("connect");
        resolve();
      });
    });
  }

  private lost(cause: TransportError): void {
    if (this.closed) return;
    this.emit("offline", cause);
    if (this.schedule.enabled) this.schedule.schedule();
    else this.close();
  }
}
