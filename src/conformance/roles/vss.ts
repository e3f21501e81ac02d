import type { RoleDefinition } from "./role-definition.ts";

/** The vss suite's lab parameters (PIXIT `params`). */
export interface VssParams {
  /** The VISS server's WebSocket URL. */
  readonly url: string;
  /** How long passive tests watch the SUT, ms. */
  readonly observeMs: number;
}

export const VSS_ROLE: RoleDefinition<VssParams> = {
  role: "vss",
  transport: "viss",
  paramsSchema: {
    type: "object",
    additionalProperties: false,
    required: ["url"],
    properties: {
      url: { type: "string", pattern: "^wss?://", description: "The VISS server's WebSocket URL, e.g. ws://127.0.0.1:8090." },
      observeMs: { type: "integer", minimum: 100, default: 3000, description: "How long passive tests watch the SUT, ms." },
    },
  },
  pics: [],
  standards: [{ standard: "W3C VISS", version: "v2" }],
  observes: [],
};
