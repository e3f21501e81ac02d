import type { VissErrorCode, VissErrorProfileName } from "../../transport/ws/index.ts";
import type { RoleDefinition } from "./role-definition.ts";

/** The error answers a test purpose expects, by situation; each overrides the error profile's pair. */
export interface VssExpectedErrors {
  readonly unknownPath?: VissErrorCode;
  readonly setSensor?: VissErrorCode;
  readonly missingToken?: VissErrorCode;
  readonly malformed?: VissErrorCode;
}

/** The vss suite's lab parameters (PIXIT `params`). */
export interface VssParams {
  /** The VISS server's WebSocket URL. */
  readonly url: string;
  /** The WebSocket subprotocol the harness offers and expects selected. */
  readonly subprotocol: string;
  /** The (number, reason) pairs the server answers errors with, as a named profile. */
  readonly errorProfile: VissErrorProfileName;
  /** Per-situation overrides of the profile's pairs. */
  readonly errors: VssExpectedErrors;
  /** How long the harness waits for the answer to a request, ms. */
  readonly requestTimeoutMs: number;
  /** A sensor of the SUT's tree that has a value. */
  readonly sensorPath: string;
  /** A path the SUT's tree does not have. */
  readonly unknownPath: string;
  /** An actuator the harness may set. */
  readonly actuatorPath: string;
  /** Two values the actuator accepts; the set test writes whichever the actuator does not hold. */
  readonly actuatorValues: readonly [string, string];
  /** The access token sent with authorised sets. */
  readonly token: string;
  /** The period of the timebased subscription, ms. */
  readonly subscriptionPeriodMs: number;
  /** How far the mean event interval may stray from the period, as a fraction of it. */
  readonly periodTolerance: number;
  /** How long subscription tests watch the events, ms. */
  readonly observeMs: number;
  /** A sensor whose value keeps changing, for the change subscription. */
  readonly changePath: string;
  /** The change filter's logic-op ("ne", "gt", "lt"). */
  readonly changeLogicOp: "ne" | "gt" | "lt";
  /** The change filter's diff: the change that triggers an event. */
  readonly changeThreshold: string;
  /** Fewest change events that must arrive within observeMs. */
  readonly minChangeEvents: number;
  /** How long after a confirmed unsubscribe events may still be in flight, ms. */
  readonly unsubscribeGraceMs: number;
}

const errorCodeSchema = (situation: string): object => ({
  type: "object",
  additionalProperties: false,
  required: ["number", "reason"],
  properties: { number: { type: "integer", minimum: 100, maximum: 599 }, reason: { type: "string", minLength: 1 } },
  description: `The (number, reason) error answer to ${situation}; overrides the error profile's.`,
});

export const VSS_ROLE: RoleDefinition<VssParams> = {
  role: "vss",
  transport: "viss",
  paramsSchema: {
    type: "object",
    additionalProperties: false,
    required: ["url"],
    properties: {
      url: { type: "string", pattern: "^wss?://", description: "The VISS server's WebSocket URL, e.g. ws://127.0.0.1:8090." },
      subprotocol: { type: "string", minLength: 1, default: "VISSv2", description: "The WebSocket subprotocol the harness offers and expects the server to select." },
      errorProfile: {
        enum: ["viss2-strict", "viss2-kuksa", "viss3"],
        default: "viss2-strict",
        description: "The (number, reason) pairs the server answers errors with: viss2-strict (the VISS v2 status table), viss2-kuksa (Eclipse Kuksa's VISS v2 subset) or viss3.",
      },
      errors: {
        type: "object",
        additionalProperties: false,
        default: {},
        description: "Per-situation overrides of the error profile's (number, reason) pairs.",
        properties: {
          unknownPath: errorCodeSchema("a get of a path the tree does not have"),
          setSensor: errorCodeSchema("a set on a sensor"),
          missingToken: errorCodeSchema("a set on an actuator without an access token"),
          malformed: errorCodeSchema("a frame that is not JSON"),
        },
      },
      requestTimeoutMs: { type: "integer", minimum: 100, default: 3000, description: "How long the harness waits for the answer to a request, ms." },
      sensorPath: { type: "string", minLength: 1, default: "Vehicle.Speed", description: "A sensor of the SUT's tree that has a value (get, set-on-sensor and timebased tests)." },
      unknownPath: { type: "string", minLength: 1, default: "Vehicle.NoSuchSignal", description: "A path the SUT's tree does not have." },
      actuatorPath: { type: "string", minLength: 1, default: "Vehicle.Cabin.Infotainment.Media.Volume", description: "An actuator the harness may set." },
      actuatorValues: {
        type: "array",
        items: { type: "string" },
        minItems: 2,
        maxItems: 2,
        default: ["42", "43"],
        description: "Two values the actuator accepts; the set test writes whichever of them the actuator does not hold, so the read-back proves the set.",
      },
      token: { type: "string", minLength: 1, default: "eyJhbGciOiJIUzI1NiJ9.eyJzY3AiOiJ3In0.c2lnbmF0dXJl", description: "The access token sent with authorised sets." },
      subscriptionPeriodMs: { type: "integer", minimum: 10, default: 500, description: "The period of the timebased subscription, ms." },
      periodTolerance: { type: "number", minimum: 0, maximum: 0.9, default: 0.3, description: "How far the mean interval of timebased events may stray from the period, as a fraction of it." },
      observeMs: { type: "integer", minimum: 100, default: 3000, description: "How long subscription tests watch the events, ms." },
      changePath: { type: "string", minLength: 1, default: "Vehicle.CurrentLocation.Timestamp", description: "A sensor whose value keeps changing, for the change subscription." },
      changeLogicOp: { enum: ["ne", "gt", "lt"], default: "ne", description: "The change filter's logic-op." },
      changeThreshold: { type: "string", default: "0", description: "The change filter's diff: how much the value must change for an event." },
      minChangeEvents: { type: "integer", minimum: 1, default: 3, description: "Fewest change events that must arrive within observeMs." },
      unsubscribeGraceMs: { type: "integer", minimum: 0, default: 300, description: "How long after a confirmed unsubscribe events may still be in flight, ms." },
    },
  },
  pics: [
    { name: "PICS_VSS_SET", description: "The server lets clients set actuators.", default: true },
    { name: "PICS_VSS_ACCESS_CONTROL", description: "The server requires an access token for a set.", default: true },
    { name: "PICS_VSS_SUBSCRIBE_TIMEBASED", description: "The server implements the timebased subscription filter.", default: true },
    { name: "PICS_VSS_SUBSCRIBE_CHANGE", description: "The server implements the change subscription filter.", default: true },
  ],
  standards: [{ standard: "W3C VISS", version: "v2" }],
  observes: [],
};
