import { tboxChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/TBOX/HEARTBEAT/TI-01",
  title: "A logged-in T-Box sends a heartbeat at least once per configured heartbeat period",
  role: "tbox",
  requirements: ["GBT32960-2016-B.2.6-HEARTBEAT"],
  pixit: ["heartbeatPeriodMs", "periodTolerance", "observeMs"],
  silenceFails: ["GBT32960-2016-B.2.6-HEARTBEAT"],
  timeLimitMs: (p) => 2 * p.heartbeatPeriodMs * (1 + p.periodTolerance) + p.observeMs + 10_000,
  body: (t) => tboxChecks.verifyPeriodic(t, "heartbeat", t.params.heartbeatPeriodMs, "GBT32960-2016-B.2.6-HEARTBEAT", "heartbeat"),
});
