import { rsuChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

const REQUIREMENT = "CSAE53-2020-RSM-IN-RANGE";

export default testPurpose({
  id: "TP/RSU/RSM/BV-04",
  title: "Every RSM participant lies within the declared detection range of the RSM's refPos",
  role: "rsu",
  requirements: [REQUIREMENT],
  pics: ["PICS_RSU_RSM"],
  pixit: ["observeMs", "rsmRangeM", "rangeToleranceM"],
  body(t) {
    const limitM = t.params.rsmRangeM + t.params.rangeToleranceM;
    return rsuChecks.verifyNoProblem(t, "rsm", REQUIREMENT, t.params.observeMs, (rsms) => rsuChecks.participantsBeyond(rsms, limitM), (count) => `every participant of ${count} RSMs is within ${limitM} m of its refPos`);
  },
});
