import { tboxChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/TBOX/REPORT/TI-01",
  title: "Realtime reports come at least once per configured period (at most 30 s)",
  role: "tbox",
  requirements: ["GBT32960-2016-B.2.1-PERIOD"],
  pixit: ["reportPeriodMs", "periodTolerance", "observeMs"],
  silenceFails: ["GBT32960-2016-B.2.1-PERIOD"],
  timeLimitMs: (p) => 2 * p.reportPeriodMs * (1 + p.periodTolerance) + p.observeMs + 10_000,
  async body(t) {
    const allowed = t.params.reportPeriodMs * (1 + t.params.periodTolerance);
    const window = Math.max(t.params.observeMs, 2 * allowed);
    const from = Date.now();
    const reports = await t.bus.collect("realtime", window);
    const silence = tboxChecks.longestSilence(reports.map((o) => o.receivedAt), from, from + window);
    const evidence = reports.slice(0, 3).map((o) => t.bus.evidence(o, "a realtime report"));
    t.verify(
      "GBT32960-2016-B.2.1-PERIOD",
      silence <= allowed,
      `${reports.length} realtime reports in ${window} ms, longest time without one ${silence} ms (period ${t.params.reportPeriodMs} ms, at most ${Math.round(allowed)} ms allowed)`,
      evidence,
    );
  },
});
