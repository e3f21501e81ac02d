import { obuChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/OBU/BSM/BV-04",
  title: "A BSM repeats the previous msgCnt only when it repeats its content unchanged",
  role: "obu",
  requirements: ["CSAE53-2020-BSM-MSGCOUNT"],
  pixit: ["observeMs"],
  async body(t) {
    const bsms = await t.bus.collect("bsm", t.params.observeMs);
    if (bsms.length < 2) return t.inconclusive("CSAE53-2020-BSM-MSGCOUNT", `${bsms.length} BSM(s) in ${t.params.observeMs} ms; the check needs two in a row`);
    const broken = obuChecks.changedRepeats(bsms);
    const evidence = obuChecks.problemEvidence(t.bus, broken);
    t.verify("CSAE53-2020-BSM-MSGCOUNT", broken.length === 0, broken.length === 0 ? `no msgCnt repeated with new content in ${bsms.length} BSMs` : `${broken.length} repeat(s) with new content, first: ${broken[0]?.problem ?? ""}`, evidence);
  },
});
