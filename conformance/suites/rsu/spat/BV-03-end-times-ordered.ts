import { rsuChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/RSU/SPAT/BV-03",
  title: "In every SPAT phase state, min end time <= likely end time <= max end time",
  role: "rsu",
  requirements: ["CSAE53-2020-SPAT-TIMING-ORDER"],
  pics: ["PICS_RSU_SPAT"],
  pixit: ["observeMs"],
  body: (t) => rsuChecks.verifyRules(t, "spat", "CSAE53-2020-SPAT-TIMING-ORDER", t.params.observeMs),
});
