import type { RoleDefinition } from "./role-definition.ts";

/** The tbox suite's lab parameters (PIXIT `params`). */
export interface TboxParams {
  /** How long passive tests watch the SUT, ms. */
  readonly observeMs: number;
}

export const TBOX_ROLE: RoleDefinition<TboxParams> = {
  role: "tbox",
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
  observes: [{ kind: "login", of: "sut" }, { kind: "realtime", of: "sut" }, { kind: "reissue", of: "sut" }, { kind: "logout", of: "sut" }, { kind: "heartbeat", of: "sut" }, { kind: "timeCalibration", of: "sut" }, { kind: "tboxAnswer", of: "sut" }],
};
