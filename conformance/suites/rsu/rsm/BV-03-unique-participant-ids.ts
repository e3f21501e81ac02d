import { rsuChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

const REQUIREMENT = "CSAE53-2020-RSM-UNIQUE-IDS";

export default testPurpose({
  id: "TP/RSU/RSM/BV-03",
  title: "No ptcId names two participants of one detection, even across RSMs",
  role: "rsu",
  requirements: [REQUIREMENT],
  pics: ["PICS_RSU_RSM"],
  pixit: ["observeMs"],
  body: (t) => rsuChecks.verifyNoProblem(t, "rsm", REQUIREMENT, t.params.observeMs, rsuChecks.reusedPtcIds, (count) => `every ptcId names one participant per detection time in ${count} RSMs`),
});
