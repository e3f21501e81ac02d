import { tboxChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/TBOX/HEARTBEAT/TI-01",
  title: "A logged-in T-Box sends a heartbeat at least once per configured heartbeat period",
  role: "tbox",
  requirements: ["GBT32960-2016-B.2.6-HEARTBEAT"],
  pixit: ["heartbeatPeriodMs", "periodTolerance", "observeMs"],
  silenceFails: ["GBT32960-2016-B.2.6-HEARTBEAT"],
  timeLimitMs: (p) => 2 * p.heartbeatPeriodMs * (1 + p.periodTolerance) + p.observeMs + 10_000,
  async body(t) {
    const allowed = t.params.heartbeatPeriodMs * (1 + t.params.periodTolerance);
    const window = Math.max(t.params.observeMs, 2 * allowed);
    const from = Date.now();
    const beats = await t.bus.collect("heartbeat", window);
    const silence = tboxChecks.longestSilence(beats.map((o) => o.receivedAt), from, from + window);
    const evidence = beats.slice(0, 3).map((o) => t.bus.evidence(o, "a heartbeat"));
    t.verify(
      "GBT32960-2016-B.2.6-HEARTBEAT",
      silence <= allowed,
      `${beats.length} heartbeats in ${window} ms, longest time without one ${silence} ms (period ${t.params.heartbeatPeriodMs} ms, at most ${Math.round(allowed)} ms allowed)`,
      evidence,
    );
  },
});
