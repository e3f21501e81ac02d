import { connect, type IClientPublishOptions, type MqttClient } from "mqtt";
import { endWithin } from "../../transport/mqtt/end-client.ts";
import { reasonCodeOf } from "../../transport/mqtt/errors.ts";
import { singleConnectionOptions, type ReconnectOptions } from "../../transport/mqtt/options.ts";
import { ReconnectSchedule } from "../../transport/mqtt/reconnect.ts";
import type { AcknowledgementOutcome, FleetSession, FleetTransport, SendResult, SessionListener } from "./fleet-session.ts";
import { publishPacket, publishPacketLength, writePublishPacket } from "./publish-packet.ts";
import type { TopicRoute } from "./topic-route.ts";

export interface MqttSessionOptions {
  readonly url: string;
  readonly protocolVersion: 4 | 5;
  /** s */
  readonly keepalive: number;
  readonly connectTimeoutMs: number;
  readonly reconnect: ReconnectOptions;
  /** Bytes a connection may hold unwritten; sends beyond it are dropped ("backpressure"). */
  readonly bufferLimit: number;
  /** QoS 1 messages a connection may have unacknowledged; sends beyond it are dropped. */
  readonly maxInFlight: number;
  /**
   * Hold QoS 0 messages back until flush() and write them as one buffer: one system call and one
   * object per batch instead of per message (worth it when a connection carries many devices).
   */
  readonly batchWrites: boolean;
  readonly username?: string;
  readonly password?: string;
}

/**
 * CONNACK codes worth retrying: the broker is unavailable or busy for now (3 in MQTT 3.1.1; 0x88,
 * 0x89, 0x97 quota exceeded and 0x9F connection rate exceeded in MQTT 5). Any other refusal
 * (credentials, client id, protocol version) stays.
 */
const RETRYABLE_REFUSALS: ReadonlySet<number> = new Set([3, 0x88, 0x89, 0x97, 0x9f]);

/** The socket under an mqtt.js client, as far as the session writes to it. */
interface Socket {
  readonly writableLength: number;
  write(chunk: Buffer): boolean;
}

type State = "idle" | "connecting" | "connected" | "waiting" | "refused" | "closed";

/**
 * An MQTT session on mqtt.js, lean enough for thousands per process. mqtt.js connects, keeps the
 * connection alive and handles QoS 1; QoS 0 messages — nearly all of the traffic — bypass its
 * per-publish path, which cost as much again as the socket write itself (at 10,000 connections,
 * flat out: 41,000 msg/s through client.publish, 85,000-93,000 written directly): each is written
 * to the socket as one pre-framed PUBLISH packet. mqtt.js also writes each of its packets whole in
 * one go, so packets never interleave. Reconnecting is done here (one fresh client per connection,
 * delays from ReconnectSchedule with jitter), as in MqttBinding; nothing is queued while the
 * connection is down.
 */
class MqttFleetSession implements FleetSession {
  readonly index: number;
  readonly clientId: string;
  private readonly options: MqttSessionOptions;
  private readonly listener: SessionListener;
  private readonly reconnects: ReconnectSchedule;
  private state: State = "idle";
  private client: MqttClient | undefined;
  private socket: Socket | undefined;
  private inFlight = 0;
  /** QoS 0 messages held back for flush() (batchWrites), and their total size as packets. */
  private readonly heldPrefixes: Buffer[] = [];
  private readonly heldPayloads: Buffer[] = [];
  private heldBytes = 0;

  constructor(index: number, clientId: string, options: MqttSessionOptions, listener: SessionListener) {
    this.index = index;
    this.clientId = clientId;
    this.options = options;
    this.listener = listener;
    this.reconnects = new ReconnectSchedule(options.reconnect, () => this.connectNow());
  }

  get connected(): boolean {
    return this.state === "connected";
  }

  get refused(): boolean {
    return this.state === "refused";
  }

  open(): void {
    if (this.state === "idle") this.connectNow();
  }

  send(route: TopicRoute, payload: Buffer, settle?: (outcome: AcknowledgementOutcome, reason?: string) => void): SendResult {
    const socket = this.socket;
    const client = this.client;
    if (this.state !== "connected" || socket === undefined || client === undefined) return "offline";
    if (socket.writableLength + this.heldBytes > this.options.bufferLimit) return "backpressure";
    if (route.prefix !== undefined) {
      if (!this.options.batchWrites) {
        socket.write(publishPacket(route.prefix, payload));
        return "sent";
      }
      // QoS 1 messages below go out at once, so within a batch they may pass QoS 0 ones; each topic
      // has one QoS, so the order on any topic stays.
      this.heldPrefixes.push(route.prefix);
      this.heldPayloads.push(payload);
      this.heldBytes += publishPacketLength(route.prefix, payload);
      return "sent";
    }
    if (this.inFlight >= this.options.maxInFlight) return "backpressure";
    this.inFlight += 1;
    const options: IClientPublishOptions = this.options.protocolVersion === 5 ? { qos: route.qos, properties: { contentType: route.contentType } } : { qos: route.qos };
    client.publish(route.topic, payload, options, (error) => {
      if (client !== this.client) {
        settle?.("lost", "the connection was lost before the broker acknowledged");
        return;
      }
      this.inFlight -= 1;
      if (!error) settle?.("acknowledged");
      else if (reasonCodeOf(error) !== undefined) settle?.("refused", `${error.message} (reason code ${reasonCodeOf(error)})`);
      else settle?.("lost", error.message);
    });
    return "sent";
  }

  flush(): void {
    if (this.heldBytes === 0) return;
    const batch = Buffer.allocUnsafe(this.heldBytes);
    let offset = 0;
    for (let i = 0; i < this.heldPayloads.length; i++) offset = writePublishPacket(batch, offset, this.heldPrefixes[i]!, this.heldPayloads[i]!);
    this.dropHeld();
    this.socket?.write(batch);
  }

  private dropHeld(): void {
    this.heldPrefixes.length = 0;
    this.heldPayloads.length = 0;
    this.heldBytes = 0;
  }

  async close(): Promise<void> {
    const client = this.client;
    this.state = "closed";
    this.reconnects.clear();
    this.flush();
    if (client === undefined) return;
    await endWithin(client, this.options.connectTimeoutMs);
    this.discard(client);
  }

  private connectNow(): void {
    if (this.state === "closed" || this.state === "refused") return;
    this.state = "connecting";
    const client = connect(this.options.url, singleConnectionOptions({ ...this.options, clientId: this.clientId }));
    this.client = client;
    let failure: string | undefined;
    let refusal: number | undefined;
    client.on("connect", () => {
      if (client !== this.client || this.state !== "connecting") return;
      this.state = "connected";
      this.socket = client.stream;
      this.reconnects.succeeded();
      this.listener.up(this);
    });
    client.on("error", (error) => {
      failure ??= error.message;
      if (!client.connected) refusal ??= reasonCodeOf(error);
    });
    client.on("close", () => this.onClose(client, failure ?? "the connection closed", refusal));
  }

  private onClose(client: MqttClient, reason: string, refusal: number | undefined): void {
    if (client !== this.client || this.state === "closed" || this.state === "refused") return;
    const wasConnected = this.state === "connected";
    this.discard(client);
    if (wasConnected) this.listener.down(this, reason);
    if (refusal !== undefined && !RETRYABLE_REFUSALS.has(refusal)) {
      this.state = "refused";
      this.listener.failed(this, `${this.options.url} refused the connection: ${reason} (reason code ${refusal})`);
      return;
    }
    if (!wasConnected) this.listener.failed(this, `cannot connect to ${this.options.url}: ${reason}`);
    this.state = "waiting";
    this.reconnects.schedule();
  }

  /** Forgets a client whose connection is over; its late callbacks and errors are ignored. */
  private discard(client: MqttClient): void {
    if (this.client === client) {
      this.client = undefined;
      this.socket = undefined;
      this.inFlight = 0;
      this.dropHeld();
    }
    client.removeAllListeners();
    client.on("error", () => undefined);
    client.end(true);
  }
}

/** Sessions over MQTT (mqtt.js), one client per connection. */
export function mqttTransport(options: MqttSessionOptions): FleetTransport {
  return { createSession: (index, clientId, listener) => new MqttFleetSession(index, clientId, options, listener) };
}
