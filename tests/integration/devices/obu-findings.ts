import type { Observation } from "../../../src/transport/observation.ts";
import { distance, secMarkSpan, type WirePosition } from "./geometry.ts";
import { messageOf, violationsOf } from "./bus.ts";

/** What an OBU run recorded: its BSMs, the interval it was configured with, and when (if at all) a malformed MAP was sent to it. */
export interface ObuRun {
  readonly bsms: readonly Observation[];
  readonly intervalMs: number;
  readonly malformed?: { readonly sentAt: number; readonly runEndedAt: number };
}

interface Bsm {
  readonly msgCnt: number;
  readonly id: Uint8Array;
  readonly secMark: number;
  readonly pos: WirePosition;
  readonly speed: number;
}

const bsmOf = (o: Observation): Bsm => messageOf<{ bsmFrame: Bsm }>(o).bsmFrame;

function pairs<T>(items: readonly T[]): [T, T][] {
  return items.slice(1).map((item, i) => [items[i] as T, item]);
}

/**
 * The OBU requirements a run breaks, by id. Tolerances are loose (2x on rates, seconds on
 * times, metres on positions): each check separates a correct OBU from one fault, not a
 * conformance verdict.
 */
export function obuFindings(run: ObuRun): Set<string> {
  const broken = new Set<string>();
  const breakIf = (condition: boolean, id: string): void => void (condition && broken.add(id));
  const bsms = run.bsms.map(bsmOf);
  const malformedAt = run.malformed?.sentAt ?? Infinity;
  const before = run.bsms.filter((o) => o.receivedAt < malformedAt);
  const first = before[0];
  const last = before.at(-1);
  const meanInterval = first === undefined || last === undefined || before.length < 2 ? Infinity : (last.receivedAt - first.receivedAt) / (before.length - 1);

  breakIf(violationsOf(run.bsms).length > 0, "CSAE53-2020-BSM-VALID");
  breakIf(meanInterval > 1.5 * run.intervalMs || meanInterval < 0.5 * run.intervalMs, "CSAE53-2020-BSM-RATE");
  breakIf(pairs(bsms).some(([a, b]) => b.msgCnt !== (a.msgCnt + 1) % 128), "CSAE53-2020-MSGCNT-INCREMENT");
  breakIf(
    run.bsms.some((o) => {
      const offset = secMarkSpan(o.receivedAt % 60000, bsmOf(o).secMark);
      return Math.min(offset, 60000 - offset) > 1000;
    }),
    "CSAE53-2020-SECMARK-TIMEBASE",
  );
  breakIf(new Set(bsms.map((b) => Buffer.from(b.id).toString("hex"))).size !== 1, "CSAE53-2020-BSM-ID-STABLE");
  breakIf(
    pairs(bsms).some(([a, b]) => {
      const travelled = ((a.speed + b.speed) / 2) * 0.02 * (secMarkSpan(a.secMark, b.secMark) / 1000);
      return Math.abs(distance(a.pos, b.pos) - travelled) > 5;
    }),
    "CSAE53-2020-BSM-POSITION-CONSISTENT",
  );
  if (run.malformed !== undefined) {
    // After the malformed MAP, at least half as many BSMs as the rate before it would give.
    const { sentAt, runEndedAt } = run.malformed;
    const after = run.bsms.filter((o) => o.receivedAt > sentAt + 300);
    breakIf(after.length < (0.5 * (runEndedAt - sentAt - 300)) / meanInterval, "CSAE53-2020-BSM-ROBUST-INPUT");
  }
  return broken;
}
