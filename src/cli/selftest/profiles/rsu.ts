import { randomBytes } from "node:crypto";
import { startDevice } from "../../../devices/index.ts";
import { selftestBus, selftestDeviceOptions, type SelftestProfile } from "../profile.ts";

/**
 * The reference RSU simulates the test scenario's traffic, warmed up before its first message, so
 * more than 16 vehicles are within its range from the start: its RSMs need no test vehicles.
 * rsmRangeM is the range the scenario's RSU declares (300 m); windows are short, tolerances loose
 * (six RSUs share the harness's process during selftest).
 */
export const RSU_PROFILE: SelftestProfile = {
  role: "rsu",
  sutId: () => randomBytes(8).toString("hex"),
  startsBeforeHarness: false,
  pixit: (setup, sutId) => ({
    role: "rsu",
    sut: { id: sutId },
    bus: selftestBus(setup),
    params: { observeMs: 2000, mapIntervalMs: 1000, spatIntervalMs: 100, rateTolerance: 0.5, countdownSpanMs: 500, countdownToleranceMs: 300, rsmRangeM: 300, rangeToleranceM: 5 },
  }),
  pics: () => ({ PICS_RSU_MAP: true, PICS_RSU_SPAT: true, PICS_RSU_RSI: true, PICS_RSU_RSM: true, PICS_UPPER_TESTER: true }),
  start: (setup, sutId, faults) =>
    startDevice("rsu", selftestDeviceOptions(setup, sutId, faults)),
};
