import { gbt32960, tboxChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

/** Parameter IDs of table B.12: the normal report period and the heartbeat period. */
const REPORT_PERIOD = 0x02;
const HEARTBEAT_PERIOD = 0x09;

export default testPurpose({
  id: "TP/TBOX/PARAM/BV-01",
  title: "A parameter query is answered with the report and heartbeat periods in force",
  role: "tbox",
  requirements: ["GBT32960-2016-B.2.2-PARAMETER-QUERY"],
  pixit: ["reportPeriodMs", "heartbeatPeriodMs", "answerTimeoutMs"],
  async body(t) {
    const query = await tboxChecks.command(t, tboxChecks.parameterQuery(t.sutId, [REPORT_PERIOD, HEARTBEAT_PERIOD]), "queried parameters 0x02 and 0x09");
    if (query.answer === undefined) return t.fail("GBT32960-2016-B.2.2-PARAMETER-QUERY", `no answer to the parameter query within ${t.params.answerTimeoutMs} ms`, [query.sent]);
    const evidence = [query.sent, t.bus.evidence(query.answer, "the T-Box's answer")];
    if (query.frame?.responseFlag !== gbt32960.ResponseFlag.SUCCESS) return t.fail("GBT32960-2016-B.2.2-PARAMETER-QUERY", `the query was answered with response flag ${query.frame?.responseFlag ?? "none"}, not success`, evidence);
    const answered = query.frame.parameterQueryAnswer?.parameters.length ?? 0;
    const reportS = tboxChecks.parameterValueIn(query.frame, "normalReportPeriod");
    const heartbeatS = tboxChecks.parameterValueIn(query.frame, "heartbeatPeriod");
    const expected = { report: t.params.reportPeriodMs / 1000, heartbeat: t.params.heartbeatPeriodMs / 1000 };
    t.verify(
      "GBT32960-2016-B.2.2-PARAMETER-QUERY",
      answered === 2 && reportS === expected.report && heartbeatS === expected.heartbeat,
      `answered ${answered} parameter(s): report period ${reportS ?? "none"} s (in force ${expected.report} s), heartbeat period ${heartbeatS ?? "none"} s (in force ${expected.heartbeat} s)`,
      evidence,
    );
  },
});
