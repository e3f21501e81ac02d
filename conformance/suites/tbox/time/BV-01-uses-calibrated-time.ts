import { gbt32960, tboxChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/TBOX/TIME/BV-01",
  title: "After the platform's time-calibration answer the T-Box's reports carry the platform's time",
  role: "tbox",
  requirements: ["GBT32960-2016-B.2.5-TIME-CALIBRATION"],
  pixit: ["observeMs", "clockToleranceMs"],
  async body(t) {
    const window = await t.bus.collect("realtime", t.params.observeMs);
    const requests = t.bus.received("timeCalibration", { since: 0 });
    const answers = t.bus.received("platformAnswer", { since: 0 }).filter((o) => tboxChecks.frameOf(o)?.command === gbt32960.Command.TIME_CALIBRATION);
    const told = [...requests.slice(0, 1).map((o) => t.bus.evidence(o, "the T-Box asked for the time")), ...answers.slice(0, 1).map((o) => t.bus.evidence(o, "the harness answered with its time"))];
    if (requests.length === 0) t.note("the harness saw no time-calibration request from the T-Box since the run began (its clock may have been right)");
    // Judged from the harness's first answer on: what the T-Box collected before it may carry its own wrong time.
    const answeredAt = answers[0]?.receivedAt ?? 0;
    const reports = window.filter((o) => o.receivedAt > answeredAt);
    if (reports.length === 0) return t.inconclusive("GBT32960-2016-B.2.5-TIME-CALIBRATION", `no realtime report in ${t.params.observeMs} ms after the harness gave the T-Box its time`, told);
    const off = reports.map((o) => ({ o, offMs: tboxChecks.collectedAt(tboxChecks.frameOf(o)?.realtime2016) - o.receivedAt })).filter((r) => !(Math.abs(r.offMs) <= t.params.clockToleranceMs));
    const evidence = [...told, ...off.slice(0, 3).map((r) => t.bus.evidence(r.o, `collected ${Math.round(r.offMs / 1000)} s from the harness clock at arrival`))];
    const worst = off[0];
    t.verify(
      "GBT32960-2016-B.2.5-TIME-CALIBRATION",
      worst === undefined,
      worst === undefined
        ? `all ${reports.length} reports carried a time within ${t.params.clockToleranceMs} ms of the harness clock, the platform's time`
        : `${off.length} of ${reports.length} reports carried a time ${Math.round(worst.offMs / 1000)} s off the platform's time the T-Box was given`,
      evidence,
    );
  },
});
