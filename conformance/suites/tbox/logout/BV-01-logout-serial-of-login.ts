import { tboxChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/TBOX/LOGOUT/BV-01",
  title: "A logout carries the serial of the login it ends",
  role: "tbox",
  requirements: ["GBT32960-2016-TABLE20-LOGOUT-SERIAL"],
  needs: ["upper-tester"],
  exclusive: true,
  pixit: ["answerTimeoutMs"],
  async body(t) {
    await tboxChecks.switchIgnition(t, "off");
    const on = await tboxChecks.switchIgnition(t, "on");
    if (on.frame === undefined) return t.inconclusive("GBT32960-2016-TABLE20-LOGOUT-SERIAL", `no login within ${t.params.answerTimeoutMs} ms of switching the ignition on`);
    if ((await tboxChecks.sessionUp(t, on.frame.receivedAt)) === undefined) {
      return t.inconclusive("GBT32960-2016-TABLE20-LOGOUT-SERIAL", `no report, heartbeat or time calibration within ${t.params.answerTimeoutMs} ms of the login: its session did not come up`);
    }
    const off = await tboxChecks.switchIgnition(t, "off");
    await tboxChecks.switchIgnition(t, "on");
    if (off.frame === undefined) return t.inconclusive("GBT32960-2016-TABLE20-LOGOUT-SERIAL", `no logout within ${t.params.answerTimeoutMs} ms of switching the ignition off`);
    const login = tboxChecks.loginSerialOf(on.frame);
    const logout = tboxChecks.logoutSerialOf(off.frame);
    const evidence = [t.bus.evidence(on.frame, "the login"), t.bus.evidence(off.frame, "the logout that ends it")];
    t.verify("GBT32960-2016-TABLE20-LOGOUT-SERIAL", login !== undefined && logout === login, `the login carried serial ${login ?? "none"}, its logout ${logout ?? "none"}`, evidence);
  },
});
