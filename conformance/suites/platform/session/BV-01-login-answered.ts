import { gbt32960, platformChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/PLATFORM/SESSION/BV-01",
  title: "The platform answers a valid vehicle login with success within the declared time",
  role: "platform",
  requirements: ["GBT32960-2016-B.1-LOGIN-ANSWER"],
  pixit: ["answerTimeoutMs"],
  async body(t) {
    const { answerTimeoutMs } = t.params;
    const [vin = ""] = platformChecks.freshVins(1);
    const login = await new platformChecks.SimulatedVehicle(t.bus, vin).login(answerTimeoutMs);
    if (login.answer === undefined) return t.fail("GBT32960-2016-B.1-LOGIN-ANSWER", `no answer to the login of ${vin} in ${answerTimeoutMs} ms`, login.evidence);
    const accepted = login.flag === gbt32960.ResponseFlag.SUCCESS;
    const reason = accepted ? `login answered with success after ${login.answer.receivedAt - login.sentAt} ms` : `login answered with ${platformChecks.flagName(login.flag)}, not success`;
    t.verify("GBT32960-2016-B.1-LOGIN-ANSWER", accepted, reason, login.evidence);
  },
});
