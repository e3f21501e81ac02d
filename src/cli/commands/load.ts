import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import type { TcpLoadProgress, TcpLoadSummary } from "../../sim/tcp-load/index.ts";
// Only the progress line: the load (transport, schema registry, scenario) loads when the command runs.
import { formatLoadProgress } from "../../sim/tcp-load/load-progress.ts";
import { CliError, EXIT } from "../cli-error.ts";
import type { TcpAddress } from "../../transport/tcp-address.ts";
import { hostPort, positiveInteger, positiveNumber, progressLine } from "../option-parsers.ts";

export interface LoadCommandOptions {
  readonly host: string;
  readonly port: number;
  readonly tboxes: number;
  /** Realtime report period, ms. */
  readonly period?: number;
  /** s */
  readonly duration?: number;
  /** Heartbeat period, ms; none when unset. */
  readonly heartbeat?: number;
  readonly connectRate?: number;
  /** VINs are vehicleVin(vinGroup, n); runs with different groups can share a platform. */
  readonly vinGroup?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: TcpLoadProgress) => void;
}

/** The summary and the exit code it earns: 0 when the platform carried the load cleanly, else 1 with the reasons. */
export async function loadCommand(options: LoadCommandOptions): Promise<{ summary: TcpLoadSummary; exitCode: number; shortfalls: string[] }> {
  const { TcpLoadError, loadShortfalls, runTboxTcpLoad } = await import("../../sim/tcp-load/index.ts");
  const { vehicleVin } = await import("../../sim/scenario/vin.ts");
  const { vinGroup } = options;
  let summary: TcpLoadSummary;
  try {
    summary = await runTboxTcpLoad({
      host: options.host,
      port: options.port,
      tboxes: options.tboxes,
      ...(options.period === undefined ? {} : { periodMs: options.period }),
      ...(options.duration === undefined ? {} : { durationMs: options.duration * 1000 }),
      ...(options.heartbeat === undefined ? {} : { heartbeatPeriodMs: options.heartbeat }),
      ...(options.connectRate === undefined ? {} : { connectRate: options.connectRate }),
      ...(vinGroup === undefined ? {} : { vin: (n: number) => vehicleVin(vinGroup, n) }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
  } catch (error) {
    if (error instanceof TcpLoadError) throw new CliError(error.message);
    throw error;
  }
  const shortfalls = loadShortfalls(summary);
  return { summary, exitCode: shortfalls.length === 0 ? EXIT.ok : EXIT.failed, shortfalls };
}

/** One line for the end of a run, e.g. "1000 T-Boxes on tcp://10.0.0.5:7325: 1000 connected, 1000/1000 logins accepted, 60,000/60,000 reports sent, lateness p50 1.2 ms p99 9.8 ms max 31 ms, 0 error answers, 0 connections lost". */
export function loadSummaryLine(s: TcpLoadSummary): string {
  const count = (n: number): string => n.toLocaleString("en-US");
  const ms = (v: number | null): string => (v === null ? "-" : v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`);
  return (
    `${count(s.tboxes)} T-Boxes on ${s.target}: ${count(s.connected)} connected, ${count(s.loginsAccepted)}/${count(s.loginsSent)} logins accepted, ` +
    `${count(s.reportsSent)}/${count(s.reportsDemanded)} reports sent, lateness p50 ${ms(s.lateness.p50)} p99 ${ms(s.lateness.p99)} max ${ms(s.lateness.max)}, ` +
    `${count(s.errorAnswers)} error answers, ${count(s.connectionsLost)} connections lost`
  );
}

type LoadFlags = Omit<LoadCommandOptions, "host" | "port" | "signal" | "onProgress"> & { readonly tcp: TcpAddress; readonly output?: string };

/** Adds `v2x load gbt32960 --tcp <host:port> --tboxes <n> …`. */
export function registerLoadCommand(program: Command): void {
  program
    .command("load")
    .description("load a platform with a fleet of simulated terminals on its own transport")
    .command("gbt32960")
    .description("log a fleet of T-Boxes in to a platform's GB/T 32960 TCP port, one connection each, and send realtime reports on time, with a JSON summary")
    .requiredOption("--tcp <host:port>", "the platform's GB/T 32960 TCP port, e.g. 10.0.0.5:7325", hostPort)
    .requiredOption("--tboxes <n>", "T-Boxes, each on its own connection", positiveInteger)
    .option("--period <ms>", "realtime report period of each T-Box, 1000..30000 (100..999 for lab stress) (default: 1000)", positiveInteger)
    .option("--duration <s>", "how long the T-Boxes report once logged in (default: 60)", positiveNumber)
    .option("--heartbeat <ms>", "also send a heartbeat this often per T-Box (default: none)", positiveInteger)
    .option("--connect-rate <n>", "connections opened per second (default: 500)", positiveNumber)
    .option("--vin-group <name>", 'VINs are drawn from this name, so runs with different groups can share a platform (default: "tcp-load")')
    .option("--output <file>", "also write the JSON summary to this file")
    .addHelpText(
      "after",
      [
        "",
        "Example:",
        "  v2x load gbt32960 --tcp 10.0.0.5:7325 --tboxes 2000 --period 1000 --duration 300 --output load.json",
        "",
        "Each T-Box needs a file descriptor and a local port here and a descriptor at the platform: raise",
        "`ulimit -n` above the T-Box count on both. The summary JSON goes to standard output; progress is shown",
        "on a terminal. Exit 0: every T-Box connected and every login was accepted, no error answer came and no",
        "connection was lost (late or skipped reports are reported, not failed); 1: otherwise, saying why;",
        "2: bad flags, too low a limit, or not one connection could be opened.",
      ].join("\n"),
    )
    .action(async (flags: LoadFlags) => {
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      try {
        const onProgress = progressLine(process.stderr, formatLoadProgress);
        const { tcp, output, ...rest } = flags;
        const { summary, exitCode, shortfalls } = await loadCommand({ ...tcp, ...rest, signal: controller.signal, ...(onProgress === undefined ? {} : { onProgress }) });
        const text = `${JSON.stringify(summary, null, 2)}\n`;
        process.stdout.write(text);
        if (output !== undefined) await writeFile(output, text);
        console.error(`v2x load: ${loadSummaryLine(summary)}`);
        for (const line of shortfalls) console.error(`v2x load: ${line}`);
        process.exitCode = exitCode;
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
      }
    });
}

