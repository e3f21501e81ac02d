import { testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/OBU/BSM/BV-01",
  title: "Every BSM the OBU sends is a valid MessageFrame",
  role: "obu",
  requirements: ["CSAE53-2020-BSM-VALID"],
  pixit: ["observeMs"],
  async body(t) {
    const bsms = await t.bus.collect("bsm", t.params.observeMs);
    if (bsms.length === 0) return t.inconclusive("CSAE53-2020-BSM-VALID", `no BSM arrived in ${t.params.observeMs} ms`);
    const broken = bsms.map((o) => ({ o, violations: t.bus.violations(o) })).filter((b) => b.violations.length > 0);
    const evidence = broken.slice(0, 5).map((b) => t.bus.evidence(b.o, b.violations.join("; ")));
    t.verify("CSAE53-2020-BSM-VALID", broken.length === 0, broken.length === 0 ? `all ${bsms.length} BSMs valid` : `${broken.length} of ${bsms.length} BSMs break a rule, first: ${broken[0]?.violations[0] ?? ""}`, evidence);
  },
});
