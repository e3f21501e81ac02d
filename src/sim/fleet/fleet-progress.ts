/** A snapshot of a running fleet, for a progress display. */
export interface FleetProgress {
  readonly phase: "connecting" | "waiting" | "running" | "closing" | "done";
  /** Since the run's start (negative before it), ms. */
  readonly elapsedMs: number;
  readonly sessions: number;
  readonly connected: number;
  /** Messages sent in the last interval, per second. */
  readonly sentPerSecond: number;
  /** Lateness of the sends of the last interval, ms; null when nothing was sent. */
  readonly latenessP50: number | null;
  readonly latenessP99: number | null;
  /** Totals since the start. */
  readonly sent: number;
  readonly errors: number;
  readonly dropped: number;
  readonly skipped: number;
}

/** One line, e.g. "12.0 s  connected 10000/10000  sent 99,870/s  lateness p50 1.2 ms p99 35 ms  errors 0  dropped 0  skipped 0". */
export function formatProgress(p: FleetProgress): string {
  const count = (n: number): string => Math.round(n).toLocaleString("en-US");
  const ms = (v: number | null): string => (v === null ? "-" : v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`);
  const head = p.phase === "running" ? `${(p.elapsedMs / 1000).toFixed(1)} s` : p.phase;
  return [
    head,
    `connected ${count(p.connected)}/${count(p.sessions)}`,
    `sent ${count(p.sentPerSecond)}/s`,
    `lateness p50 ${ms(p.latenessP50)} p99 ${ms(p.latenessP99)}`,
    `errors ${count(p.errors)}`,
    `dropped ${count(p.dropped)}`,
    `skipped ${count(p.skipped)}`,
  ].join("  ");
}
