import { OBSERVE_MS_PARAM, type RoleDefinition } from "./role-definition.ts";

/** The obu suite's lab parameters (PIXIT `params`). */
export interface ObuParams {
  /** How long passive tests watch the SUT, ms. */
  readonly observeMs: number;
  /** The BSM rate the OBU declares, Hz. */
  readonly bsmRateHz: number;
  /** How far the measured BSM rate may stray from bsmRateHz, as a fraction of it. */
  readonly bsmRateTolerance: number;
  /** How far secMark may lie from the harness clock's millisecond of the minute, ms. */
  readonly secMarkToleranceMs: number;
  /** How far a BSM position may lie from where the previous BSM's speed and heading put it, m. */
  readonly positionToleranceM: number;
  /** The RSU id the harness sends MAP and SPAT as. */
  readonly peerRsuId: string;
}

export const OBU_ROLE: RoleDefinition<ObuParams> = {
  role: "obu",
  transport: "bus",
  paramsSchema: {
    type: "object",
    additionalProperties: false,
    properties: {
      observeMs: OBSERVE_MS_PARAM,
      bsmRateHz: { type: "number", exclusiveMinimum: 0, maximum: 50, default: 10, description: "The BSM rate the OBU declares, Hz (T/CSAE 53 nominal: 10)." },
      bsmRateTolerance: {
        type: "number",
        minimum: 0,
        maximum: 0.9,
        default: 0.1,
        description: "How far the BSM rate measured at the harness may stray from bsmRateHz, as a fraction of it (0.1: 9..11 Hz at 10 Hz).",
      },
      secMarkToleranceMs: {
        type: "integer",
        minimum: 0,
        maximum: 30000,
        default: 200,
        description: "How far secMark may lie from the harness clock's millisecond of the UTC minute at arrival, ms: transmission delay plus the two clocks' difference.",
      },
      positionToleranceM: {
        type: "number",
        exclusiveMinimum: 0,
        default: 2,
        description: "How far a BSM position may lie from where the previous BSM and the two BSMs' speed and heading put it, m.",
      },
      peerRsuId: {
        type: "string",
        pattern: "^[\\x21-\\x7e]{1,64}$",
        default: "0000000000000001",
        description: "The RSU id the harness sends MAP and SPAT as (robustness tests): the {id} of the RSU topics the OBU listens to.",
      },
    },
  },
  pics: [
    {
      name: "PICS_OBU_RX_MAP_SPAT",
      description: "The OBU receives MAP and SPAT messages that RSUs publish on the bus.",
      default: true,
    },
    {
      name: "PICS_OBU_DUAL_ENCODING",
      description: "The OBU can publish each BSM in UPER and protobuf at once (switched by the upper tester); needs MQTT 5, whose content type tells the encodings apart.",
      default: false,
    },
  ],
  standards: [{ standard: "T/CSAE 53", version: "2020" }],
  observes: [{ kind: "bsm", of: "sut" }],
};
