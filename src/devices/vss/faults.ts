import type { Fault } from "../fault.ts";
import type { VssBehaviour } from "./behaviour.ts";

export const VSS_FAULTS = [
  {
    name: "set-sensor-accepted",
    role: "vss",
    breaks: "VISS-V2-ERROR-SET-SENSOR",
    summary: "accepts a set on a sensor as if it were an actuator",
    apply: (b) => ({ ...b, sensorsWritable: true }),
  },
  {
    name: "wrong-unknown-path-error",
    role: "vss",
    breaks: "VISS-V2-ERROR-UNKNOWN-PATH",
    summary: "answers a get of an unknown path with 400 bad_request instead of the profile's 404 error",
    apply: (b) => ({ ...b, unknownPathError: { number: 400, reason: "bad_request" } }),
  },
  {
    name: "set-without-token-accepted",
    role: "vss",
    breaks: "VISS-V2-ERROR-MISSING-TOKEN",
    summary: "sets an actuator for a request without an access token although tokens are required",
    apply: (b) => ({ ...b, tokenOptional: true }),
  },
  {
    name: "requestid-not-echoed",
    role: "vss",
    breaks: "VISS-V2-REQUESTID-ECHO",
    summary: "answers with a requestId of its own instead of the request's",
    apply: (b) => ({ ...b, echoRequestId: false }),
  },
  {
    name: "timebased-twice-period",
    role: "vss",
    breaks: "VISS-V2-SUBSCRIBE-TIMEBASED",
    summary: "delivers timebased subscription events at twice the requested period",
    apply: (b) => ({ ...b, timebasedPeriodFactor: 2 }),
  },
  {
    name: "unsubscribe-ignored",
    role: "vss",
    breaks: "VISS-V2-UNSUBSCRIBE-STOPS",
    summary: "confirms an unsubscribe but keeps sending the subscription's events",
    apply: (b) => ({ ...b, honourUnsubscribe: false }),
  },
  {
    name: "closes-on-malformed-json",
    role: "vss",
    breaks: "VISS-V2-MALFORMED-KEEPS-CONNECTION",
    summary: "answers a frame that is not JSON with the error, then closes the connection",
    apply: (b) => ({ ...b, keepConnectionOnMalformed: false }),
  },
  {
    name: "subprotocol-not-selected",
    role: "vss",
    breaks: "VISS-V2-SUBPROTOCOL-SELECTED",
    summary: "accepts the handshake without selecting the VISSv2 subprotocol the client offers",
    apply: (b) => ({ ...b, selectSubprotocol: false }),
  },
  {
    name: "numeric-timestamps",
    role: "vss",
    breaks: "VISS-V2-FRAME-VALID",
    summary: "writes the ts of every frame as epoch milliseconds instead of an ISO 8601 string",
    apply: (b) => ({ ...b, isoTimestamps: false }),
  },
  {
    name: "get-wrong-path",
    role: "vss",
    breaks: "VISS-V2-GET-DATAPOINT",
    summary: "answers a get with the datapoint under the tree's root instead of the path asked for",
    apply: (b) => ({ ...b, getAnswersRequestedPath: false }),
  },
  {
    name: "set-not-applied",
    role: "vss",
    breaks: "VISS-V2-SET-ACTUATOR",
    summary: "confirms an authorised set on an actuator but keeps the old value",
    apply: (b) => ({ ...b, applySets: false }),
  },
  {
    name: "change-events-dropped",
    role: "vss",
    breaks: "VISS-V2-SUBSCRIBE-CHANGE",
    summary: "confirms a change subscription but never delivers its events",
    apply: (b) => ({ ...b, deliverChangeEvents: false }),
  },
] as const satisfies readonly Fault<VssBehaviour>[];
