import type { RoleDefinition } from "./role-definition.ts";

/** The rsu suite's lab parameters (PIXIT `params`). */
export interface RsuParams {
  /** How long passive tests watch the SUT, ms. */
  readonly observeMs: number;
}

export const RSU_ROLE: RoleDefinition<RsuParams> = {
  role: "rsu",
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
  observes: [{ kind: "map", of: "sut" }, { kind: "spat", of: "sut" }, { kind: "rsi", of: "sut" }, { kind: "rsm", of: "sut" }],
};
