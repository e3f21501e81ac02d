import { rsuChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/RSU/RSI/BV-01",
  title: "Every RSI the RSU sends is a valid MessageFrame",
  role: "rsu",
  requirements: ["CSAE53-2020-RSU-VALID"],
  pics: ["PICS_RSU_RSI"],
  pixit: ["observeMs"],
  body: (t) => rsuChecks.verifyRules(t, "rsi", "CSAE53-2020-RSU-VALID", t.params.observeMs),
});
