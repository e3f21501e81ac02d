import { randomBytes } from "node:crypto";
import { startDevice } from "../../../devices/index.ts";
import { selftestBus, selftestDeviceOptions, type SelftestProfile } from "../profile.ts";

/** The reference T-Box's periods in the selftest, ms: short, so that the whole suite fits its budget. */
const REPORT_PERIOD_MS = 1000;
const HEARTBEAT_PERIOD_MS = 1000;

export const TBOX_PROFILE: SelftestProfile = {
  role: "tbox",
  // A VIN: 17 printable ASCII characters.
  sutId: () => `LSELF${randomBytes(6).toString("hex").toUpperCase()}`,
  startsBeforeHarness: false,
  pixit: (setup, sutId) => ({
    role: "tbox",
    sut: { id: sutId },
    bus: selftestBus(setup),
    ...(setup.tcp === undefined ? {} : { tcp: { listen: "127.0.0.1:0" } }),
    link: { control: "proxy", listen: "127.0.0.1:0" },
    // Short windows, loose tolerances: six suite runs share two cores, so a report may come a period late.
    params: {
      observeMs: 2500,
      reportPeriodMs: REPORT_PERIOD_MS,
      alarmPeriodMs: 1000,
      heartbeatPeriodMs: HEARTBEAT_PERIOD_MS,
      periodTolerance: 1.5,
      answerTimeoutMs: 3000,
      clockToleranceMs: 3000,
      outageMs: 4500,
      reissueWaitMs: 6000,
      missingReportsAllowed: 1,
      alarmObserveMs: 5000,
      preFaultMinSamples: 2,
    },
  }),
  pics: () => ({ PICS_UPPER_TESTER: true }),
  start: (setup, sutId, faults) =>
    startDevice("tbox", {
      ...selftestDeviceOptions(setup, sutId, faults),
      ...(setup.tcp === undefined ? {} : { tcp: setup.tcp.proxy }),
      reportIntervalMs: REPORT_PERIOD_MS,
      heartbeatIntervalMs: HEARTBEAT_PERIOD_MS,
      answerTimeoutMs: 1000,
      // Two hours off, so that the time calibration shows in every report.
      clockSkewMs: 2 * 3600_000,
    }),
};
