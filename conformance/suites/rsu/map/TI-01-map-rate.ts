import { rsuChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/RSU/MAP/TI-01",
  title: "The RSU repeats its MAP at the declared interval",
  role: "rsu",
  requirements: ["CSAE53-2020-MAP-RATE"],
  pics: ["PICS_RSU_MAP"],
  pixit: ["observeMs", "mapIntervalMs", "rateTolerance"],
  body: (t) => rsuChecks.verifyRate(t, "map", "CSAE53-2020-MAP-RATE", t.params.mapIntervalMs),
});
