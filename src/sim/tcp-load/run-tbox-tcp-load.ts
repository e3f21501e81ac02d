import { RealClock } from "../clock.ts";
import { rampUp } from "../fleet/connect-ramp.ts";
import type { FleetProgress } from "../fleet/fleet-progress.ts";
import { connectionLimitProblem } from "../fleet/os-limits.ts";
import { LoadCounters } from "./load-counters.ts";
import { TcpLoadError } from "./load-error.ts";
import { vinsOf, withDefaults, type TcpLoadInit, type TcpLoadOptions } from "./load-options.ts";
import type { TcpLoadProgress } from "./load-progress.ts";
import { summarize, type TcpLoadSummary } from "./load-summary.ts";
import { LoadTbox } from "./load-tbox.ts";
import { LoadTboxFrames } from "./load-tbox-frames.ts";
import { sendReports } from "./send-reports.ts";

const PROGRESS_MS = 1000;
/** How often the waits for connections and login answers look again, ms. */
const POLL_MS = 10;
/**
 * How long the connections stay open after the last send, ms: closing at once could reset them
 * before the platform has read the last reports, and the last answers would be lost.
 */
const LINGER_MS = 500;

/**
 * Loads a platform's GB/T 32960 TCP port with a fleet of T-Boxes, one connection each, and returns
 * what happened. Connections open at `connectRate`; each T-Box logs in as its connection comes up
 * (again after every reconnect). Once every login has been answered or timed out, from the next
 * whole second on, each T-Box sends a realtime report per period (see sendReports), its collection
 * time the time it was due. Whatever the platform does is counted, never thrown; only a run that
 * cannot start throws a TcpLoadError: a bad option, too low an open-files limit, or not a single
 * connection opened.
 */
export async function runTboxTcpLoad(init: TcpLoadInit): Promise<TcpLoadSummary> {
  const options = withDefaults(init);
  const limit = connectionLimitProblem(options.tboxes, undefined, { peer: "platform", otherwise: "or split the T-Boxes over several processes with different VINs (--vin-group)" });
  if (limit !== undefined) throw new TcpLoadError("os-limit", limit);
  const vins = vinsOf(options);
  const counters = new LoadCounters();
  const frames = new LoadTboxFrames(vins);
  const tboxes = vins.map((vin, index) => new LoadTbox(index, vin, frames, counters, options));
  const run = new LoadRun(options, tboxes, counters);
  return run.run();
}

class LoadRun {
  private readonly options: TcpLoadOptions;
  private readonly tboxes: readonly LoadTbox[];
  private readonly counters: LoadCounters;
  private readonly clock = new RealClock();
  private phase: FleetProgress["phase"] = "connecting";
  private start: number | undefined;
  private progressTimer: NodeJS.Timeout | undefined;
  private reportedSent = 0;
  private reportedAt = this.clock.now();

  constructor(options: TcpLoadOptions, tboxes: readonly LoadTbox[], counters: LoadCounters) {
    this.options = options;
    this.tboxes = tboxes;
    this.counters = counters;
  }

  async run(): Promise<TcpLoadSummary> {
    const { signal } = this.options;
    if (this.options.onProgress !== undefined) this.progressTimer = setInterval(() => this.report(), PROGRESS_MS).unref();
    try {
      await this.connect();
      if (this.counters.everConnected === 0 && signal?.aborted !== true) {
        throw new TcpLoadError("unreachable", `not one of ${this.tboxes.length} connections to tcp://${this.options.host}:${this.options.port} could be opened: ${this.counters.problems[0] ?? "no answer"}`);
      }
      await this.until(() => this.counters.loginsPending === 0);
      if (signal?.aborted !== true) await this.sendReports();
      if (signal?.aborted !== true) await sleep(LINGER_MS);
    } finally {
      clearInterval(this.progressTimer);
      this.phase = "closing";
      for (const tbox of this.tboxes) tbox.close();
    }
    this.phase = "done";
    this.report();
    return summarize(this.options, this.counters, { start: this.start, interrupted: signal?.aborted === true });
  }

  private async connect(): Promise<void> {
    const { connectRate, connectTimeoutMs, signal } = this.options;
    await rampUp(this.tboxes, {
      rate: connectRate,
      now: () => performance.now(),
      wait: sleep,
      settled: () => this.counters.everConnected + this.counters.connectFailures,
      // The client gives up on a connection after connectTimeoutMs; the margin lets that failure arrive.
      settleTimeoutMs: connectTimeoutMs + 1000,
      signal,
    });
  }

  private async sendReports(): Promise<void> {
    const { periodMs, durationMs, heartbeatPeriodMs, signal } = this.options;
    const start = Math.ceil(this.clock.now() / 1000) * 1000;
    this.start = start;
    this.phase = "waiting";
    const running = setTimeout(() => (this.phase = "running"), start - this.clock.now());
    try {
      await sendReports(this.tboxes, this.counters, { start, end: start + durationMs, periodMs, heartbeatPeriodMs, clock: this.clock, signal });
    } finally {
      clearTimeout(running);
    }
  }

  /** Resolves once `done` holds or the run is aborted. */
  private async until(done: () => boolean): Promise<void> {
    while (!done() && this.options.signal?.aborted !== true) await sleep(POLL_MS);
  }

  private report(): void {
    const onProgress = this.options.onProgress;
    if (onProgress === undefined) return;
    const now = this.clock.now();
    const c = this.counters;
    onProgress({
      phase: this.phase,
      elapsedMs: this.start === undefined ? 0 : now - this.start,
      sessions: this.tboxes.length,
      connected: this.tboxes.filter((t) => t.connected).length,
      loggedIn: this.tboxes.filter((t) => t.loggedIn).length,
      sentPerSecond: (c.reportsSent - this.reportedSent) / Math.max(0.001, (now - this.reportedAt) / 1000),
      latenessP50: c.recent.percentile(0.5),
      latenessP99: c.recent.percentile(0.99),
      sent: c.reportsSent,
      errors: c.errorAnswers,
      dropped: c.reportsOffline + c.reportsBackpressure,
      skipped: c.reportsSkipped,
      connectionsLost: c.connectionsLost,
    } satisfies TcpLoadProgress);
    c.recent.reset();
    this.reportedSent = c.reportsSent;
    this.reportedAt = now;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
