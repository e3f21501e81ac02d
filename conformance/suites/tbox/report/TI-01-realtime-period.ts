import { tboxChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/TBOX/REPORT/TI-01",
  title: "Realtime reports come at least once per configured period (at most 30 s)",
  role: "tbox",
  requirements: ["GBT32960-2016-B.2.1-PERIOD"],
  pixit: ["reportPeriodMs", "periodTolerance", "observeMs"],
  silenceFails: ["GBT32960-2016-B.2.1-PERIOD"],
  timeLimitMs: (p) => 2 * p.reportPeriodMs * (1 + p.periodTolerance) + p.observeMs + 10_000,
  body: (t) => tboxChecks.verifyPeriodic(t, "realtime", t.params.reportPeriodMs, "GBT32960-2016-B.2.1-PERIOD", "realtime report"),
});
