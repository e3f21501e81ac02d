import { harness, tboxChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

/** How far before a level-3 alarm the data to reissue goes back (B.2.1), ms, plus the second the times are rounded to. */
const PRE_FAULT_MS = 31_000;

export default testPurpose({
  id: "TP/TBOX/ALARM/BV-01",
  title: "On a level-3 alarm the T-Box reports every second and reissues the 30 s before it",
  role: "tbox",
  requirements: ["GBT32960-2016-B.2.1-ALARM-SAMPLING", "GBT32960-2016-B.2.1-ALARM-PRE-FAULT"],
  needs: ["upper-tester"],
  exclusive: true,
  pixit: ["alarmPeriodMs", "periodTolerance", "alarmObserveMs", "answerTimeoutMs", "preFaultMinSamples"],
  timeLimitMs: (p) => p.alarmObserveMs + p.answerTimeoutMs + 10_000,
  async body(t) {
    const from = Date.now();
    // The alarm outlasts the window, so that its end does not fall inside it.
    const durationMs = t.params.alarmObserveMs + t.params.answerTimeoutMs;
    const response = await t.upperTester({ triggerEvent: { event: harness.UtEvent.ALARM, level: 3, durationMs } });
    const trigger = { at: from, kind: "stimulus" as const, channel: "upper tester", summary: `raised a level-3 alarm for ${durationMs} ms` };
    if (response?.result !== harness.UtResult.OK) {
      const why = response === undefined ? "the upper tester did not answer" : `the upper tester answered ${response.result}: ${response.reason ?? ""}`;
      for (const id of ["GBT32960-2016-B.2.1-ALARM-SAMPLING", "GBT32960-2016-B.2.1-ALARM-PRE-FAULT"]) t.inconclusive(id, `cannot raise a level-3 alarm: ${why}`, [trigger]);
      return;
    }
    // Watched from the upper tester's answer: the alarm is raised by then, however slow the request was.
    const raisedAt = Date.now();
    const to = raisedAt + t.params.alarmObserveMs;
    await t.sleep(to - Date.now());
    const level3 = t.bus.received("realtime", { since: from }).filter((o) => o.receivedAt <= to && tboxChecks.alarmLevelOf(tboxChecks.frameOf(o)?.realtime2016) >= 3);
    const allowed = t.params.alarmPeriodMs * (1 + t.params.periodTolerance);
    const silence = tboxChecks.longestSilence(level3.map((o) => o.receivedAt), raisedAt, to);
    t.verify(
      "GBT32960-2016-B.2.1-ALARM-SAMPLING",
      silence <= allowed,
      `${level3.length} level-3 reports in ${t.params.alarmObserveMs} ms, longest time without one ${silence} ms (at most ${Math.round(allowed)} ms allowed)`,
      [trigger, ...level3.slice(0, 3).map((o) => t.bus.evidence(o, "a level-3 report"))],
    );

    const onset = Math.min(...level3.map((o) => tboxChecks.collectedAt(tboxChecks.frameOf(o)?.realtime2016)));
    if (!Number.isFinite(onset)) return t.inconclusive("GBT32960-2016-B.2.1-ALARM-PRE-FAULT", "no level-3 report shows when the alarm began", [trigger]);
    const preFault = t.bus.received("reissue", { since: from }).filter((o) => {
      const collected = tboxChecks.collectedAt(tboxChecks.frameOf(o)?.reissue2016);
      return collected < onset && collected >= onset - PRE_FAULT_MS;
    });
    const seconds = new Set(preFault.map((o) => tboxChecks.collectedAt(tboxChecks.frameOf(o)?.reissue2016))).size;
    t.verify(
      "GBT32960-2016-B.2.1-ALARM-PRE-FAULT",
      seconds >= t.params.preFaultMinSamples,
      `${seconds} distinct samples of the 30 s before the alarm reissued (at least ${t.params.preFaultMinSamples} expected)`,
      [trigger, ...preFault.slice(0, 3).map((o) => t.bus.evidence(o, "a reissued pre-fault sample"))],
    );
  },
});
