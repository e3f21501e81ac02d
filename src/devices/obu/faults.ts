import type { Fault } from "../fault.ts";
import type { ObuBehaviour } from "./behaviour.ts";

/** GPS time runs ahead of UTC by the leap seconds since 1980: 18 s since 2017. */
const GPS_LEAP_SECONDS_MS = 18_000;

export const OBU_FAULTS = [
  {
    name: "bsm-rate-5hz",
    role: "obu",
    breaks: "CSAE53-2020-BSM-RATE",
    summary: "sends BSMs at half the configured rate (5 Hz instead of 10 Hz)",
    apply: (b) => ({ ...b, intervalFactor: 2 }),
  },
  {
    name: "msgcnt-skips",
    role: "obu",
    breaks: "CSAE53-2020-MSGCNT-INCREMENT",
    summary: "msgCnt goes up by 2 per message instead of 1",
    apply: (b) => ({ ...b, msgCntStep: 2 }),
  },
  {
    name: "msgcnt-no-wrap",
    role: "obu",
    breaks: "CSAE53-2020-MSGCNT-INCREMENT",
    summary: "msgCnt counts 0..99 and wraps 99 -> 0 instead of 127 -> 0",
    apply: (b) => ({ ...b, msgCntModulus: 100 }),
  },
  {
    name: "msgcnt-repeats-new-content",
    role: "obu",
    breaks: "CSAE53-2020-BSM-MSGCOUNT",
    summary: "every 5th BSM repeats the previous msgCnt although its content is new",
    apply: (b) => ({ ...b, msgCntRepeatEvery: 5 }),
  },
  {
    name: "secmark-gps-time",
    role: "obu",
    breaks: "CSAE53-2020-SECMARK-TIMEBASE",
    summary: "takes secMark from GPS time, 18 s (the leap seconds) ahead of UTC",
    apply: (b) => ({ ...b, secMarkOffsetMs: GPS_LEAP_SECONDS_MS }),
  },
  {
    name: "id-changes-every-message",
    role: "obu",
    breaks: "CSAE53-2020-BSM-ID-STABLE",
    summary: "draws a new 8-byte temporary id for every BSM",
    apply: (b) => ({ ...b, newIdEveryMessage: true }),
  },
  {
    name: "position-jumps",
    role: "obu",
    breaks: "CSAE53-2020-BSM-POSITION-CONSISTENT",
    summary: "every 10th BSM reports a position 30 m north of the true one, which its speed and heading cannot explain",
    apply: (b) => ({ ...b, positionJumpEvery: 10 }),
  },
  {
    name: "size-in-millimetres",
    role: "obu",
    breaks: "CSAE53-2020-BSM-VALID",
    summary: "reports vehicle width and length in millimetres instead of centimetres, beyond VehicleWidth and VehicleLength",
    apply: (b) => ({ ...b, sizeUnitFactor: 10 }),
  },
  {
    name: "stops-after-malformed-map",
    role: "obu",
    breaks: "CSAE53-2020-BSM-ROBUST-INPUT",
    summary: "stops sending BSMs once it has received a MAP or SPAT that is not a valid message",
    apply: (b) => ({ ...b, stopOnMalformedInput: true }),
  },
  {
    name: "per-copy-speed-off",
    role: "obu",
    breaks: "CSAE53-2020-ENCODING-EQUIVALENT",
    summary: "when it publishes BSMs in UPER and protobuf at once, the UPER copy reports the speed 0.02 m/s higher",
    apply: (b) => ({ ...b, perCopySpeedOffset: 1 }),
  },
] as const satisfies readonly Fault<ObuBehaviour>[];
