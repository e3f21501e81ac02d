import { randomBytes } from "node:crypto";
import { startDevice } from "../../../devices/index.ts";
import type { SelftestProfile } from "../profile.ts";

export const OBU_PROFILE: SelftestProfile = {
  role: "obu",
  sutId: () => `obu-${randomBytes(4).toString("hex")}`,
  pixit: (setup, sutId) => ({
    role: "obu",
    sut: { id: sutId },
    bus: { url: setup.broker, protocolVersion: setup.protocolVersion, topicTemplate: setup.topicTemplate },
    link: { control: "proxy", listen: "127.0.0.1:0" },
    params: { observeMs: 1500 },
  }),
  pics: { PICS_UPPER_TESTER: true },
  start: (setup, sutId, faults) =>
    startDevice("obu", { broker: setup.deviceBroker, id: sutId, faults, topicTemplate: setup.topicTemplate, protocolVersion: setup.protocolVersion, registry: setup.registry, reconnect: { initialDelayMs: 50, maxDelayMs: 500 } }),
};
