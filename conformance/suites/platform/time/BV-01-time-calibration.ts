import { gbt32960, platformChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/PLATFORM/TIME/BV-01",
  title: "The platform answers a time calibration request with its current Beijing time",
  role: "platform",
  requirements: ["GBT32960-2016-B.2.5-TIME-CALIBRATION-ANSWER"],
  pixit: ["answerTimeoutMs", "timeToleranceMs"],
  async body(t) {
    const { answerTimeoutMs, timeToleranceMs } = t.params;
    const [vin = ""] = platformChecks.freshVins(1);
    const vehicle = new platformChecks.SimulatedVehicle(t.bus, vin);
    const login = await vehicle.login(answerTimeoutMs);
    if (login.flag !== gbt32960.ResponseFlag.SUCCESS) return t.inconclusive("GBT32960-2016-B.2.5-TIME-CALIBRATION-ANSWER", `the login of ${vin} got ${platformChecks.flagName(login.flag)} in ${answerTimeoutMs} ms, not success`, login.evidence);
    const asked = await vehicle.exchange(gbt32960.Command.TIME_CALIBRATION, () => vehicle.askTime(), answerTimeoutMs);
    const time = asked.answer === undefined ? undefined : platformChecks.frameOf(asked.answer)?.timeCalibrationAnswer?.time;
    if (asked.answer === undefined || time === undefined) return t.fail("GBT32960-2016-B.2.5-TIME-CALIBRATION-ANSWER", `no time-calibration answer with a time in ${answerTimeoutMs} ms`, asked.evidence);
    const window = platformChecks.calibrationWindow(asked.sentAt, asked.answer.receivedAt, timeToleranceMs);
    const reason = `the answer says ${platformChecks.formatTime(time)} (Beijing); the harness clock allows ${platformChecks.formatTime(window.from)} .. ${platformChecks.formatTime(window.to)}`;
    t.verify("GBT32960-2016-B.2.5-TIME-CALIBRATION-ANSWER", platformChecks.withinWindow(time, window), reason, asked.evidence);
  },
});
