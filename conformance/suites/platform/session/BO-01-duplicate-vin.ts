import { gbt32960, platformChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

const { ResponseFlag } = gbt32960;

export default testPurpose({
  id: "TP/PLATFORM/SESSION/BO-01",
  title: "A second login for a VIN with a live session is refused, or takes the session over, as claimed",
  role: "platform",
  requirements: ["GBT32960-2016-B.2.7-DUPLICATE-VIN"],
  pixit: ["answerTimeoutMs"],
  async body(t) {
    const { answerTimeoutMs } = t.params;
    const refuses = t.pics.PICS_PLATFORM_REFUSES_DUPLICATE_VIN === true;
    const [vin = ""] = platformChecks.freshVins(1);
    const vehicle = new platformChecks.SimulatedVehicle(t.bus, vin);
    const first = await vehicle.login(answerTimeoutMs);
    if (first.flag !== ResponseFlag.SUCCESS) return t.inconclusive("GBT32960-2016-B.2.7-DUPLICATE-VIN", `the first login of ${vin} got ${platformChecks.flagName(first.flag)} in ${answerTimeoutMs} ms, not success`, first.evidence);
    const second = await vehicle.login(answerTimeoutMs);
    const evidence = [...first.evidence, ...second.evidence];
    const expected = refuses ? ResponseFlag.VIN_DUPLICATE : ResponseFlag.SUCCESS;
    const policy = refuses ? "refused as a VIN duplicate (PICS_PLATFORM_REFUSES_DUPLICATE_VIN)" : "accepted, closing the old session";
    if (second.answer === undefined) return t.fail("GBT32960-2016-B.2.7-DUPLICATE-VIN", `no answer in ${answerTimeoutMs} ms to a second login (another serial) while the first session lives; it should be ${policy}`, evidence);
    const held = second.flag === expected;
    t.verify("GBT32960-2016-B.2.7-DUPLICATE-VIN", held, held ? `the second login while the first session lives was ${policy}` : `the second login while the first session lives got ${platformChecks.flagName(second.flag)}; it should be ${policy}`, evidence);
  },
});
