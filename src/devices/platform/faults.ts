import type { Fault } from "../fault.ts";
import type { PlatformBehaviour } from "./behaviour.ts";

export const PLATFORM_FAULTS = [
  {
    name: "no-login-answer",
    role: "platform",
    breaks: "GBT32960-2016-B.1-LOGIN-ANSWER",
    summary: "never answers a vehicle login",
    apply: (b) => ({ ...b, answerLogin: false }),
  },
  {
    name: "accepts-duplicate-vin",
    role: "platform",
    breaks: "GBT32960-2016-B.2.7-DUPLICATE-VIN",
    summary: "answers success to a second login for a VIN that already has a live session, although it is set to refuse duplicates",
    apply: (b) => ({ ...b, acceptDuplicateVin: true }),
  },
  {
    name: "no-error-answer",
    role: "platform",
    breaks: "GBT32960-2016-B.2.1-ERROR-ANSWER",
    summary: "silently drops a malformed or out-of-range report instead of answering it with an error",
    apply: (b) => ({ ...b, answerMalformedReport: false }),
  },
  {
    name: "malformed-report-kills-session",
    role: "platform",
    breaks: "GBT32960-2016-B.2.1-ERROR-CARRY-ON",
    summary: "ends the sender's session after a malformed report, so its later good reports are refused",
    apply: (b) => ({ ...b, endSessionOnMalformedReport: true }),
  },
  {
    name: "time-calibration-off-by-an-hour",
    role: "platform",
    breaks: "GBT32960-2016-B.2.5-TIME-CALIBRATION-ANSWER",
    summary: "answers a time calibration with its time plus one hour",
    apply: (b) => ({ ...b, timeCalibrationOffsetMs: 3_600_000 }),
  },
  {
    name: "drops-reports",
    role: "platform",
    breaks: "GBT32960-2016-B.2.1-NO-REPORT-LOST",
    summary: "accepts every report but does not keep every 10th one",
    apply: (b) => ({ ...b, forgetEvery: 10 }),
  },
  {
    name: "login-answer-four-digit-year",
    role: "platform",
    breaks: "GBT32960-2016-PLATFORM-VALID",
    summary: "writes the full year into a login answer's one-byte year (2026 → its low byte 234), beyond the field's range 0..99",
    apply: (b) => ({ ...b, fourDigitYearInLoginAnswer: true }),
  },
] as const satisfies readonly Fault<PlatformBehaviour>[];
