import { OBSERVE_MS_PARAM, type RoleDefinition } from "./role-definition.ts";
import { startTboxPeer } from "./tbox-peer.ts";

/** The tbox suite's lab parameters (PIXIT `params`). */
export interface TboxParams {
  /** How long passive tests watch the SUT, ms. */
  readonly observeMs: number;
  /** The realtime report period the T-Box is configured with (parameter 0x02), ms. */
  readonly reportPeriodMs: number;
  /** The report period during a level-3 alarm (parameter 0x03), ms. */
  readonly alarmPeriodMs: number;
  /** The heartbeat period the T-Box is configured with (parameter 0x09), ms. */
  readonly heartbeatPeriodMs: number;
  /** How far an interval between two messages may exceed its period, as a fraction of it. */
  readonly periodTolerance: number;
  /** How long the harness waits for the T-Box's answer or for its login or logout after an upper-tester request, ms. */
  readonly answerTimeoutMs: number;
  /** How far a report's collection time may lie from the harness clock at arrival once the T-Box took the time, ms. */
  readonly clockToleranceMs: number;
  /** How long the reissue test keeps the T-Box's link cut, ms. */
  readonly outageMs: number;
  /** How long after restoring the link the harness waits for the reissued reports, ms. */
  readonly reissueWaitMs: number;
  /** Report slots around an outage that may go uncovered (a report timer straddling a whole second). */
  readonly missingReportsAllowed: number;
  /** How long the alarm test watches the reports of a level-3 alarm, ms. */
  readonly alarmObserveMs: number;
  /** How many samples of the 30 s before a level-3 alarm the T-Box must reissue at least. */
  readonly preFaultMinSamples: number;
}

export const TBOX_ROLE: RoleDefinition<TboxParams> = {
  role: "tbox",
  transport: "bus",
  tcp: "listen",
  paramsSchema: {
    type: "object",
    additionalProperties: false,
    properties: {
      observeMs: OBSERVE_MS_PARAM,
      reportPeriodMs: {
        type: "integer",
        minimum: 1000,
        maximum: 30000,
        default: 10000,
        description: "The realtime report period the T-Box is configured with (parameter 0x02), ms; GB/T 32960.3 B.2.1 allows at most 30 s.",
      },
      alarmPeriodMs: {
        type: "integer",
        minimum: 1,
        maximum: 1000,
        default: 1000,
        description: "The report period during a level-3 alarm (parameter 0x03), ms; B.2.1 asks for at least one report a second.",
      },
      heartbeatPeriodMs: { type: "integer", minimum: 1000, maximum: 240000, default: 30000, description: "The heartbeat period the T-Box is configured with (parameter 0x09), ms." },
      periodTolerance: {
        type: "number",
        minimum: 0,
        maximum: 2,
        default: 0.2,
        description: "How far an interval between two reports or heartbeats may exceed its period, as a fraction of it (0.2: 12 s at a 10 s period).",
      },
      answerTimeoutMs: {
        type: "integer",
        minimum: 100,
        default: 5000,
        description: "How long the harness waits for the T-Box's answer to a platform command, or for its login or logout after an upper-tester request, ms.",
      },
      clockToleranceMs: {
        type: "integer",
        minimum: 0,
        default: 3000,
        description: "How far a report's collection time may lie from the harness clock at its arrival once the T-Box took the platform's time, ms (the time has whole seconds).",
      },
      outageMs: { type: "integer", minimum: 1000, default: 30000, description: "How long the reissue test keeps the T-Box's link cut, ms: several report periods." },
      reissueWaitMs: { type: "integer", minimum: 100, default: 30000, description: "How long after restoring the link the harness waits for the reissued reports, ms." },
      missingReportsAllowed: {
        type: "integer",
        minimum: 0,
        default: 1,
        description: "Report slots around an outage that may go uncovered by realtime and reissued reports: a report timer straddling a whole second of the collection time.",
      },
      alarmObserveMs: { type: "integer", minimum: 1000, maximum: 30000, default: 10000, description: "How long the alarm test watches the reports of the level-3 alarm it triggers, ms." },
      preFaultMinSamples: {
        type: "integer",
        minimum: 1,
        maximum: 31,
        default: 28,
        description: "How many samples of the 30 s before a level-3 alarm the T-Box must reissue at least (fewer when it had not been logged in for 30 s).",
      },
    },
  },
  pics: [],
  standards: [{ standard: "GB/T 32960.3", version: "2016" }],
  startPeer: (bus) => Promise.resolve(startTboxPeer(bus)),
  observes: [
    { kind: "login", of: "sut" },
    { kind: "realtime", of: "sut" },
    { kind: "reissue", of: "sut" },
    { kind: "logout", of: "sut" },
    { kind: "heartbeat", of: "sut" },
    { kind: "timeCalibration", of: "sut" },
    { kind: "tboxAnswer", of: "sut" },
    // The harness's own answers, as evidence of what the T-Box was told (e.g. the time).
    { kind: "platformAnswer", of: "sut" },
  ],
};
