import type { Fault } from "../fault.ts";
import type { RsuBehaviour } from "./behaviour.ts";

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
] as const satisfies readonly Fault<RsuBehaviour>[];
