import { EventEmitter } from "node:events";
import { connect as connectClient, type IPublishPacket, type MqttClient } from "mqtt";
import { loadRegistry, type Registry } from "../../schema/index.ts";
import { MESSAGE_KINDS, type MessageKindName, type QoS } from "../message-kinds.ts";
import type { Observation } from "../observation.ts";
import { renderTopic, topicFilter } from "../topics.ts";
import { encodeMessage } from "./encode-message.ts";
import { endWithin } from "./end-client.ts";
import { contentType as contentTypeOf } from "../content-type.ts";
import { encodingMismatch } from "../payload-codec.ts";
import { TransportError, isTransportError, reasonCodeOf } from "./errors.ts";
import { observeMessage, type ObserveContext } from "./observe-message.ts";
import { singleConnectionOptions, withDefaults, type MqttBindingInit, type MqttBindingOptions } from "./options.ts";
import { PendingMessages, type PendingMessage, type PublishOutcome } from "./pending.ts";
import { ReconnectSchedule } from "./reconnect.ts";
import { matchesFilter } from "./topic-filter.ts";

/** A QoS 0 message that was not sent: published while offline, or written to a connection that was then lost. */
export interface DroppedMessage {
  readonly topic: string;
  readonly qos: QoS;
  readonly reason: "offline" | "connection-lost";
}

/** The events of an MqttBinding and their arguments. */
export interface MqttBindingEvents {
  /** A session is established (first connect and every reconnect) and every subscription is restored. */
  connect: [];
  /** An established connection was lost. QoS 1/2 messages are kept and resent after the reconnect. */
  offline: [cause: TransportError];
  /** Reconnect attempt number `attempt` (1, 2, …) starts. */
  reconnect: [attempt: number];
  /** Something failed that no promise reports: a refused reconnect, a refused re-subscription, a throwing handler. */
  error: [error: TransportError];
  /** The binding is closed for good: close() was called, a reconnect was refused, or reconnecting is disabled. */
  close: [];
  /** A QoS 0 message was not sent (its publish resolved "dropped"). */
  dropped: [message: DroppedMessage];
  /** Every received message, decoded once (the tap); subscription handlers get the same object. */
  observation: [observation: Observation];
}

/** What to subscribe to: a raw MQTT filter (at QoS 1), or a message kind (at its QoS), optionally of one id. */
export type SubscriptionSelector = string | { readonly kind: MessageKindName; readonly id?: string };
export type ObservationHandler = (observation: Observation) => void;

export interface MqttSubscription {
  readonly filter: string;
  unsubscribe(): Promise<void>;
}

const TOPIC_CACHE_SIZE = 100_000;

/** CONNACK codes for "unacceptable protocol version": 1 in MQTT 3.1.1, 0x84 in MQTT 5. */
const UNSUPPORTED_VERSION: ReadonlySet<number> = new Set([1, 0x84]);

type State = "idle" | "connecting" | "connected" | "reconnecting" | "closed";

interface Subscription {
  readonly qos: QoS;
  readonly handlers: Set<ObservationHandler>;
}

/** Settles the promise of connect(). */
interface FirstConnect {
  readonly resolve: () => void;
  readonly reject: (error: TransportError) => void;
}

/**
 * Publishes harness messages to an MQTT 3.1.1 or 5 broker and delivers received ones as
 * observations. Each connection is one mqtt.js client; when an established connection is lost the
 * binding reconnects with exponential backoff (ReconnectOptions), keeps every QoS 1/2 message it
 * accepted (up to maxPending) and resends it on the new connection, so delivery is at least once.
 * QoS 0 messages are not kept: publishing one while offline resolves "dropped" and emits `dropped`.
 * A CONNECT the broker refuses is not retried.
 */
export class MqttBinding extends EventEmitter<MqttBindingEvents> {
  readonly options: MqttBindingOptions;
  private readonly registry: Registry;
  private readonly observeContext: ObserveContext;
  private readonly pending: PendingMessages<MqttClient>;
  private readonly reconnectSchedule: ReconnectSchedule;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly topics = new Map<string, string>();
  private client: MqttClient | undefined;
  private state: State = "idle";
  private firstConnect: FirstConnect | undefined;

  constructor(init: MqttBindingInit) {
    super();
    this.options = withDefaults(init);
    this.registry = this.options.registry ?? loadRegistry();
    this.observeContext = { registry: this.registry, topicTemplate: this.options.topicTemplate, encoding: this.options.encoding };
    this.pending = new PendingMessages(this.options.maxPending);
    this.reconnectSchedule = new ReconnectSchedule(this.options.reconnect, (attempt) => this.fireReconnect(attempt));
  }

  get connected(): boolean {
    return this.state === "connected";
  }

  /** Outgoing messages not yet acknowledged (QoS 1/2), not yet written (QoS 0) or waiting for a connection. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Connects once; rejects with an "unreachable" or "connect-refused" TransportError (and closes) if that fails. */
  connect(): Promise<void> {
    if (this.state !== "idle") return Promise.reject(new TransportError("closed", `connect() was already called on the binding for ${this.options.url}`));
    this.state = "connecting";
    return new Promise((resolve, reject) => {
      this.firstConnect = { resolve, reject };
      this.open();
    });
  }

  /**
   * Publishes a message of `kind` for the device `target.id` on the topic the template gives,
   * encoded per the `encoding` option, with the kind's QoS. Resolves "acknowledged" (QoS 1/2,
   * when the broker accepted it), "written" (QoS 0) or "dropped" (QoS 0 while offline). Rejects
   * with a "pending-limit" TransportError when maxPending messages are already pending, and with a
   * "wire-format" one when the encoding cannot carry the kind (UPER a T-Box frame, say).
   */
  async publish(kind: MessageKindName, target: { readonly id: string }, message: object): Promise<PublishOutcome> {
    if (this.state === "closed") throw new TransportError("closed", `cannot publish: the binding for ${this.options.url} is closed`);
    const { payload, contentType } = encodeMessage(this.registry, this.typeCarried(kind), message, this.options.encoding);
    return this.publishPayload(kind, target.id, payload, contentType);
  }

  /**
   * Publishes `payload` as it is, unchecked, where a message of `kind` for `target.id` goes, with
   * the content type of the binding's encoding: how a tester sends a malformed message. Resolves
   * and rejects as publish does.
   */
  async publishRaw(kind: MessageKindName, target: { readonly id: string }, payload: Uint8Array): Promise<PublishOutcome> {
    if (this.state === "closed") throw new TransportError("closed", `cannot publish: the binding for ${this.options.url} is closed`);
    const type = contentTypeOf(this.options.encoding, this.typeCarried(kind));
    return this.publishPayload(kind, target.id, Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength), type);
  }

  /** The message type of `kind`, once the binding's encoding is known to carry it. */
  private typeCarried(kind: MessageKindName): string {
    const { encoding } = this.options;
    const { typeName } = MESSAGE_KINDS[kind];
    const mismatch = encodingMismatch(encoding, typeName);
    if (mismatch !== undefined) throw new TransportError("wire-format", `cannot publish ${kind}: the binding's encoding "${encoding}" ${mismatch}; publish it through a binding with another encoding`);
    return typeName;
  }

  private publishPayload(kind: MessageKindName, id: string, payload: Buffer, contentType: string): Promise<PublishOutcome> {
    const topic = this.topicFor(kind, id);
    const qos = this.qosOf(kind);
    if (qos === 0 && this.state !== "connected") {
      this.emit("dropped", { topic, qos, reason: "offline" });
      return Promise.resolve("dropped");
    }
    if (this.pending.full) {
      return Promise.reject(new TransportError(
        "pending-limit",
        `cannot publish to ${topic}: ${this.pending.size} pending messages, the limit (maxPending) is ${this.pending.limit}; ` +
          `the broker is ${this.state === "connected" ? "not keeping up" : "unreachable"}, so wait for earlier publishes to settle`,
        { topic },
      ));
    }
    return new Promise((resolve, reject) => {
      const pending = { topic, payload, qos, contentType, sentOn: undefined, resolve, reject };
      const id = this.pending.add(pending);
      if (this.state === "connected" && this.client !== undefined) this.send(id, pending, this.client);
    });
  }

  /** Delivers every received message matching `selector` to `handler`; resolves once the broker granted the subscription (or, while offline, once recorded). */
  async subscribe(selector: SubscriptionSelector, handler: ObservationHandler): Promise<MqttSubscription> {
    if (this.state === "closed") throw new TransportError("closed", `cannot subscribe: the binding for ${this.options.url} is closed`);
    const { filter, qos } = this.filterOf(selector);
    const existing = this.subscriptions.get(filter);
    const subscription = existing ?? { qos, handlers: new Set<ObservationHandler>() };
    subscription.handlers.add(handler);
    this.subscriptions.set(filter, subscription);
    if (existing === undefined && this.state === "connected" && this.client !== undefined) {
      try {
        await this.sendSubscribe(this.client, filter, qos);
      } catch (error) {
        this.subscriptions.delete(filter);
        throw error;
      }
    }
    return { filter, unsubscribe: () => this.unsubscribe(filter, handler) };
  }

  /**
   * Disconnects cleanly: waits up to connectTimeoutMs for messages in flight to be acknowledged,
   * then rejects whatever is still pending with a "closed" TransportError.
   */
  async close(): Promise<void> {
    if (this.state === "closed") return;
    const client = this.client;
    this.state = "closed";
    this.reconnectSchedule.clear();
    if (client !== undefined) {
      await endWithin(client, this.options.connectTimeoutMs);
      this.discard(client);
    }
    this.shutdown(new TransportError("closed", `the binding for ${this.options.url} was closed before the message was sent`));
  }

  /** The topic for a kind and id; a fleet publishes the same few per device, so they are kept (up to TOPIC_CACHE_SIZE). */
  /** The topic a message of `kind` for device `id` goes to. */
  topicFor(kind: MessageKindName, id: string): string {
    const key = `${kind}/${id}`;
    let topic = this.topics.get(key);
    if (topic === undefined) {
      const { role, dir, topicType } = MESSAGE_KINDS[kind];
      topic = renderTopic(this.options.topicTemplate, { role, id, dir, type: topicType });
      if (this.topics.size >= TOPIC_CACHE_SIZE) this.topics.clear();
      this.topics.set(key, topic);
    }
    return topic;
  }

  private qosOf(kind: MessageKindName): QoS {
    return this.options.qos[kind] ?? MESSAGE_KINDS[kind].qos;
  }

  private filterOf(selector: SubscriptionSelector): { filter: string; qos: QoS } {
    if (typeof selector === "string") return { filter: selector, qos: 1 };
    const { role, dir, topicType } = MESSAGE_KINDS[selector.kind];
    const parts = selector.id === undefined ? { role, dir, type: topicType } : { role, dir, type: topicType, id: selector.id };
    return { filter: topicFilter(this.options.topicTemplate, parts), qos: this.qosOf(selector.kind) };
  }

  private open(): void {
    const { url } = this.options;
    const client = connectClient(url, singleConnectionOptions(this.options));
    this.client = client;
    let failure: TransportError | undefined;
    client.on("connect", () => this.onConnected(client));
    client.on("message", (topic, payload, packet) => this.onMessage(topic, payload, packet));
    client.on("disconnect", (packet) => {
      const reason = packet.reasonCode === undefined ? "" : ` (reason code ${packet.reasonCode})`;
      failure = new TransportError("connection-lost", `${url} ended the connection${reason}`, { ...(packet.reasonCode === undefined ? {} : { reasonCode: packet.reasonCode }), packet });
    });
    client.on("error", (error) => (failure ??= this.describeFailure(client, error)));
    client.on("close", () => this.onClosed(client, failure));
  }

  private describeFailure(client: MqttClient, error: Error): TransportError {
    const { url } = this.options;
    const reasonCode = reasonCodeOf(error);
    if (client.connected) return new TransportError("connection-lost", `connection to ${url} failed: ${error.message}`, {}, error);
    if (reasonCode !== undefined) {
      const reason = error.message.replace(/^Connection refused: /, "");
      const hint = this.options.protocolVersion === 5 && UNSUPPORTED_VERSION.has(reasonCode) ? "; the broker does not speak MQTT 5 (the embedded broker speaks 3.1.1): set protocolVersion to 4" : "";
      return new TransportError("connect-refused", `${url} refused the connection: ${reason} (reason code ${reasonCode})${hint}`, { reasonCode }, error);
    }
    return new TransportError("unreachable", `cannot connect to ${url}: ${error.message}`, {}, error);
  }

  private onConnected(client: MqttClient): void {
    if (client !== this.client || this.state === "closed") return;
    // mqtt.js waits for 'drain' once per QoS 0 message written under backpressure; up to maxPending may wait.
    client.stream.setMaxListeners(Math.max(1000, this.options.maxPending + 100));
    this.state = "connected";
    this.reconnectSchedule.succeeded();
    for (const [id, message] of this.pending.waiting()) this.send(id, message, client);
    void this.restoreSubscriptions(client).then(() => {
      if (client !== this.client || this.state !== "connected") return;
      this.emit("connect");
      this.firstConnect?.resolve();
      this.firstConnect = undefined;
    });
  }

  private onClosed(client: MqttClient, failure: TransportError | undefined): void {
    if (client !== this.client || this.state === "closed") return;
    for (const [, message] of this.pending.takeBack(client)) {
      message.resolve("dropped");
      this.emit("dropped", { topic: message.topic, qos: message.qos, reason: "connection-lost" });
    }
    this.discard(client);
    const { url } = this.options;
    if (this.state === "connecting") {
      this.shutdown(failure ?? new TransportError("unreachable", `cannot connect to ${url}: the connection closed before CONNACK`));
      return;
    }
    if (this.state === "connected") this.emit("offline", failure ?? new TransportError("connection-lost", `connection to ${url} closed`));
    if (failure?.code === "connect-refused") {
      this.reportError(failure);
      this.shutdown(failure);
    } else if (!this.reconnectSchedule.enabled) {
      this.shutdown(new TransportError("connection-lost", `connection to ${url} lost and reconnecting is disabled (reconnect.initialDelayMs is 0)`));
    } else {
      this.state = "reconnecting";
      this.reconnectSchedule.schedule();
    }
  }

  private fireReconnect(attempt: number): void {
    if (this.state !== "reconnecting") return;
    this.emit("reconnect", attempt);
    this.open();
  }

  /** Forgets a client whose connection is over; its late callbacks and errors are ignored. */
  private discard(client: MqttClient): void {
    if (this.client === client) this.client = undefined;
    client.removeAllListeners();
    client.on("error", () => undefined);
    client.end(true);
  }

  /** Rejects connect() if it is still waiting and everything pending, and announces the end. */
  private shutdown(error: TransportError): void {
    this.state = "closed";
    this.reconnectSchedule.clear();
    this.firstConnect?.reject(error);
    this.firstConnect = undefined;
    for (const [, message] of this.pending.drain()) message.reject(error);
    this.emit("close");
  }

  private send(id: number, message: PendingMessage<MqttClient>, client: MqttClient): void {
    message.sentOn = client;
    const properties = this.options.protocolVersion === 5 && message.contentType !== undefined ? { properties: { contentType: message.contentType } } : {};
    client.publish(message.topic, message.payload, { qos: message.qos, ...properties }, (error) => this.onPublishDone(id, client, error));
  }

  // mqtt.js passes null, not undefined, on success despite its types.
  private onPublishDone(id: number, client: MqttClient, error: Error | null | undefined): void {
    const message = this.pending.get(id);
    // Settled already, or taken back when its connection was lost (it is resent on the next one).
    if (message === undefined || message.sentOn !== client) return;
    const reasonCode = reasonCodeOf(error);
    if (!error) {
      this.pending.delete(id);
      message.resolve(message.qos === 0 ? "written" : "acknowledged");
    } else if (reasonCode !== undefined) {
      this.pending.delete(id);
      message.reject(new TransportError("publish-refused", `${this.options.url} refused the message on ${message.topic}: ${error.message} (reason code ${reasonCode})`, { reasonCode, topic: message.topic }, error));
    } else {
      message.sentOn = undefined;
    }
  }

  private sendSubscribe(client: MqttClient, filter: string, qos: QoS): Promise<void> {
    return new Promise((resolve, reject) => {
      client.subscribe(filter, { qos }, (error, _granted, packet) => {
        const reasonCode = reasonCodeOf(error);
        if (!error || (reasonCode === undefined && !client.connected)) {
          // Granted, or the connection went away first: then it is restored on the next connection.
          resolve();
        } else if (reasonCode === undefined) {
          reject(new TransportError("subscribe-refused", `cannot subscribe to ${filter}: ${error.message}`, { topic: filter }, error));
        } else {
          const details = packet === undefined ? { reasonCode, topic: filter } : { reasonCode, topic: filter, packet };
          reject(new TransportError("subscribe-refused", `${this.options.url} refused the subscription to ${filter}: ${error.message} (reason code ${reasonCode})`, details, error));
        }
      });
    });
  }

  private async restoreSubscriptions(client: MqttClient): Promise<void> {
    await Promise.all(
      [...this.subscriptions].map(([filter, { qos }]) =>
        this.sendSubscribe(client, filter, qos).catch((error: unknown) => {
          if (isTransportError(error)) this.reportError(error);
        }),
      ),
    );
  }

  private async unsubscribe(filter: string, handler: ObservationHandler): Promise<void> {
    const subscription = this.subscriptions.get(filter);
    if (subscription === undefined || !subscription.handlers.delete(handler) || subscription.handlers.size > 0) return;
    this.subscriptions.delete(filter);
    if (this.state === "connected" && this.client !== undefined) await this.client.unsubscribeAsync(filter).catch(() => undefined);
  }

  private onMessage(topic: string, payload: Buffer, packet: IPublishPacket): void {
    const contentType = packet.properties?.contentType;
    const received = { topic, payload, receivedAt: this.options.timeSource() };
    const observation = observeMessage(this.observeContext, contentType === undefined ? received : { ...received, contentType });
    this.emit("observation", observation);
    for (const [filter, { handlers }] of this.subscriptions) {
      if (!matchesFilter(filter, topic)) continue;
      for (const handler of handlers) {
        try {
          handler(observation);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          this.reportError(new TransportError("handler-failed", `a handler subscribed to ${filter} threw on ${topic}: ${reason}`, { topic }, error));
        }
      }
    }
  }

  /** Errors go to `error` listeners; with none, to a process warning rather than a crash. */
  private reportError(error: TransportError): void {
    if (this.listenerCount("error") > 0) this.emit("error", error);
    else process.emitWarning(error);
  }
}
