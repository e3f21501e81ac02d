import { rsuChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

const REQUIREMENT = "CSAE53-2020-RSM-PARTICIPANT-LIMIT";

export default testPurpose({
  id: "TP/RSU/RSM/BV-02",
  title: "No RSM lists more than 16 participants",
  role: "rsu",
  requirements: [REQUIREMENT],
  pics: ["PICS_RSU_RSM"],
  pixit: ["observeMs"],
  body: (t) => rsuChecks.verifyNoProblem(t, "rsm", REQUIREMENT, t.params.observeMs, rsuChecks.overfullRsms, (count) => `all ${count} RSMs list at most ${rsuChecks.RSM_MAX_PARTICIPANTS} participants`),
});
