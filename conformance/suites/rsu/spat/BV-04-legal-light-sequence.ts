import { rsuChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

const REQUIREMENT = "CSAE53-2020-SPAT-LIGHT-SEQUENCE";

export default testPurpose({
  id: "TP/RSU/SPAT/BV-04",
  title: "SPAT lights change only green → yellow → red → green",
  role: "rsu",
  requirements: [REQUIREMENT],
  pics: ["PICS_RSU_SPAT"],
  pixit: ["observeMs"],
  body: (t) => rsuChecks.verifyNoProblem(t, "spat", REQUIREMENT, t.params.observeMs, rsuChecks.illegalLightChanges, (count) => `every light change in ${count} SPATs, coming and happening, is legal`),
});
