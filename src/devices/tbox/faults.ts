import type { Fault } from "../fault.ts";
import type { TboxBehaviour } from "./behaviour.ts";

export const TBOX_FAULTS = [
  {
    name: "realtime-before-login",
    role: "tbox",
    breaks: "GBT32960-2016-B.1-LOGIN-FIRST",
    summary: "sends one realtime report before its login",
    apply: (b) => ({ ...b, realtimeBeforeLogin: true }),
  },
  {
    name: "login-serial-not-incremented",
    role: "tbox",
    breaks: "GBT32960-2016-TABLE6-LOGIN-SERIAL",
    summary: "uses login serial 1 for every login instead of counting up through the day",
    apply: (b) => ({ ...b, incrementLoginSerial: false }),
  },
  {
    name: "logout-serial-mismatch",
    role: "tbox",
    breaks: "GBT32960-2016-TABLE20-LOGOUT-SERIAL",
    summary: "logs out with the login serial plus one",
    apply: (b) => ({ ...b, logoutSerialOffset: 1 }),
  },
  {
    name: "period-60s",
    role: "tbox",
    breaks: "GBT32960-2016-B.2.1-PERIOD",
    summary: "reports every 60 s whatever the configured period (at most 30 s is allowed)",
    apply: (b) => ({ ...b, fixedReportIntervalMs: 60_000 }),
  },
  {
    name: "alarm-period-5s",
    role: "tbox",
    breaks: "GBT32960-2016-B.2.1-ALARM-SAMPLING",
    summary: "reports every 5 s during a level-3 alarm instead of every second",
    apply: (b) => ({ ...b, fixedAlarmIntervalMs: 5000 }),
  },
  {
    name: "no-pre-fault-reissue",
    role: "tbox",
    breaks: "GBT32960-2016-B.2.1-ALARM-PRE-FAULT",
    summary: "does not reissue the 30 s of data before a level-3 alarm",
    apply: (b) => ({ ...b, reissuePreFault: false }),
  },
  {
    name: "no-heartbeat",
    role: "tbox",
    breaks: "GBT32960-2016-B.2.6-HEARTBEAT",
    summary: "never sends a heartbeat",
    apply: (b) => ({ ...b, sendHeartbeat: false }),
  },
  {
    name: "no-reissue",
    role: "tbox",
    breaks: "GBT32960-2016-B.2.8-REISSUE",
    summary: "drops the reports collected while the link was down instead of reissuing them",
    apply: (b) => ({ ...b, reissue: "none" }),
  },
  {
    name: "reissue-gap",
    role: "tbox",
    breaks: "GBT32960-2016-B.2.8-REISSUE",
    summary: "reissues only every other report collected while the link was down, leaving gaps",
    apply: (b) => ({ ...b, reissue: "every-other" }),
  },
  {
    name: "wrong-param-answer",
    role: "tbox",
    breaks: "GBT32960-2016-B.2.2-PARAMETER-QUERY",
    summary: "answers a parameter query with the factory values, not the values in force",
    apply: (b) => ({ ...b, queryAnswersFactoryValues: true }),
  },
  {
    name: "accepts-readonly-param-set",
    role: "tbox",
    breaks: "GBT32960-2016-B.2.3-PARAMETER-SET",
    summary: "accepts a parameter set that writes the read-only hardware (0x07) or firmware (0x08) version",
    apply: (b) => ({ ...b, acceptReadOnlyParameters: true }),
  },
  {
    name: "ignores-time-calibration",
    role: "tbox",
    breaks: "GBT32960-2016-B.2.5-TIME-CALIBRATION",
    summary: "asks for the time but keeps its own clock, whatever the platform answers",
    apply: (b) => ({ ...b, applyTimeCalibration: false }),
  },
] as const satisfies readonly Fault<TboxBehaviour>[];
