import { tboxChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/TBOX/FRAME/BV-01",
  title: "Every frame the T-Box sends has the fields, ranges and codes of its data-unit table",
  role: "tbox",
  requirements: ["GBT32960-2016-TBOX-VALID"],
  pixit: ["observeMs"],
  async body(t) {
    await t.sleep(t.params.observeMs);
    // Everything since the run began: the login and time calibration too, not only the reports of the window.
    const frames = tboxChecks.UPLINK_KINDS.flatMap((kind) => t.bus.received(kind, { since: 0 }));
    if (frames.length === 0) return t.inconclusive("GBT32960-2016-TBOX-VALID", `the T-Box sent nothing in ${t.params.observeMs} ms`);
    const broken = frames.map((o) => ({ o, violations: t.bus.violations(o) })).filter((b) => b.violations.length > 0);
    const evidence = broken.slice(0, 5).map((b) => t.bus.evidence(b.o, b.violations.join("; ")));
    const reason = broken.length === 0 ? `all ${frames.length} frames valid` : `${broken.length} of ${frames.length} frames break a rule, first (${broken[0]?.o.kind ?? ""}): ${broken[0]?.violations[0] ?? ""}`;
    t.verify("GBT32960-2016-TBOX-VALID", broken.length === 0, reason, evidence);
  },
});
