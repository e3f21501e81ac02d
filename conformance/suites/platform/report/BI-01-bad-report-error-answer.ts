import { gbt32960, platformChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

const { Command, ResponseFlag } = gbt32960;

export default testPurpose({
  id: "TP/PLATFORM/REPORT/BI-01",
  title: "The platform answers an undecodable and an out-of-range report each with an error",
  role: "platform",
  requirements: ["GBT32960-2016-B.2.1-ERROR-ANSWER"],
  pixit: ["answerTimeoutMs"],
  async body(t) {
    const { answerTimeoutMs } = t.params;
    const [vin = ""] = platformChecks.freshVins(1);
    const vehicle = new platformChecks.SimulatedVehicle(t.bus, vin);
    const login = await vehicle.login(answerTimeoutMs);
    if (login.flag !== ResponseFlag.SUCCESS) return t.inconclusive("GBT32960-2016-B.2.1-ERROR-ANSWER", `the login of ${vin} got ${platformChecks.flagName(login.flag)} in ${answerTimeoutMs} ms, not success`, login.evidence);
    const bad = [
      { what: "a report that is no frame", send: () => vehicle.undecodableReport() },
      { what: "a report with a speed out of range", send: () => vehicle.outOfRangeReport() },
    ];
    const outcomes = [];
    for (const { what, send } of bad) {
      const report = await vehicle.exchange(Command.REALTIME, send, answerTimeoutMs);
      const answered = report.flag === ResponseFlag.ERROR;
      const how = answered ? "was answered with an error" : report.answer === undefined ? `got no answer in ${answerTimeoutMs} ms: dropped in silence` : `got ${platformChecks.flagName(report.flag)}, not an error`;
      outcomes.push({ answered, said: `${what} ${how}`, evidence: report.evidence });
    }
    const held = outcomes.every((o) => o.answered);
    t.verify("GBT32960-2016-B.2.1-ERROR-ANSWER", held, outcomes.map((o) => o.said).join("; "), outcomes.flatMap((o) => o.evidence));
  },
});
