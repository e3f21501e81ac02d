import type { RoleDefinition } from "./role-definition.ts";

/** The obu suite's lab parameters (PIXIT `params`). */
export interface ObuParams {
  /** How long passive tests watch the SUT, ms. */
  readonly observeMs: number;
}

export const OBU_ROLE: RoleDefinition<ObuParams> = {
  role: "obu",
  transport: "bus",
  paramsSchema: {
    type: "object",
    additionalProperties: false,
    properties: {
      observeMs: { type: "integer", minimum: 100, default: 3000, description: "How long passive tests watch the SUT, ms." },
    },
  },
  pics: [],
  standards: [{ standard: "T/CSAE 53", version: "2020" }],
  observes: [{ kind: "bsm", of: "sut" }],
};
