import { gbt32960, platformChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

const { Command } = gbt32960;

export default testPurpose({
  id: "TP/PLATFORM/SESSION/BV-02",
  title: "Every answer the platform sends a vehicle through a session is a valid frame",
  role: "platform",
  requirements: ["GBT32960-2016-PLATFORM-VALID"],
  pixit: ["answerTimeoutMs"],
  async body(t) {
    const { answerTimeoutMs } = t.params;
    const [vin = ""] = platformChecks.freshVins(1);
    const vehicle = new platformChecks.SimulatedVehicle(t.bus, vin);
    const since = t.now();
    const session = [
      await vehicle.login(answerTimeoutMs),
      await vehicle.exchange(Command.HEARTBEAT, () => vehicle.heartbeat(), answerTimeoutMs),
      await vehicle.exchange(Command.TIME_CALIBRATION, () => vehicle.askTime(), answerTimeoutMs),
      await vehicle.exchange(Command.VEHICLE_LOGOUT, () => vehicle.logout(), answerTimeoutMs),
    ];
    t.record(...session.flatMap((x) => x.evidence.filter((e) => e.kind === "stimulus")));
    const answers = vehicle.answers(since);
    if (answers.length === 0) return t.inconclusive("GBT32960-2016-PLATFORM-VALID", `no answer to ${vin}'s login, heartbeat, time calibration or logout in ${answerTimeoutMs} ms each`);
    const broken = answers.map((o) => ({ o, violations: t.bus.violations(o) })).filter((b) => b.violations.length > 0);
    const evidence = broken.length === 0 ? answers.map((o) => t.bus.evidence(o, "a valid answer")) : broken.map((b) => t.bus.evidence(b.o, b.violations.join("; ")));
    const reason = broken.length === 0 ? `all ${answers.length} answers valid` : `${broken.length} of ${answers.length} answers break a rule, first: ${broken[0]?.violations[0] ?? ""}`;
    t.verify("GBT32960-2016-PLATFORM-VALID", broken.length === 0, reason, evidence);
  },
});
