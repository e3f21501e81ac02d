import { machineInfo, type MachineInfo } from "../fleet/machine-info.ts";
import type { LoadCounters } from "./load-counters.ts";
import type { TcpLoadOptions } from "./load-options.ts";

/**
 * What a T-Box TCP load run did, as JSON. Counts are since the start; durations and lateness in
 * ms. Reports: demanded = sent + skipped + offline + backpressure.
 */
export interface TcpLoadSummary {
  readonly format: "v2x-tcp-load-summary/1";
  /** "tcp://host:port". */
  readonly target: string;
  readonly tboxes: number;
  readonly periodMs: number;
  readonly durationMs: number;
  readonly heartbeatPeriodMs: number | null;
  /** When the first reports were due, ISO 8601; null when reporting never began. */
  readonly startedAt: string | null;
  /** Ended early by the caller (Ctrl-C). */
  readonly interrupted: boolean;
  /** T-Boxes whose connection came up at least once. */
  readonly connected: number;
  /** T-Boxes whose first connection could not be opened (not retried). */
  readonly connectFailures: number;
  /** Logins sent: one per connection that came up, reconnections included. */
  readonly loginsSent: number;
  readonly loginsAccepted: number;
  readonly loginsRefused: number;
  /** Refused logins by the answer's response flag, e.g. {"VIN_DUPLICATE": 3}. */
  readonly loginsRefusedByFlag: Readonly<Record<string, number>>;
  /** No answer within the login timeout, or the connection was lost first. */
  readonly loginsUnanswered: number;
  /** Realtime reports whose time came during the run. */
  readonly reportsDemanded: number;
  readonly reportsSent: number;
  /** Not sent: a whole period late (the sender fell behind). */
  readonly reportsSkipped: number;
  /** Not sent: the T-Box was not connected, or not logged in. */
  readonly reportsOffline: number;
  /** Not sent: the platform had not read what the connection already held. */
  readonly reportsBackpressure: number;
  readonly heartbeatsSent: number;
  readonly heartbeatsAnswered: number;
  /** Answers with a response flag other than success, to anything but a login. */
  readonly errorAnswers: number;
  /** Frames that answer nothing sent: a login answer after the timeout, a platform command. */
  readonly unexpectedFrames: number;
  /** Stretches of bytes from the platform that are not a GB/T 32960 frame. */
  readonly unreadableFrames: number;
  readonly connectionsLost: number;
  /** Connections that came up again after being lost. */
  readonly reconnects: number;
  /** Of each report sent: when it was handed to its connection minus when it was due; null when none was sent. */
  readonly lateness: { readonly p50: number | null; readonly p99: number | null; readonly max: number | null };
  /** The first problems, one line each, naming the VIN. */
  readonly problems: readonly string[];
  readonly machine: MachineInfo;
}

export function summarize(options: TcpLoadOptions, counters: LoadCounters, run: { readonly start: number | undefined; readonly interrupted: boolean }): TcpLoadSummary {
  const { p50, p99, max } = counters.lateness.stats();
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    format: "v2x-tcp-load-summary/1",
    target: `tcp://${host}:${options.port}`,
    tboxes: options.tboxes,
    periodMs: options.periodMs,
    durationMs: options.durationMs,
    heartbeatPeriodMs: options.heartbeatPeriodMs ?? null,
    startedAt: run.start === undefined ? null : new Date(run.start).toISOString(),
    interrupted: run.interrupted,
    connected: counters.everConnected,
    connectFailures: counters.connectFailures,
    loginsSent: counters.loginsSent,
    loginsAccepted: counters.loginsAccepted,
    loginsRefused: counters.loginsRefused,
    loginsRefusedByFlag: Object.fromEntries(counters.refusedFlags),
    loginsUnanswered: counters.loginsUnanswered,
    reportsDemanded: counters.reportsDemanded,
    reportsSent: counters.reportsSent,
    reportsSkipped: counters.reportsSkipped,
    reportsOffline: counters.reportsOffline,
    reportsBackpressure: counters.reportsBackpressure,
    heartbeatsSent: counters.heartbeatsSent,
    heartbeatsAnswered: counters.heartbeatsAnswered,
    errorAnswers: counters.errorAnswers,
    unexpectedFrames: counters.unexpectedFrames,
    unreadableFrames: counters.unreadableFrames,
    connectionsLost: counters.connectionsLost,
    reconnects: counters.reconnects,
    lateness: { p50, p99, max },
    problems: [...counters.problems],
    machine: machineInfo(),
  };
}

/**
 * Why the platform did not carry the load cleanly, one line each; empty when every T-Box connected
 * and every login was accepted, no report got an error answer, no connection was lost and every
 * byte from the platform was a frame. Late or skipped reports are figures, not failures.
 */
export function loadShortfalls(s: TcpLoadSummary): string[] {
  const refusedFlags = Object.entries(s.loginsRefusedByFlag).map(([flag, n]) => `${flag} ${n}`).join(", ");
  return [
    s.interrupted ? "the run was interrupted" : "",
    s.connectFailures > 0 ? `${s.connectFailures} of ${s.tboxes} T-Boxes could not connect to ${s.target}` : "",
    s.loginsRefused > 0 ? `${s.loginsRefused} logins refused (${refusedFlags})` : "",
    s.loginsUnanswered > 0 ? `${s.loginsUnanswered} logins unanswered` : "",
    s.errorAnswers > 0 ? `${s.errorAnswers} error answers` : "",
    s.connectionsLost > 0 ? `${s.connectionsLost} connections lost` : "",
    s.unreadableFrames > 0 ? `${s.unreadableFrames} unreadable frames from the platform` : "",
  ].filter((line) => line !== "");
}
