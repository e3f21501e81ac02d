import type { Registry } from "../../schema/index.ts";
import { DEFAULT_TOPIC_TEMPLATE, templateProblem } from "../../transport/topics.ts";
import type { ReconnectOptions } from "../../transport/mqtt/options.ts";
import type { Clock } from "../clock.ts";
import type { ResolvedScenario } from "../scenario/resolved-scenario.ts";
import type { FleetTransport } from "./fleet-session.ts";
import type { FleetProgress } from "./fleet-progress.ts";

/** How devices share MQTT connections: one each (a vehicle's OBU and T-Box share its one), or `connections` for all. */
export type ConnectionMode = { readonly kind: "per-vehicle" } | { readonly kind: "shared"; readonly connections: number };

export interface FleetOptions {
  /** The scenario resolved to start at a given time (ms since the epoch): called for the device list, then with the run's start. Required. */
  readonly scenario: (start: number) => ResolvedScenario;
  /** Broker URL, e.g. "mqtt://127.0.0.1:1883". Required; with a custom `transport`, only the name the summary shows. */
  readonly broker: string;
  /** Which shard of the scenario this process runs (ResolvedScenario.shard). Default: { index: 0, count: 1 }. */
  readonly shard: { readonly index: number; readonly count: number };
  /** BSMs per second per vehicle. Default: 10. */
  readonly rate: number;
  /** Run length, ms. Default: the scenario's duration. */
  readonly duration: number | undefined;
  /**
   * When the run starts, ms since the epoch; give every shard of a run the same one. Default: the
   * first whole second that leaves time to build the simulation once the connections are up (on a
   * virtual clock: its time).
   */
  readonly start: number | undefined;
  /** Default: per-vehicle. */
  readonly connections: ConnectionMode;
  /** New connections opened per second while ramping up. Default: 1000. */
  readonly connectRate: number;
  /** Period of each T-Box's GB/T 32960 realtime report, ms (the standard allows at most 30 s). Default: 10000. */
  readonly realtimePeriodMs: number;
  /** World step, ms. Default: 100. */
  readonly worldStepMs: number;
  /** Shortest time between the starts of two rounds of sending on a real clock, ms: sends due meanwhile go out together. Default: 5. */
  readonly tickMs: number;
  /** Where time comes from. A VirtualClock is driven by the run itself, as fast as it goes. Default: a RealClock. */
  readonly clock: Clock | undefined;
  /** Client ids are this followed by the vehicle id (or "rsu-" and the RSU id, or "shared-<shard>-<n>"). Default: "fleet-". */
  readonly clientIdPrefix: string;
  /** Topic template (ARCHITECTURE.md §5). Default: DEFAULT_TOPIC_TEMPLATE. */
  readonly topicTemplate: string;
  /** 4 for MQTT 3.1.1, 5 for MQTT 5 (announces the content type). Default: 5. */
  readonly protocolVersion: 4 | 5;
  /** MQTT keepalive, s. Default: 60. */
  readonly keepalive: number;
  /** How long to wait for CONNACK, and for acknowledgements when closing, ms. Default: 10000. */
  readonly connectTimeoutMs: number;
  /** Reconnect backoff; the wide jitter spreads a whole fleet's reconnects after an outage. Default: 250 ms doubling to 5 s, jitter 0.5. */
  readonly reconnect: ReconnectOptions;
  /**
   * Bytes one connection may hold unwritten before further sends on it are dropped ("backpressure"),
   * which bounds memory at connections × this. Default: 16 KiB per-vehicle, 8 MiB shared.
   */
  readonly sessionBufferBytes: number | undefined;
  /** Unacknowledged QoS 1 messages per connection before further ones are dropped. Default: 16 per device on it, at most 60000. */
  readonly maxInFlight: number | undefined;
  /** Most per-vehicle gaps listed for each outage in the summary (the longest). Default: 100. */
  readonly outageDetailLimit: number;
  /** Sessions come from here. Default: MQTT to `broker`. */
  readonly transport: FleetTransport | undefined;
  /** Default: the package's proto/, loaded once. */
  readonly registry: Registry | undefined;
  /** Called about once a second on a real clock, and once when the run ends. Default: none. */
  readonly onProgress: ((progress: FleetProgress) => void) | undefined;
  /** Ends the run early; the summary says so. Default: none. */
  readonly signal: AbortSignal | undefined;
  readonly username: string | undefined;
  readonly password: string | undefined;
}

/** What callers pass: the scenario and broker, and any option they want to change. */
export type FleetInit = Partial<Omit<FleetOptions, "scenario" | "broker" | "reconnect">> & {
  readonly scenario: FleetOptions["scenario"];
  readonly broker: string;
  readonly reconnect?: Partial<ReconnectOptions>;
};

export const FLEET_DEFAULTS = {
  shard: { index: 0, count: 1 },
  rate: 10,
  duration: undefined,
  start: undefined,
  connections: { kind: "per-vehicle" },
  connectRate: 1000,
  realtimePeriodMs: 10_000,
  worldStepMs: 100,
  tickMs: 5,
  clock: undefined,
  clientIdPrefix: "fleet-",
  topicTemplate: DEFAULT_TOPIC_TEMPLATE,
  protocolVersion: 5,
  keepalive: 60,
  connectTimeoutMs: 10_000,
  reconnect: { initialDelayMs: 250, maxDelayMs: 5000, factor: 2, jitter: 0.5 },
  sessionBufferBytes: undefined,
  maxInFlight: undefined,
  outageDetailLimit: 100,
  transport: undefined,
  registry: undefined,
  onProgress: undefined,
  signal: undefined,
  username: undefined,
  password: undefined,
} as const satisfies Omit<FleetOptions, "scenario" | "broker">;

/** An option out of range; the message names it, what it must be, and what it was. */
export class FleetOptionsError extends Error {
  override readonly name = "FleetOptionsError";
}

/** The options with defaults filled in; throws a FleetOptionsError naming the first bad one. */
export function withDefaults(init: FleetInit): FleetOptions {
  const options: FleetOptions = { ...FLEET_DEFAULTS, ...init, reconnect: { ...FLEET_DEFAULTS.reconnect, ...init.reconnect } };
  const problem = optionsProblem(options);
  if (problem !== undefined) throw new FleetOptionsError(`fleet options: ${problem}`);
  return options;
}

function optionsProblem(o: FleetOptions): string | undefined {
  const { index, count } = o.shard;
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) return `shard must be i/n with 0 <= i < n, got ${index}/${count}`;
  if (!(o.rate > 0 && o.rate <= 1000)) return `rate must be above 0 and at most 1000 Hz, got ${o.rate}`;
  if (o.duration !== undefined && !(o.duration > 0)) return `duration must be above 0 ms, got ${o.duration}`;
  if (o.connections.kind === "shared" && !(Number.isInteger(o.connections.connections) && o.connections.connections >= 1)) {
    return `shared connections must be a positive integer, got ${o.connections.connections}`;
  }
  if (!(o.connectRate > 0)) return `connectRate must be above 0 per second, got ${o.connectRate}`;
  if (!(o.realtimePeriodMs >= 1000)) return `realtimePeriodMs must be at least 1000, got ${o.realtimePeriodMs}`;
  if (!(o.worldStepMs > 0)) return `worldStepMs must be above 0, got ${o.worldStepMs}`;
  if (!(o.tickMs >= 0)) return `tickMs must be 0 or more, got ${o.tickMs}`;
  if (o.transport === undefined && !/^(mqtts?|wss?|tcp|ssl):\/\//.test(o.broker)) return `broker "${o.broker}" must be a URL starting with mqtt://, mqtts://, ws:// or wss://`;
  const template = templateProblem(o.topicTemplate);
  if (template !== undefined) return template;
  if (o.protocolVersion !== 4 && o.protocolVersion !== 5) return `protocolVersion must be 4 or 5, got ${String(o.protocolVersion)}`;
  if (!(o.reconnect.initialDelayMs > 0 && o.reconnect.maxDelayMs >= o.reconnect.initialDelayMs)) {
    return `reconnect delays must satisfy 0 < initialDelayMs <= maxDelayMs (a fleet always reconnects), got ${o.reconnect.initialDelayMs} and ${o.reconnect.maxDelayMs}`;
  }
  if (!(o.reconnect.factor >= 1) || !(o.reconnect.jitter >= 0 && o.reconnect.jitter <= 1)) return "reconnect.factor must be at least 1 and reconnect.jitter within 0..1";
  return undefined;
}
