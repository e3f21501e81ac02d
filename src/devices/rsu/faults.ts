import type { Fault } from "../fault.ts";
import { MSGCNT_OUT_OF_RANGE, type RsuBehaviour } from "./behaviour.ts";

export const RSU_FAULTS = [
  {
    name: "map-rate-0.2hz",
    role: "rsu",
    breaks: "CSAE53-2020-MAP-RATE",
    summary: "sends the MAP every 5 s instead of every second",
    apply: (b) => ({ ...b, mapIntervalFactor: 5 }),
  },
  {
    name: "spat-phase-not-in-map",
    role: "rsu",
    breaks: "CSAE53-2020-SPAT-MAP-CONSISTENT",
    summary: "adds phase 99, which no MAP movement or connection uses, to its SPAT",
    apply: (b) => ({ ...b, phaseOutsideMap: true }),
  },
  {
    name: "countdown-frozen",
    role: "rsu",
    breaks: "CSAE53-2020-SPAT-COUNTDOWN",
    summary: "reports each active light's full duration as its remaining time, so the countdown never falls",
    apply: (b) => ({ ...b, countdownFrozen: true }),
  },
  {
    name: "illegal-light-sequence",
    role: "rsu",
    breaks: "CSAE53-2020-SPAT-LIGHT-SEQUENCE",
    summary: "shows yellow as red, so its SPAT turns green straight to red",
    apply: (b) => ({ ...b, yellowShownAsRed: true }),
  },
  {
    name: "rsm-out-of-range",
    role: "rsu",
    breaks: "CSAE53-2020-RSM-IN-RANGE",
    summary: "puts vehicles up to twice its declared range in its RSMs",
    apply: (b) => ({ ...b, rsmRangeFactor: 2 }),
  },
  {
    name: "rsm-ptcid-reused",
    role: "rsu",
    breaks: "CSAE53-2020-RSM-UNIQUE-IDS",
    summary: "numbers participants from 1 in every RSM, so when more than 16 are in range two vehicles share a ptcId",
    apply: (b) => ({ ...b, ptcIdsRestartPerMessage: true }),
  },
  {
    name: "spat-rate-5hz",
    role: "rsu",
    breaks: "CSAE53-2020-SPAT-RATE",
    summary: "sends SPAT every 200 ms instead of every 100 ms",
    apply: (b) => ({ ...b, spatIntervalFactor: 2 }),
  },
  {
    name: "spat-min-end-after-likely",
    role: "rsu",
    breaks: "CSAE53-2020-SPAT-TIMING-ORDER",
    summary: "puts each light's minEndTime 5 s after its likelyEndTime",
    apply: (b) => ({ ...b, minEndAfterLikely: true }),
  },
  {
    name: "rsm-over-16-participants",
    role: "rsu",
    breaks: "CSAE53-2020-RSM-PARTICIPANT-LIMIT",
    summary: "lists every participant in range in one RSM instead of 16 per message",
    apply: (b) => ({ ...b, rsmsMerged: true }),
  },
  ...(["map", "spat", "rsi", "rsm"] as const).map((type) => ({
    name: `${type}-msgcnt-out-of-range`,
    role: "rsu" as const,
    breaks: "CSAE53-2020-RSU-VALID" as const,
    summary: `sends msgCnt ${MSGCNT_OUT_OF_RANGE} (MsgCount is 0..127) in every ${type.toUpperCase()}`,
    apply: (b: RsuBehaviour): RsuBehaviour => ({ ...b, msgCntOutOfRangeIn: type }),
  })),
] as const satisfies readonly Fault<RsuBehaviour>[];
