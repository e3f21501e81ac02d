import { tboxChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/TBOX/LOGIN/BV-01",
  title: "After a logout the T-Box sends nothing before its next login",
  role: "tbox",
  requirements: ["GBT32960-2016-B.1-LOGIN-FIRST"],
  needs: ["upper-tester"],
  exclusive: true,
  pixit: ["answerTimeoutMs"],
  async body(t) {
    const off = await tboxChecks.switchIgnition(t, "off");
    if (off.frame === undefined) return t.inconclusive("GBT32960-2016-B.1-LOGIN-FIRST", `no logout within ${t.params.answerTimeoutMs} ms of switching the ignition off`);
    const uplink = tboxChecks.recordUplink(t);
    const on = await tboxChecks.switchIgnition(t, "on");
    uplink.stop();
    const loginIndex = uplink.frames.findIndex((o) => o.kind === "login");
    const before = (loginIndex < 0 ? uplink.frames : uplink.frames.slice(0, loginIndex)).filter((o) => o.kind !== "logout");
    const evidence = [t.bus.evidence(off.frame, "the logout"), ...before.slice(0, 3).map((o) => t.bus.evidence(o, `${o.kind} before the login`))];
    if (before.length > 0) return t.fail("GBT32960-2016-B.1-LOGIN-FIRST", `after its logout the T-Box sent ${before.length} frame(s) before logging in again, first a ${before[0]?.kind ?? ""}`, evidence);
    if (on.frame === undefined) return t.inconclusive("GBT32960-2016-B.1-LOGIN-FIRST", `no login within ${t.params.answerTimeoutMs} ms of switching the ignition on`, evidence);
    t.pass("GBT32960-2016-B.1-LOGIN-FIRST", "the first frame after the ignition came on was the login", [...evidence, t.bus.evidence(on.frame, "the login")]);
  },
});
