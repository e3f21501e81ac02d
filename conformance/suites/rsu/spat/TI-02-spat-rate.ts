import { rsuChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/RSU/SPAT/TI-02",
  title: "The RSU sends SPAT at the declared interval",
  role: "rsu",
  requirements: ["CSAE53-2020-SPAT-RATE"],
  pics: ["PICS_RSU_SPAT"],
  pixit: ["observeMs", "spatIntervalMs", "rateTolerance"],
  body: (t) => rsuChecks.verifyRate(t, "spat", "CSAE53-2020-SPAT-RATE", t.params.spatIntervalMs),
});
