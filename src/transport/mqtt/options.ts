import { randomBytes } from "node:crypto";
import type { IClientOptions } from "mqtt";
import type { Registry } from "../../schema/index.ts";
import type { MessageKindName, QoS } from "../message-kinds.ts";
import type { Encoding, TimeSource } from "../observation.ts";
import { ENCODINGS } from "../payload-codec.ts";
import { DEFAULT_TOPIC_TEMPLATE, templateProblem } from "../topics.ts";

/** How the binding reconnects after an established connection is lost (never after a refused CONNECT). */
export interface ReconnectOptions {
  /** Delay before the first attempt, in milliseconds; 0 disables reconnecting. Default: 250. */
  readonly initialDelayMs: number;
  /** Longest delay between attempts, in milliseconds. Default: 10000. */
  readonly maxDelayMs: number;
  /** Each failed attempt multiplies the delay by this (at least 1). Default: 2. */
  readonly factor: number;
  /** Fraction of each delay drawn at random (0..1), so a fleet does not reconnect in lockstep. Default: 0.2. */
  readonly jitter: number;
}

export interface MqttBindingOptions {
  /** Broker URL, e.g. "mqtt://127.0.0.1:1883" or "mqtts://…". Required. */
  readonly url: string;
  /** MQTT client identifier. Default: "v2x-" followed by 12 random hex digits. */
  readonly clientId: string;
  /** 4 for MQTT 3.1.1, 5 for MQTT 5. Default: 5. */
  readonly protocolVersion: 4 | 5;
  /** Topic template with {role}, {id}, {dir} and {type} (ARCHITECTURE.md §5). Default: DEFAULT_TOPIC_TEMPLATE. */
  readonly topicTemplate: string;
  /**
   * Encoding of published payloads, and of received payloads that carry no content type
   * (every MQTT 3.1.1 message). "per" (UPER) carries only the CSAE 53 kinds and "gbt32960"
   * (binary frames) only the T-Box kinds; publishing another kind rejects. Default: "protobuf".
   */
  readonly encoding: Encoding;
  /** QoS per message kind, overriding the policy of MESSAGE_KINDS. Default: {} (the policy). */
  readonly qos: Readonly<Partial<Record<MessageKindName, QoS>>>;
  /** Reconnect backoff. Default: see ReconnectOptions. */
  readonly reconnect: ReconnectOptions;
  /**
   * Most outgoing messages held at once: QoS 1/2 not yet acknowledged or waiting for a connection,
   * QoS 0 not yet written. Past it, publish rejects with a "pending-limit" TransportError. Default: 10000.
   */
  readonly maxPending: number;
  /** Clock for the arrival time of observations (ms since the epoch). Default: Date.now. */
  readonly timeSource: TimeSource;
  /** MQTT keepalive, in seconds; 0 disables it. Default: 30. */
  readonly keepalive: number;
  /** How long to wait for CONNACK, in milliseconds. Default: 10000. */
  readonly connectTimeoutMs: number;
  /** Credentials for CONNECT. Default: none. */
  readonly username?: string;
  readonly password?: string;
  /** Schema registry for encoding and decoding. Default: the package's proto/, loaded once. */
  readonly registry?: Registry;
}

/** What callers pass: the URL, and any options they want to change. */
export type MqttBindingInit = Partial<Omit<MqttBindingOptions, "url" | "reconnect">> & {
  readonly url: string;
  readonly reconnect?: Partial<ReconnectOptions>;
};

export const MQTT_BINDING_DEFAULTS = {
  clientId: "",
  protocolVersion: 5,
  topicTemplate: DEFAULT_TOPIC_TEMPLATE,
  encoding: "protobuf",
  qos: {},
  reconnect: { initialDelayMs: 250, maxDelayMs: 10_000, factor: 2, jitter: 0.2 },
  maxPending: 10_000,
  timeSource: Date.now,
  keepalive: 30,
  connectTimeoutMs: 10_000,
} as const satisfies Omit<MqttBindingOptions, "url">;

/** The options with defaults filled in; throws a RangeError naming the first bad option. */
export function withDefaults(init: MqttBindingInit): MqttBindingOptions {
  const options: MqttBindingOptions = {
    ...MQTT_BINDING_DEFAULTS,
    ...init,
    reconnect: { ...MQTT_BINDING_DEFAULTS.reconnect, ...init.reconnect },
  };
  const problem = optionsProblem(options);
  if (problem !== undefined) throw new RangeError(`MQTT binding options: ${problem}`);
  return options.clientId === "" ? { ...options, clientId: `v2x-${randomBytes(6).toString("hex")}` } : options;
}

function optionsProblem(o: MqttBindingOptions): string | undefined {
  const { initialDelayMs, maxDelayMs, factor, jitter } = o.reconnect;
  if (!/^(mqtts?|wss?|tcp|ssl):\/\//.test(o.url)) return `url "${o.url}" must start with mqtt://, mqtts://, ws:// or wss://`;
  if (!ENCODINGS.includes(o.encoding)) return `encoding must be one of ${ENCODINGS.join(", ")}, got ${String(o.encoding)}`;
  if (o.protocolVersion !== 4 && o.protocolVersion !== 5) return `protocolVersion must be 4 (MQTT 3.1.1) or 5, got ${String(o.protocolVersion)}`;
  const template = templateProblem(o.topicTemplate);
  if (template !== undefined) return template;
  if (!Number.isInteger(o.maxPending) || o.maxPending < 1) return `maxPending must be a positive integer, got ${o.maxPending}`;
  if (!(initialDelayMs >= 0 && maxDelayMs >= initialDelayMs)) return `reconnect delays must satisfy 0 <= initialDelayMs <= maxDelayMs, got ${initialDelayMs} and ${maxDelayMs}`;
  if (!(factor >= 1)) return `reconnect.factor must be at least 1, got ${factor}`;
  if (!(jitter >= 0 && jitter <= 1)) return `reconnect.jitter must be between 0 and 1, got ${jitter}`;
  return undefined;
}

/** What one MQTT connection is opened with. */
export interface ConnectionSettings {
  readonly clientId: string;
  readonly protocolVersion: 4 | 5;
  readonly keepalive: number;
  readonly connectTimeoutMs: number;
  readonly username?: string | undefined;
  readonly password?: string | undefined;
}

/**
 * mqtt.js options for a single connection attempt with a clean session: reconnecting, re-sending
 * and re-subscribing are the caller's job, done with one fresh client per connection.
 */
export function singleConnectionOptions(s: ConnectionSettings): IClientOptions {
  return {
    clientId: s.clientId,
    protocolVersion: s.protocolVersion,
    keepalive: s.keepalive,
    connectTimeout: s.connectTimeoutMs,
    clean: true,
    reconnectPeriod: 0,
    resubscribe: false,
    queueQoSZero: false,
    ...(s.username === undefined ? {} : { username: s.username }),
    ...(s.password === undefined ? {} : { password: s.password }),
  };
}
