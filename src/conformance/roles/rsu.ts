import { OBSERVE_MS_PARAM, type RoleDefinition } from "./role-definition.ts";

/** The rsu suite's lab parameters (PIXIT `params`). */
export interface RsuParams {
  /** How long passive tests watch the SUT, ms. */
  readonly observeMs: number;
  /** The MAP interval the vendor declares, ms. */
  readonly mapIntervalMs: number;
  /** The SPAT interval the vendor declares, ms. */
  readonly spatIntervalMs: number;
  /** How far the mean interval of MAPs or SPATs may stray from the declared one, as a fraction of it. */
  readonly rateTolerance: number;
  /** Shortest stretch of one light over which a countdown is judged, ms. */
  readonly countdownSpanMs: number;
  /** How far a countdown's fall may differ from the time that passed, ms. */
  readonly countdownToleranceMs: number;
  /** The detection range the vendor declares: the farthest a participant of an RSM may be from the RSM's refPos, m. */
  readonly rsmRangeM: number;
  /** Margin on the range for position accuracy, m. */
  readonly rangeToleranceM: number;
}

export const RSU_ROLE: RoleDefinition<RsuParams> = {
  role: "rsu",
  transport: "bus",
  paramsSchema: {
    type: "object",
    additionalProperties: false,
    properties: {
      observeMs: OBSERVE_MS_PARAM,
      mapIntervalMs: { type: "integer", minimum: 20, default: 1000, description: "The MAP interval the vendor declares, ms (1 Hz by convention). The MAP rate test watches at least three of them." },
      spatIntervalMs: { type: "integer", minimum: 20, default: 100, description: "The SPAT interval the vendor declares, ms (10 Hz by convention)." },
      rateTolerance: { type: "number", exclusiveMinimum: 0, maximum: 1, default: 0.3, description: "How far the mean interval of MAPs or SPATs may stray from the declared one, as a fraction of it (0.3: ±30 %)." },
      countdownSpanMs: { type: "integer", minimum: 100, default: 1000, description: "Shortest stretch of one light over which a countdown is judged, ms; shorter stretches are too short to tell a falling countdown from jitter." },
      countdownToleranceMs: { type: "integer", minimum: 0, default: 300, description: "How far a countdown's fall may differ from the time that passed between the SPATs, ms (arrival jitter included)." },
      rsmRangeM: { type: "number", exclusiveMinimum: 0, default: 300, description: "The detection range the vendor declares, m: every RSM participant must lie within it of the RSM's refPos (the RSU's own position)." },
      rangeToleranceM: { type: "number", minimum: 0, default: 5, description: "Margin on rsmRangeM for the accuracy of participant positions, m." },
    },
  },
  pics: [
    { name: "PICS_RSU_MAP", description: "The RSU broadcasts MAP messages of its intersections.", default: true },
    { name: "PICS_RSU_SPAT", description: "The RSU runs or relays a signal controller and broadcasts SPAT.", default: true },
    { name: "PICS_RSU_RSI", description: "The RSU broadcasts RSI for road events or traffic signs (the SUT must have one active during the run).", default: true },
    { name: "PICS_RSU_RSM", description: "The RSU detects traffic participants and broadcasts RSMs (participants must be in range during the run).", default: true },
  ],
  standards: [{ standard: "T/CSAE 53", version: "2020" }],
  observes: [{ kind: "map", of: "sut" }, { kind: "spat", of: "sut" }, { kind: "rsi", of: "sut" }, { kind: "rsm", of: "sut" }],
};
