import { countVerdicts, type MutantResult, type RunReport, type SelftestReport, type TestResult } from "../../../src/conformance/verdict.ts";

/** Hand-written verdict records the reporter tests render. Times are fixed; nothing is random. */

const T0 = Date.parse("2025-03-01T08:00:00.000Z");
const TOOL = { name: "v2x-harness", version: "0.1.0" };

const PERIOD = "GBT32960-2016-B.2.1-PERIOD";
const REISSUE = "GBT32960-2016-B.2.8-REISSUE";
const LOGIN = "GBT32960-2016-B.1-LOGIN-FIRST";
const VALID = "GBT32960-2016-TBOX-VALID";

export const RESULTS: readonly TestResult[] = [
  {
    id: "TP/TBOX/LOGIN/BV-01",
    title: "Logs in before anything else",
    role: "tbox",
    verdict: "pass",
    reason: "login came first",
    requirements: [{ id: LOGIN, level: "MUST", verdict: "pass", reason: "login came first" }],
    evidence: [{ at: T0 + 120, kind: "observed", channel: "vehicle/LSVAA/up", summary: "login #1", message: { serial: 1, iccid: "8986" } }],
    startedAt: T0,
    durationMs: 3000,
  },
  {
    id: "TP/TBOX/REALTIME/BV-01",
    title: "Reports every 10 s",
    role: "tbox",
    verdict: "fail",
    reason: "<script>alert(1)</script> gap of 25 s",
    requirements: [
      { id: PERIOD, level: "MUST", verdict: "fail", reason: "gap of 25 s" },
      { id: VALID, level: "MUST", verdict: "pass", reason: "all frames valid" },
    ],
    evidence: [
      { at: T0 + 3000, kind: "stimulus", channel: "vehicle/LSVAA/down", summary: "set period 10 s" },
      { at: T0 + 5000, kind: "observed", channel: "vehicle/LSVAA/up", summary: "realtime report", message: { speed: 12, note: "<b>" } },
      { at: T0 + 30000, kind: "note", channel: "", summary: "no report for 25 s" },
    ],
    startedAt: T0 + 3000,
    durationMs: 27000,
  },
  {
    id: "TP/TBOX/REISSUE/BV-01",
    title: "Reissues what the outage held back",
    role: "tbox",
    verdict: "inconc",
    reason: "the outage was too short to hold anything back",
    requirements: [{ id: REISSUE, level: "MUST", verdict: "inconc", reason: "nothing to reissue" }],
    evidence: [],
    startedAt: T0 + 30000,
    durationMs: 500,
  },
  {
    id: "TP/TBOX/ALARM/BV-02",
    title: "Raises a level-3 alarm",
    role: "tbox",
    verdict: "skip",
    reason: "PICS TBOX_ALARM_L3 is false",
    requirements: [],
    evidence: [],
    startedAt: T0 + 30500,
    durationMs: 0,
  },
  {
    id: "TP/TBOX/LOGOUT/BV-01",
    title: "Logs out with the login serial",
    role: "tbox",
    verdict: "error",
    reason: "broker connection lost",
    requirements: [{ id: "GBT32960-2016-TABLE20-LOGOUT-SERIAL", level: "MUST", verdict: "not-executed", reason: "test ended first" }],
    evidence: [{ at: T0 + 30600, kind: "note", channel: "", summary: "ECONNRESET" }],
    startedAt: T0 + 30500,
    durationMs: 1234,
  },
];

function coverageEntry(id: string, clause: string, testedBy: string[], verdict: RunReport["coverage"][number]["verdict"]) {
  return { id, standard: "GB/T 32960.3", version: "2016", clause, level: "MUST" as const, statement: `statement of ${id}`, testedBy, verdict };
}

export const RUN: RunReport = {
  reportVersion: 1,
  tool: TOOL,
  role: "tbox",
  sut: "tbox-lab-7",
  startedAt: "2025-03-01T08:00:00.000Z",
  durationMs: 31734,
  summary: countVerdicts(RESULTS),
  standards: [{ standard: "GB/T 32960.3", version: "2016" }],
  results: RESULTS,
  coverage: [
    coverageEntry(LOGIN, "B.1", ["TP/TBOX/LOGIN/BV-01"], "pass"),
    coverageEntry(PERIOD, "B.2.1", ["TP/TBOX/REALTIME/BV-01"], "fail"),
    coverageEntry(VALID, "6-7", ["TP/TBOX/REALTIME/BV-01"], "pass"),
    coverageEntry(REISSUE, "B.2.8", ["TP/TBOX/REISSUE/BV-01"], "inconc"),
    coverageEntry("GBT32960-2016-TABLE20-LOGOUT-SERIAL", "Table 20", ["TP/TBOX/LOGOUT/BV-01"], "not-executed"),
    coverageEntry("GBT32960-2016-B.3-HEARTBEAT", "B.3", [], "not-tested"),
  ],
  pics: { TBOX_ALARM_L3: false, TBOX_REISSUE: true },
  pixit: { broker: "mqtt://lab:1883", password: "***" },
};

/** A reference run: everything passes or is skipped. */
export const REFERENCE: RunReport = (() => {
  const results = RESULTS.filter((r) => r.verdict === "pass" || r.verdict === "skip");
  return { ...RUN, sut: "reference-tbox", results, summary: countVerdicts(results), coverage: RUN.coverage.slice(0, 1) };
})();

export const KILLED: MutantResult = {
  role: "tbox",
  fault: "slow-period",
  breaks: PERIOD,
  summary: "reports every 25 s",
  killed: true,
  killedBy: ["TP/TBOX/REALTIME/BV-01"],
  run: RUN,
};

export const SURVIVOR: MutantResult = {
  role: "tbox",
  fault: "no-reissue",
  breaks: REISSUE,
  summary: "drops what an outage held back",
  killed: false,
  killedBy: [],
  run: RUN,
};

export const SELFTEST: SelftestReport = {
  reportVersion: 1,
  tool: TOOL,
  startedAt: "2025-03-01T09:00:00.000Z",
  durationMs: 95000,
  references: [REFERENCE],
  mutants: [KILLED, SURVIVOR],
  mutationScore: 0.5,
};

/** A copy of `report` whose test results all carry `reason`. */
export function withReason(report: RunReport, reason: string): RunReport {
  return { ...report, results: report.results.map((r) => ({ ...r, reason })) };
}
