import { tboxChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/TBOX/REISSUE/BV-01",
  title: "After an outage the T-Box reissues (0x03) what it collected meanwhile, leaving no gap",
  role: "tbox",
  requirements: ["GBT32960-2016-B.2.8-REISSUE"],
  needs: ["link-control"],
  exclusive: true,
  pixit: ["reportPeriodMs", "periodTolerance", "outageMs", "reissueWaitMs", "missingReportsAllowed"],
  timeLimitMs: (p) => 2 * p.reportPeriodMs * (1 + p.periodTolerance) + p.outageMs + p.reissueWaitMs + 10_000,
  async body(t) {
    const allowed = t.params.reportPeriodMs * (1 + t.params.periodTolerance);
    const before = await t.bus.next("realtime", 2 * allowed);
    if (before === undefined) return t.inconclusive("GBT32960-2016-B.2.8-REISSUE", `no realtime report within ${Math.round(2 * allowed)} ms before the cut`);
    const cut = await t.link.cut();
    await t.sleep(t.params.outageMs);
    const restored = await t.link.restore();
    const deadline = Date.now() + t.params.reissueWaitMs;
    const missingNow = (): number =>
      tboxChecks.uncoveredReports(
        tboxChecks.timedReports(t.bus.received("realtime")),
        tboxChecks.timedReports(t.bus.received("reissue")).map((r) => r.collectedAt),
        cut.at,
        restored.at,
        t.params.reportPeriodMs,
      );
    while (missingNow() > t.params.missingReportsAllowed && Date.now() < deadline && !t.signal.aborted) await t.sleep(200);
    const missing = missingNow();
    const reissues = t.bus.received("reissue");
    const after = t.bus.received("realtime", { since: restored.at })[0];
    const evidence = [t.bus.evidence(before, "the last report before the cut"), cut, restored, ...reissues.slice(0, 3).map((o) => t.bus.evidence(o, "a reissued report")), ...(after === undefined ? [] : [t.bus.evidence(after, "the first report after the outage")])];
    if (missing === Infinity) return t.inconclusive("GBT32960-2016-B.2.8-REISSUE", `no realtime report collected after the cut arrived within ${t.params.reissueWaitMs} ms of restoring the link`, evidence);
    t.verify(
      "GBT32960-2016-B.2.8-REISSUE",
      missing <= t.params.missingReportsAllowed,
      `${reissues.length} reports reissued after a ${t.params.outageMs} ms outage; ${missing} report period(s) of ${t.params.reportPeriodMs} ms uncovered between the last report before the cut and the first after (${t.params.missingReportsAllowed} allowed)`,
      evidence,
    );
  },
});
