import type {
  IntersectionState,
  Link,
  MapData,
  NodeReferenceID,
  RoadsideSafetyMessage,
  RTEData,
  RTSData,
  TimeCountingDown,
  UTCTiming,
} from "../gen/v2xh/csae53/v1/index.ts";
import { fieldPath, type Violation } from "../violation.ts";
import { defineCheck, type MessageCheck } from "./check.ts";

/** TimeMark values that are not points in time: 36000 "more than an hour", 36001 "unknown". */
const NOT_A_TIME = new Set([36000, 36001]);
const HOUR = 36000;

/** Reports every later list item whose key repeats an earlier item's key. */
function duplicates<T>(items: readonly T[], key: (item: T) => string | undefined, report: (index: number, key: string) => Violation): Violation[] {
  const seen = new Set<string>();
  const out: Violation[] = [];
  items.forEach((item, index) => {
    const k = key(item);
    if (k === undefined) return;
    if (seen.has(k)) out.push(report(index, k));
    seen.add(k);
  });
  return out;
}

function nodeKey(id: NodeReferenceID | null): string | undefined {
  return id === null ? undefined : `${id.region ?? "-"}/${id.id}`;
}

/** min <= likely <= max, skipping absent ends and the non-time marks; `shift` maps a mark onto a comparable scale. */
function endTimesOrdered(ends: readonly (number | undefined)[], path: string, clause: string, shift: (t: number) => number): Violation[] {
  const times = ends.filter((t): t is number => t !== undefined && !NOT_A_TIME.has(t));
  const ordered = times.every((t, i) => i === 0 || shift(times[i - 1] ?? t) <= shift(t));
  if (ordered) return [];
  return [{ path, rule: "spat-end-times-ordered", value: `min ${ends[0] ?? "-"}, likely ${ends[1]}, max ${ends[2] ?? "-"}`, expected: "minEnd <= likelyEnd <= maxEnd", clause }];
}

function countingDownOrdered(timing: TimeCountingDown, path: string): Violation[] {
  return endTimesOrdered([timing.minEndTime, timing.likelyEndTime, timing.maxEndTime], path, "T/CSAE 53-2020 DF_TimeCountingDown", (t) => t);
}

function utcTimingOrdered(timing: UTCTiming, path: string): Violation[] {
  const start = timing.startUTCTime;
  // Marks are tenths of a second within the hour, so an end time past the hour wraps below the start.
  const shift = start < HOUR ? (t: number) => (t - start + HOUR) % HOUR : (t: number) => t;
  return endTimesOrdered([timing.minEndUTCTime, timing.likelyEndUTCTime, timing.maxEndUTCTime], path, "T/CSAE 53-2020 DF_UTCTiming", shift);
}

export const CSAE53_CHECKS: Readonly<Record<string, MessageCheck>> = {
  "spat-end-times-ordered": defineCheck<TimeCountingDown | UTCTiming>((timing, path) =>
    "startUTCTime" in timing ? utcTimingOrdered(timing, path) : countingDownOrdered(timing, path),
  ),

  "spat-status-reserved-bits": defineCheck<IntersectionState>((state, path) =>
    (state.status & 0xc000) === 0
      ? []
      : [{ path: fieldPath(path, "status"), rule: "spat-status-reserved-bits", value: state.status, expected: "bits 14 and 15 zero", clause: "T/CSAE 53-2020 DE_IntersectionStatusObject" }],
  ),

  "map-node-ids-unique": defineCheck<MapData>((map, path) =>
    duplicates(map.nodes, (node) => nodeKey(node.id), (j, key) => ({
      path: `${fieldPath(path, "nodes")}[${j}].id`,
      rule: "map-node-ids-unique",
      value: key,
      expected: "a node id (region/id) used once in the MAP",
      clause: "T/CSAE 53-2020 DF_NodeReferenceID",
    })),
  ),

  "map-lane-ids-unique": defineCheck<Link>((link, path) =>
    duplicates(link.lanes, (lane) => (lane.laneID === 0 ? undefined : String(lane.laneID)), (j, key) => ({
      path: `${fieldPath(path, "lanes")}[${j}].laneID`,
      rule: "map-lane-ids-unique",
      value: Number(key),
      expected: "a laneID used once within its link (0 = unknown is exempt)",
      clause: "T/CSAE 53-2020 DE_LaneID",
    })),
  ),

  "rsi-priority-low-bits-zero": defineCheck<RTEData | RTSData>((data, path) => {
    const priority = data.priority;
    if (priority?.length !== 1 || ((priority[0] ?? 0) & 0x1f) === 0) return [];
    return [{ path: fieldPath(path, "priority"), rule: "rsi-priority-low-bits-zero", value: priority[0] ?? 0, expected: "the five low bits zero (priority in the top 3 bits)", clause: "T/CSAE 53-2020 DE_RSIPriority" }];
  }),

  "rsm-unique-participant-ids": defineCheck<RoadsideSafetyMessage>((rsm, path) =>
    duplicates(rsm.participants, (p) => String(p.ptcId), (j, key) => ({
      path: `${fieldPath(path, "participants")}[${j}].ptcId`,
      rule: "rsm-unique-participant-ids",
      value: Number(key),
      expected: "a ptcId used once in the RSM",
      clause: "T/CSAE 53-2020 DF_ParticipantData",
    })),
  ),
};
