import { obuChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/OBU/BSM/BV-05",
  title: "secMark is the millisecond of the current UTC minute, within the lab's tolerance",
  role: "obu",
  requirements: ["CSAE53-2020-SECMARK-TIMEBASE"],
  pixit: ["observeMs", "secMarkToleranceMs"],
  async body(t) {
    const { observeMs, secMarkToleranceMs } = t.params;
    const bsms = await t.bus.collect("bsm", observeMs);
    if (bsms.length === 0) return t.inconclusive("CSAE53-2020-SECMARK-TIMEBASE", `no BSM arrived in ${observeMs} ms`);
    const broken = obuChecks.secMarkMismatches(bsms, secMarkToleranceMs);
    const evidence = obuChecks.problemEvidence(t.bus, broken, 5);
    t.verify("CSAE53-2020-SECMARK-TIMEBASE", broken.length === 0, broken.length === 0 ? `secMark of all ${bsms.length} BSMs within ${secMarkToleranceMs} ms of the harness clock` : `${broken.length} of ${bsms.length} BSMs off, first: ${broken[0]?.problem ?? ""}`, evidence);
  },
});
