/** The situations in which the VISS server answers with an error. */
export type VissErrorCondition =
  | "bad-request" // not JSON, unknown action, a member missing or of the wrong type, a filter not allowed for the action
  | "unsupported-filter" // a well-formed filter this server does not implement (dynamic-metadata samplerate; history over a store without one)
  | "unknown-path" // no node with that path
  | "no-value" // the node exists but has no value yet
  | "not-writable" // set on a sensor, attribute or branch
  | "invalid-value" // set with a value the datatype or limits refuse
  | "missing-token" // set without `authorization` while tokens are required
  | "unknown-subscription" // unsubscribe of an id this connection does not hold
  | "internal"; // the signal store failed

/** The `number` and `reason` of an error answer. */
export interface VissErrorCode {
  readonly number: number;
  readonly reason: string;
}

export type VissErrorProfile = Readonly<Record<VissErrorCondition, VissErrorCode>>;

export type VissErrorProfileName = "viss2-strict" | "viss2-kuksa" | "viss3";

const code = (number: number, reason: string): VissErrorCode => ({ number, reason });

/**
 * Which (number, reason) pair each situation gets, per kind of server (spec/viss-security.md A6).
 * - viss2-strict: the VISS v2 Transport status-code table; v2 has no status for an unsupported feature, so an
 *   unsupported filter is a bad request.
 * - viss2-kuksa: what Eclipse Kuksa databroker's VISS v2 subset sends (its older reason strings).
 * - viss3: VISS v3.0, where missing tokens fold into 401 invalid_token and an unsupported feature
 *   is 404.
 */
export const VISS_ERROR_PROFILES: Readonly<Record<VissErrorProfileName, VissErrorProfile>> = {
  "viss2-strict": {
    "bad-request": code(400, "bad_request"),
    "unsupported-filter": code(400, "bad_request"),
    "unknown-path": code(404, "unavailable_data"),
    "no-value": code(404, "unavailable_data"),
    "not-writable": code(400, "invalid_data"),
    "invalid-value": code(400, "invalid_data"),
    "missing-token": code(401, "missing_token"),
    "unknown-subscription": code(404, "unavailable_data"),
    internal: code(503, "service_unavailable"),
  },
  "viss2-kuksa": {
    "bad-request": code(400, "bad_request"),
    "unsupported-filter": code(400, "bad_request"),
    "unknown-path": code(404, "invalid_path"),
    "no-value": code(404, "unavailable_data"),
    "not-writable": code(401, "read_only"),
    "invalid-value": code(400, "bad_request"),
    "missing-token": code(401, "token_missing"),
    "unknown-subscription": code(404, "invalid_subscription_id"),
    internal: code(500, "internal_server_error"),
  },
  viss3: {
    "bad-request": code(400, "bad_request"),
    "unsupported-filter": code(404, "unavailable_data"),
    "unknown-path": code(404, "unavailable_data"),
    "no-value": code(404, "unavailable_data"),
    "not-writable": code(400, "invalid_data"),
    "invalid-value": code(400, "invalid_data"),
    "missing-token": code(401, "invalid_token"),
    "unknown-subscription": code(404, "unavailable_data"),
    internal: code(503, "service_unavailable"),
  },
};
