import { LatenessHistogram } from "./lateness-histogram.ts";

/** One connection's time without a connection, and what its devices could not send meanwhile. */
export interface SessionGap {
  readonly session: number;
  /** ms since the epoch */
  readonly lostAt: number;
  /** undefined when the run ended first. */
  readonly restoredAt: number | undefined;
  /** Messages dropped meanwhile, by the vehicle (or RSU) that could not send them. */
  readonly dropped: ReadonlyMap<string, number>;
}

/** A stretch of time during which at least one connection was down, as the summary reports it. */
export interface Outage {
  /** ISO 8601: the first connection lost, and the last one back (null: not back when the run ended). */
  readonly start: string;
  readonly end: string | null;
  /** To the end, or to the end of the run, ms. */
  readonly durationMs: number;
  /** Connections lost, and how many of them were not back by the end. */
  readonly sessions: number;
  readonly unrestored: number;
  /** Vehicles and RSUs that lost their connection. */
  readonly devicesAffected: number;
  /** Messages not sent because of it. */
  readonly dropped: number;
  /** Each connection's time from its loss to its reconnect, ms; null when none came back. */
  readonly reconnectMs: { readonly p50: number | null; readonly p99: number | null; readonly max: number | null };
  /** The longest per-device gaps, at most outageDetailLimit. */
  readonly gaps: readonly DeviceGap[];
  /** Device gaps not listed. */
  readonly gapsOmitted: number;
}

export interface DeviceGap {
  /** Vehicle id, or "rsu-" and the RSU id. */
  readonly device: string;
  readonly lostAt: string;
  readonly restoredAt: string | null;
  readonly gapMs: number;
  readonly dropped: number;
}

interface OpenGap {
  readonly lostAt: number;
  readonly dropped: Map<string, number>;
}

/** Records when each connection is down and what is dropped meanwhile; summarises it as outages. */
export class OutageLog {
  private readonly open = new Map<number, OpenGap>();
  private readonly closed: SessionGap[] = [];

  lost(session: number, at: number): void {
    if (!this.open.has(session)) this.open.set(session, { lostAt: at, dropped: new Map() });
  }

  restored(session: number, at: number): void {
    const gap = this.open.get(session);
    if (gap === undefined) return;
    this.open.delete(session);
    this.closed.push({ session, lostAt: gap.lostAt, restoredAt: at, dropped: gap.dropped });
  }

  /** A message of `device` was dropped because `session` is down; counted only during a recorded gap. */
  dropped(session: number, device: string): void {
    const gap = this.open.get(session);
    if (gap !== undefined) gap.dropped.set(device, (gap.dropped.get(device) ?? 0) + 1);
  }

  /** Every gap so far; those still open have no restoredAt. */
  gaps(): SessionGap[] {
    const open = [...this.open].map(([session, gap]): SessionGap => ({ session, lostAt: gap.lostAt, restoredAt: undefined, dropped: gap.dropped }));
    return [...this.closed, ...open].sort((a, b) => a.lostAt - b.lostAt || a.session - b.session);
  }

  /**
   * Overlapping gaps merged into outages: a broker restart that took every connection down is one
   * outage, however many connections it hit. `devicesOf(session)` names the devices a connection
   * carries (those with nothing dropped are affected too). Open gaps last until `end`.
   */
  outages(end: number, devicesOf: (session: number) => readonly string[], detailLimit: number): Outage[] {
    const groups: SessionGap[][] = [];
    let until = -Infinity;
    for (const gap of this.gaps()) {
      const ends = gap.restoredAt ?? Infinity;
      const current = groups.at(-1);
      if (current !== undefined && gap.lostAt <= until) {
        current.push(gap);
        until = Math.max(until, ends);
      } else {
        groups.push([gap]);
        until = ends;
      }
    }
    return groups.map((group) => outageOf(group, end, devicesOf, detailLimit));
  }
}

function outageOf(group: readonly SessionGap[], end: number, devicesOf: (session: number) => readonly string[], detailLimit: number): Outage {
  const start = group.reduce((min, g) => Math.min(min, g.lostAt), Infinity);
  const unrestored = group.filter((g) => g.restoredAt === undefined).length;
  const last = unrestored > 0 ? undefined : group.reduce((max, g) => Math.max(max, g.restoredAt ?? end), -Infinity);
  const reconnect = new LatenessHistogram();
  for (const g of group) if (g.restoredAt !== undefined) reconnect.record(Math.round(g.restoredAt - g.lostAt));
  const gaps = group.flatMap((g) =>
    devicesOf(g.session).map(
      (device): DeviceGap => ({
        device,
        lostAt: iso(g.lostAt),
        restoredAt: g.restoredAt === undefined ? null : iso(g.restoredAt),
        gapMs: Math.round((g.restoredAt ?? end) - g.lostAt),
        dropped: g.dropped.get(device) ?? 0,
      }),
    ),
  );
  gaps.sort((a, b) => b.gapMs - a.gapMs || a.device.localeCompare(b.device));
  const stats = reconnect.stats();
  return {
    start: iso(start),
    end: last === undefined ? null : iso(last),
    durationMs: Math.round((last ?? end) - start),
    sessions: group.length,
    unrestored,
    devicesAffected: new Set(gaps.map((g) => g.device)).size,
    dropped: gaps.reduce((sum, g) => sum + g.dropped, 0),
    reconnectMs: { p50: stats.p50, p99: stats.p99, max: stats.max },
    gaps: gaps.slice(0, detailLimit),
    gapsOmitted: Math.max(0, gaps.length - detailLimit),
  };
}

const iso = (epochMs: number): string => new Date(epochMs).toISOString();
