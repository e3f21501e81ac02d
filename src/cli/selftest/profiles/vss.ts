import { randomBytes } from "node:crypto";
import { startDevice } from "../../../devices/index.ts";
import type { SelftestProfile } from "../profile.ts";

export const VSS_PROFILE: SelftestProfile = {
  role: "vss",
  sutId: () => `vss-${randomBytes(4).toString("hex")}`,
  startsBeforeHarness: true,
  pixit: (_setup, sutId, device) => ({
    role: "vss",
    sut: { id: sutId },
    params: {
      url: device?.url,
      // Short windows so that the whole selftest fits its budget; the tolerance is wide (the fault doubles the period) because every device and the harness share one loaded process.
      requestTimeoutMs: 2000,
      subscriptionPeriodMs: 200,
      periodTolerance: 0.6,
      observeMs: 1500,
      unsubscribeGraceMs: 300,
    },
  }),
  pics: () => ({ PICS_VSS_SET: true, PICS_VSS_ACCESS_CONTROL: true, PICS_VSS_SUBSCRIBE_TIMEBASED: true, PICS_VSS_SUBSCRIBE_CHANGE: true }),
  start: (setup, sutId, faults) => startDevice("vss", { id: sutId, faults, registry: setup.registry }),
};
