import { randomBytes } from "node:crypto";
import { startDevice } from "../../../devices/index.ts";
import { selftestBus, selftestDeviceOptions, type SelftestProfile } from "../profile.ts";

export const PLATFORM_PROFILE: SelftestProfile = {
  role: "platform",
  sutId: () => `platform-${randomBytes(4).toString("hex")}`,
  startsBeforeHarness: true,
  pixit: (setup, sutId, device) => ({
    role: "platform",
    sut: { id: sutId },
    bus: selftestBus(setup),
    ...(device?.tcp === undefined ? {} : { tcp: { connect: `${device.tcp.host}:${device.tcp.port}` } }),
    link: { control: "proxy", listen: "127.0.0.1:0" },
    // Short windows, loose tolerances: six suite runs share two cores.
    params: {
      answerTimeoutMs: 4000,
      timeToleranceMs: 2000,
      loadVehicles: 5,
      loadDurationMs: 3000,
      loadReportIntervalMs: 250,
      querySettleMs: 2000,
      queryReportsUrl: `${device?.queryUrl ?? ""}/vehicles/{vin}/reports`,
    },
  }),
  pics: () => ({ PICS_UPPER_TESTER: true, PICS_PLATFORM_REFUSES_DUPLICATE_VIN: true, PICS_PLATFORM_QUERY_INTERFACE: true }),
  start: (setup, sutId, faults) =>
    startDevice("platform", {
      ...selftestDeviceOptions(setup, sutId, faults),
      ...(setup.tcp === undefined ? {} : { tcp: { host: "127.0.0.1", port: 0 } }),
      duplicateVin: "refuse",
    }),
};
