import { obuChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/OBU/BSM/BV-07",
  title: "Successive BSM positions agree with the speed and heading the BSMs report",
  role: "obu",
  requirements: ["CSAE53-2020-BSM-POSITION-CONSISTENT"],
  pixit: ["observeMs", "positionToleranceM"],
  async body(t) {
    const { observeMs, positionToleranceM } = t.params;
    const bsms = await t.bus.collect("bsm", observeMs);
    if (bsms.length < 2) return t.inconclusive("CSAE53-2020-BSM-POSITION-CONSISTENT", `${bsms.length} BSM(s) in ${observeMs} ms; the check needs two in a row`);
    const broken = obuChecks.positionMismatches(bsms, positionToleranceM);
    const evidence = obuChecks.problemEvidence(t.bus, broken);
    t.verify(
      "CSAE53-2020-BSM-POSITION-CONSISTENT",
      broken.length === 0,
      broken.length === 0 ? `${bsms.length - 1} successive positions within ${positionToleranceM} m of speed and heading` : `${broken.length} of ${bsms.length - 1} steps off by more than ${positionToleranceM} m, first: ${broken[0]?.problem ?? ""}`,
      evidence,
    );
  },
});
