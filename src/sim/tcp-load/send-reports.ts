import type { Cancel, Clock } from "../clock.ts";
import { PeriodicSchedule } from "../fleet/periodic-schedule.ts";
import { phaseOffset } from "../fleet/phase-offset.ts";
import type { LoadCounters } from "./load-counters.ts";
import type { LoadTbox } from "./load-tbox.ts";

/** Most frames sent in one round before the event loop gets to do I/O. */
const MAX_ROUND = 5000;
/** Shortest time between the starts of two rounds, ms: frames due meanwhile go out together. */
const TICK_MS = 2;

export interface SendReportsConfig {
  /** First and end (exclusive) due time, ms since the epoch. */
  readonly start: number;
  readonly end: number;
  readonly periodMs: number;
  readonly heartbeatPeriodMs: number | undefined;
  readonly clock: Clock;
  readonly signal: AbortSignal | undefined;
}

/**
 * Sends each T-Box's realtime report at start + phase + k·period until `end`, the phases spread
 * over the period (phaseOffset), and its heartbeats likewise when asked; resolves when the last is
 * due or the signal aborts. Each round sends everything due by now in due order. A report is
 * demanded whatever happens to it: sent (its lateness recorded), skipped when a whole period late
 * (as the MQTT fleet does, so a loop that fell behind catches up instead of piling up), or not
 * sent because its T-Box is offline or not logged in, or its connection is full.
 */
export function sendReports(tboxes: readonly LoadTbox[], counters: LoadCounters, config: SendReportsConfig): Promise<void> {
  const { start, end, periodMs, heartbeatPeriodMs, clock, signal } = config;
  const schedule = (period: number): PeriodicSchedule => new PeriodicSchedule({ start, end, period, phases: tboxes.map((_, m) => phaseOffset(m, period)) });
  const reports = schedule(periodMs);
  const heartbeats = heartbeatPeriodMs === undefined ? undefined : schedule(heartbeatPeriodMs);
  const earliest = (): PeriodicSchedule => (heartbeats !== undefined && heartbeats.nextDue < reports.nextDue ? heartbeats : reports);

  return new Promise((resolve, reject) => {
    let wake: Cancel | undefined;
    const finish = (): void => {
      wake?.();
      signal?.removeEventListener("abort", finish);
      resolve();
    };
    signal?.addEventListener("abort", finish);
    if (signal?.aborted === true) return finish();

    const round = (): void => {
      const roundStart = clock.now();
      let now = roundStart;
      let budget = MAX_ROUND;
      let next = earliest();
      // The clock is read again only when the next frame seems not yet due, so a long round sees the time move on.
      while (next.nextDue !== Infinity && (next.nextDue <= now || next.nextDue <= (now = clock.now())) && budget > 0) {
        const due = next.nextDue;
        const tbox = tboxes[next.nextMember]!;
        next.advance();
        budget -= 1;
        if (next === heartbeats) tbox.heartbeat();
        else sendReport(tbox, due, now);
        next = earliest();
      }
      if (next.nextDue === Infinity) return finish();
      if (budget === 0) {
        // Behind: carry on as soon as pending I/O has run, without a timer's 1 ms minimum.
        const immediate = setImmediate(tick);
        wake = () => clearImmediate(immediate);
      } else wake = clock.schedule(Math.max(next.nextDue, roundStart + TICK_MS), tick);
    };
    const tick = (): void => {
      try {
        round();
      } catch (error) {
        // Not the platform's doing (that is counted): a frame of ours that cannot be built or encoded.
        signal?.removeEventListener("abort", finish);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };

    const sendReport = (tbox: LoadTbox, due: number, now: number): void => {
      counters.reportsDemanded += 1;
      if (now - due >= periodMs) {
        counters.reportsSkipped += 1;
        return;
      }
      const outcome = tbox.report(due);
      if (outcome === "sent") counters.sent(clock.now() - due);
      else if (outcome === "offline") counters.reportsOffline += 1;
      else counters.reportsBackpressure += 1;
    };

    wake = clock.schedule(start, tick);
  });
}
