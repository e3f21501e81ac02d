import type { RoleDefinition } from "./role-definition.ts";

/** The platform suite's lab parameters (PIXIT `params`). */
export interface PlatformParams {
  /** How long passive tests watch the SUT, ms. */
  readonly observeMs: number;
}

export const PLATFORM_ROLE: RoleDefinition<PlatformParams> = {
  role: "platform",
  transport: "bus",
  paramsSchema: {
    type: "object",
    additionalProperties: false,
    properties: {
      observeMs: { type: "integer", minimum: 100, default: 3000, description: "How long passive tests watch the SUT, ms." },
    },
  },
  pics: [],
  standards: [{ standard: "GB/T 32960.3", version: "2016" }],
  observes: [{ kind: "platformAnswer", of: "any" }, { kind: "platformCommand", of: "any" }],
};
