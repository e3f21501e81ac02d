import type { MessageKindName } from "../../transport/message-kinds.ts";
import type { ResolvedScenario } from "../scenario/resolved-scenario.ts";
import type { FleetCounters, KindCounts } from "./fleet-counters.ts";
import type { LatenessHistogram, LatenessStats } from "./lateness-histogram.ts";
import { machineInfo, type MachineInfo } from "./machine-info.ts";
import type { Outage, OutageLog } from "./outage-log.ts";

/**
 * What `v2x simulate` prints at the end, as JSON. Times are ISO 8601 strings, durations and
 * lateness in ms. Every count is of this shard only; add the shards' counts for the whole run.
 */
export interface FleetSummary {
  readonly format: "v2x-fleet-summary/1";
  readonly scenario: {
    readonly name: string;
    readonly seed: number | string;
    /** Vehicles in the whole scenario (after --vehicles). */
    readonly vehicles: number;
    readonly start: string;
  };
  readonly shard: { readonly index: number; readonly count: number };
  /** The broker URL without credentials. */
  readonly broker: string;
  /** The devices this shard ran. */
  readonly devices: { readonly vehicles: number; readonly obus: number; readonly tboxes: number; readonly rsus: number };
  readonly connections: {
    readonly mode: "per-vehicle" | "shared";
    readonly sessions: number;
    /** Connected at least once / connected when the run ended / never connected / refused for good by the broker. */
    readonly everConnected: number;
    readonly connectedAtEnd: number;
    readonly neverConnected: number;
    readonly refused: number;
    /** Failed connection attempts, retries included. */
    readonly failedAttempts: number;
    /** From the first connection opened to the last one settled, ms. */
    readonly rampUpMs: number;
  };
  readonly rate: { readonly bsmHz: number; readonly realtimePeriodMs: number };
  readonly duration: {
    readonly plannedMs: number;
    /** From the start until sending stopped, ms. */
    readonly actualMs: number;
  };
  /** The run went the whole planned duration (not interrupted, and some connection came up). */
  readonly completed: boolean;
  /** Why not, when it did not. */
  readonly incomplete: string | null;
  /** Totals over every kind; see KindCounts for each field. */
  readonly messages: {
    readonly due: number;
    readonly sent: number;
    readonly acknowledged: number;
    readonly unconfirmed: number;
    readonly dropped: { readonly offline: number; readonly backpressure: number };
    readonly skipped: number;
    readonly errors: number;
  };
  readonly byKind: Partial<Record<MessageKindName, KindCounts>>;
  /** sent ÷ planned duration. */
  readonly sentPerSecond: number;
  /** Lateness of each sent message: the time it was handed to its connection minus the time it was due. */
  readonly lateness: LatenessStats;
  readonly outages: readonly Outage[];
  readonly errors: {
    /** Messages refused by the broker or not buildable: what the error threshold counts. */
    readonly count: number;
    readonly connectionFailures: number;
    /** The first distinct reasons, with how often each occurred. */
    readonly reasons: readonly { readonly reason: string; readonly count: number }[];
  };
  readonly machine: MachineInfo;
}

function messageTotals(counters: FleetCounters): FleetSummary["messages"] {
  return {
    due: counters.total("due"),
    sent: counters.total("sent"),
    acknowledged: counters.total("acknowledged"),
    unconfirmed: counters.total("unconfirmed"),
    dropped: { offline: counters.total("droppedOffline"), backpressure: counters.total("droppedBackpressure") },
    skipped: counters.total("skipped"),
    errors: counters.errors,
  };
}

/** The URL with any user name and password taken out, for printing. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    return parsed.toString().replace(/\/$/, "");
  } catch {
    return url;
  }
}

/** What a finished run knows, for summarize(). */
export interface RunRecord {
  readonly scenario: ResolvedScenario;
  readonly shard: { readonly index: number; readonly count: number };
  readonly broker: string;
  readonly mode: "per-vehicle" | "shared";
  readonly devices: FleetSummary["devices"];
  readonly sessions: number;
  readonly everConnected: number;
  readonly connectedAtEnd: number;
  readonly refused: number;
  readonly rampUpMs: number;
  readonly rate: FleetSummary["rate"];
  readonly plannedMs: number;
  /** Start and end of sending, ms since the epoch; undefined when sending never began. */
  readonly sendingFrom: number | undefined;
  readonly sendingUntil: number | undefined;
  readonly interrupted: boolean;
  readonly counters: FleetCounters;
  readonly lateness: LatenessHistogram;
  readonly outages: OutageLog;
  /** The devices a connection carries. */
  readonly devicesOf: (session: number) => readonly string[];
  readonly outageDetailLimit: number;
}

/** The summary of a finished run. */
export function summarize(run: RunRecord): FleetSummary {
  const incomplete = run.everConnected === 0 ? `no connection to ${run.broker} came up` : run.interrupted ? "interrupted" : null;
  const messages = messageTotals(run.counters);
  const end = run.sendingUntil ?? run.sendingFrom ?? run.scenario.start;
  return {
    format: "v2x-fleet-summary/1",
    scenario: { name: run.scenario.name, seed: run.scenario.seed, vehicles: run.scenario.vehicles.length, start: new Date(run.scenario.start).toISOString() },
    shard: run.shard,
    broker: run.broker,
    devices: run.devices,
    connections: {
      mode: run.mode,
      sessions: run.sessions,
      everConnected: run.everConnected,
      connectedAtEnd: run.connectedAtEnd,
      neverConnected: run.sessions - run.everConnected,
      refused: run.refused,
      failedAttempts: run.counters.connectionFailures,
      rampUpMs: Math.round(run.rampUpMs),
    },
    rate: run.rate,
    duration: { plannedMs: run.plannedMs, actualMs: run.sendingFrom === undefined ? 0 : Math.round(Math.max(0, end - run.sendingFrom)) },
    completed: incomplete === null,
    incomplete,
    messages,
    byKind: Object.fromEntries(run.counters.kinds),
    sentPerSecond: messages.sent / (run.plannedMs / 1000),
    lateness: run.lateness.stats(),
    outages: run.outages.outages(end, run.devicesOf, run.outageDetailLimit),
    errors: { count: run.counters.errors, connectionFailures: run.counters.connectionFailures, reasons: run.counters.errorReasons },
    machine: machineInfo(),
  };
}
