import { rsuChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/RSU/SPAT/BV-01",
  title: "Every SPAT the RSU sends is a valid MessageFrame",
  role: "rsu",
  requirements: ["CSAE53-2020-RSU-VALID"],
  pics: ["PICS_RSU_SPAT"],
  pixit: ["observeMs"],
  body: (t) => rsuChecks.verifyRules(t, "spat", "CSAE53-2020-RSU-VALID", t.params.observeMs),
});
