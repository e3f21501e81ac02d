import { randomBytes } from "node:crypto";
import { startDevice } from "../../../devices/index.ts";
import { selftestBus, selftestDeviceOptions, type SelftestProfile } from "../profile.ts";

export const OBU_PROFILE: SelftestProfile = {
  role: "obu",
  sutId: () => `obu-${randomBytes(4).toString("hex")}`,
  startsBeforeHarness: false,
  pixit: (setup, sutId) => ({
    role: "obu",
    sut: { id: sutId },
    bus: selftestBus(setup),
    link: { control: "proxy", listen: "127.0.0.1:0" },
    // Short windows, loose tolerances: six suite runs share two cores.
    params: { observeMs: 1500, bsmRateHz: 10, bsmRateTolerance: 0.3, secMarkToleranceMs: 1000, positionToleranceM: 2 },
  }),
  // Only MQTT 5 carries the content type that tells a BSM's UPER copy from its protobuf one.
  pics: (setup) => ({ PICS_OBU_RX_MAP_SPAT: true, PICS_UPPER_TESTER: true, PICS_OBU_DUAL_ENCODING: setup.protocolVersion === 5 }),
  start: (setup, sutId, faults) =>
    startDevice("obu", selftestDeviceOptions(setup, sutId, faults)),
};
