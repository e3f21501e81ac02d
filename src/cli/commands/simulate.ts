import { writeFile } from "node:fs/promises";
import { InvalidArgumentError, type Command } from "commander";
import type { ConnectionMode, FleetSummary } from "../../sim/fleet/index.ts";
// Only the progress line: the fleet (mqtt.js, the schema registry) loads when the command runs.
import { formatProgress, type FleetProgress } from "../../sim/fleet/fleet-progress.ts";
import { CliError, EXIT } from "../cli-error.ts";
import { positiveInteger, positiveNumber, progressLine } from "../option-parsers.ts";

export interface SimulateCommandOptions {
  /** A scenario file, or the name of a built-in scenario. */
  readonly scenario: string;
  readonly broker: string;
  readonly vehicles?: number;
  /** Hz */
  readonly rate?: number;
  /** s */
  readonly duration?: number;
  readonly shard?: { readonly index: number; readonly count: number };
  readonly connections?: ConnectionMode;
  /** ms since the epoch */
  readonly start?: number;
  readonly connectRate?: number;
  /** s */
  readonly realtimePeriod?: number;
  readonly clientIdPrefix?: string;
  readonly topicTemplate?: string;
  readonly mqttVersion?: 4 | 5;
  /** Errors ÷ messages sent above which the run fails. Default: DEFAULT_MAX_ERROR_RATE. */
  readonly maxErrorRate?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: FleetProgress) => void;
  /** Where warnings go. Default: standard error. */
  readonly warn?: (line: string) => void;
}

/** Above this share of sent messages refused by the broker (or not buildable), a run exits 1. */
export const DEFAULT_MAX_ERROR_RATE = 0.01;

/** The summary and the exit code it earns: 1 when no connection came up, the run was interrupted or errors passed the threshold, else 0. */
export async function simulateCommand(options: SimulateCommandOptions): Promise<{ summary: FleetSummary; exitCode: number; reason: string | null }> {
  const { fleetScenario, FleetLimitError, FleetOptionsError, FleetScenarioError, runFleet } = await import("../../sim/fleet/index.ts");
  const warn = options.warn ?? ((line: string) => console.error(line));
  let scenario;
  try {
    scenario = fleetScenario(options.scenario, options.vehicles === undefined ? {} : { vehicles: options.vehicles });
  } catch (error) {
    if (error instanceof FleetScenarioError) throw new CliError(error.message);
    throw error;
  }
  for (const warning of scenario.warnings) warn(`warning: ${warning}`);
  if ((options.shard?.count ?? 1) > 1 && options.start === undefined) {
    warn("warning: shards started without --start each start when they are ready; give every shard the same --start so that together they equal the unsharded run");
  }
  let summary: FleetSummary;
  try {
    summary = await runFleet({
      scenario: (start) => scenario.at(start),
      broker: options.broker,
      ...defined({
        rate: options.rate,
        duration: options.duration === undefined ? undefined : options.duration * 1000,
        shard: options.shard,
        connections: options.connections,
        start: options.start,
        connectRate: options.connectRate,
        realtimePeriodMs: options.realtimePeriod === undefined ? undefined : options.realtimePeriod * 1000,
        clientIdPrefix: options.clientIdPrefix,
        topicTemplate: options.topicTemplate,
        protocolVersion: options.mqttVersion,
        signal: options.signal,
        onProgress: options.onProgress,
      }),
    });
  } catch (error) {
    if (error instanceof FleetLimitError || error instanceof FleetOptionsError) throw new CliError(error.message);
    throw error;
  }
  const maxErrorRate = options.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE;
  const errorRate = summary.messages.errors / Math.max(1, summary.messages.sent);
  const reason =
    summary.connections.everConnected === 0
      ? `could not connect to ${summary.broker}: ${summary.errors.reasons[0]?.reason ?? "no connection came up"}`
      : summary.incomplete !== null
        ? `the run was ${summary.incomplete}`
        : errorRate > maxErrorRate
          ? `${summary.messages.errors} errors in ${summary.messages.sent} messages sent, more than --max-error-rate ${maxErrorRate}`
          : null;
  return { summary, exitCode: reason === null ? EXIT.ok : EXIT.failed, reason };
}

/** The entries whose value is not undefined (so optional options stay unset). */
function defined<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/** One line for the end of a run, e.g. "60.0 s, 10000 vehicles on 10000 connections: 5,998,000 sent (99,967/s), lateness p50 1.2 ms p99 35 ms max 80 ms, 0 errors, 0 dropped, 0 skipped". */
export function summaryLine(s: FleetSummary): string {
  const count = (n: number): string => Math.round(n).toLocaleString("en-US");
  const ms = (v: number | null): string => (v === null ? "-" : v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`);
  const dropped = s.messages.dropped.offline + s.messages.dropped.backpressure;
  const outages = s.outages.length === 0 ? "" : `, ${s.outages.length} outage${s.outages.length === 1 ? "" : "s"} (longest ${count(Math.max(...s.outages.map((o) => o.durationMs)))} ms)`;
  return (
    `${(s.duration.actualMs / 1000).toFixed(1)} s, shard ${s.shard.index}/${s.shard.count}, ${count(s.devices.vehicles)} vehicles on ${count(s.connections.everConnected)}/${count(s.connections.sessions)} connections: ` +
    `${count(s.messages.sent)} sent (${count(s.sentPerSecond)}/s), lateness p50 ${ms(s.lateness.p50)} p99 ${ms(s.lateness.p99)} max ${ms(s.lateness.max)}, ` +
    `${count(s.messages.errors)} errors, ${count(dropped)} dropped, ${count(s.messages.skipped)} skipped${outages}${s.incomplete === null ? "" : ` — ${s.incomplete}`}`
  );
}

function shard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index >= count) throw new InvalidArgumentError("expected i/n with 0 <= i < n, e.g. 0/4.");
  return { index, count };
}

function connections(value: string): ConnectionMode {
  if (value === "per-vehicle") return { kind: "per-vehicle" };
  const match = /^shared(?::(\d+))?$/.exec(value);
  const count = match?.[1] === undefined ? 4 : Number(match[1]);
  if (match === null || !(count >= 1)) throw new InvalidArgumentError('expected "per-vehicle", "shared" or "shared:<k>" with k >= 1.');
  return { kind: "shared", connections: count };
}

function startTime(value: string): number {
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) throw new InvalidArgumentError('expected an ISO 8601 time (e.g. "2025-06-02T08:00:00Z") or ms since the epoch.');
  return ms;
}

function mqttVersion(value: string): 4 | 5 {
  if (value === "4" || value === "3.1.1") return 4;
  if (value === "5") return 5;
  throw new InvalidArgumentError('expected 5, or 4 (also written "3.1.1").');
}

function errorRate(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError("expected a fraction 0..1.");
  return n;
}

interface SimulateFlags {
  broker: string;
  vehicles?: number;
  rate?: number;
  duration?: number;
  shard?: { index: number; count: number };
  connections?: ConnectionMode;
  start?: number;
  connectRate?: number;
  realtimePeriod?: number;
  clientIdPrefix?: string;
  topicTemplate?: string;
  mqttVersion?: 4 | 5;
  maxErrorRate?: number;
  output?: string;
}

/** Adds `v2x simulate <scenario> --broker <url> …`. */
export function registerSimulateCommand(program: Command): void {
  program
    .command("simulate")
    .description("run a scenario as a fleet of MQTT clients: BSMs, GB/T 32960 reports and RSU messages, on time, with a JSON summary")
    .argument("<scenario>", "a scenario file, or the name of a built-in scenario (yizhuang-arterial)")
    .requiredOption("--broker <url>", "MQTT broker, e.g. mqtt://127.0.0.1:1883")
    .option("--vehicles <n>", "scale the scenario's vehicle groups to n vehicles in all", positiveInteger)
    .option("--rate <hz>", "BSMs per second per vehicle (default: 10)", positiveNumber)
    .option("--duration <s>", "run length in seconds (default: the scenario's)", positiveNumber)
    .option("--shard <i/n>", "run shard i of n (vehicles i, i+n, …; RSUs in shard 0); run the others elsewhere with the same --start", shard)
    .option("--connections <mode>", "per-vehicle (each vehicle its own MQTT session, the default), or shared[:k] (k sessions for all, default 4)", connections)
    .option("--start <time>", "start time, ISO 8601 or ms since the epoch (default: once connected); give all shards the same", startTime)
    .option("--connect-rate <n>", "connections opened per second while ramping up (default: 1000)", positiveNumber)
    .option("--realtime-period <s>", "GB/T 32960 realtime report period in seconds (default: 10)", positiveNumber)
    .option("--client-id-prefix <p>", 'client ids are this plus the vehicle id (default: "fleet-")')
    .option("--topic-template <t>", "MQTT topic template (default: v2x/v1/{role}/{id}/{dir}/{type})")
    .option("--mqtt-version <v>", "5 (default) or 4 (3.1.1)", mqttVersion)
    .option("--max-error-rate <r>", `exit 1 when more than this share of sent messages fail (default: ${DEFAULT_MAX_ERROR_RATE})`, errorRate)
    .option("--output <file>", "write the JSON summary to this file instead of standard output")
    .addHelpText(
      "after",
      [
        "",
        "Example:",
        "  v2x simulate yizhuang-arterial --broker mqtt://127.0.0.1:1883 --vehicles 2000 --duration 60",
        "  v2x simulate yizhuang-arterial --broker mqtt://broker:1883 --vehicles 20000 --shard 1/4 --start 2025-06-02T08:00:00Z",
        "",
        "Each connection needs a file descriptor and a local port: raise `ulimit -n` above the vehicle count",
        "(and the broker's limits too), or use --connections shared. Progress is shown on a terminal; the",
        "summary's fields are documented in src/sim/fleet/fleet-summary.ts. Exit 0: the run completed (late",
        "or dropped messages are reported, not failed); 1: no connection came up, the run was interrupted (Ctrl-C),",
        "or more than --max-error-rate of the messages sent were refused by the broker.",
      ].join("\n"),
    )
    .action(async (scenario: string, flags: SimulateFlags) => {
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      try {
        const onProgress = progressLine(process.stderr, formatProgress);
        const { output, ...rest } = flags;
        const { summary, exitCode, reason } = await simulateCommand({ scenario, ...rest, signal: controller.signal, ...(onProgress === undefined ? {} : { onProgress }) });
        const text = `${JSON.stringify(summary, null, 2)}\n`;
        if (output === undefined) process.stdout.write(text);
        else await writeFile(output, text);
        console.error(`v2x simulate: ${summaryLine(summary)}`);
        if (reason !== null) console.error(`v2x simulate: ${reason}`);
        process.exitCode = exitCode;
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
      }
    });
}
