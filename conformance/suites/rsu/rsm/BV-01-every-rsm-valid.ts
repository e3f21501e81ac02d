import { rsuChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/RSU/RSM/BV-01",
  title: "Every RSM the RSU sends is a valid MessageFrame",
  role: "rsu",
  requirements: ["CSAE53-2020-RSU-VALID"],
  pics: ["PICS_RSU_RSM"],
  pixit: ["observeMs"],
  body: (t) => rsuChecks.verifyRules(t, "rsm", "CSAE53-2020-RSU-VALID", t.params.observeMs),
});
