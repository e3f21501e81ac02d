import { rsuChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/RSU/MAP/BV-01",
  title: "Every MAP the RSU sends is a valid MessageFrame",
  role: "rsu",
  requirements: ["CSAE53-2020-RSU-VALID"],
  pics: ["PICS_RSU_MAP"],
  pixit: ["observeMs"],
  body: (t) => rsuChecks.verifyRules(t, "map", "CSAE53-2020-RSU-VALID", t.params.observeMs),
});
