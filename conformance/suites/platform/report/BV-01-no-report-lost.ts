import { gbt32960, platformChecks, testPurpose, type EvidenceItem } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/PLATFORM/REPORT/BV-01",
  title: "Under load from N simulated vehicles for T seconds, the platform keeps every report it accepts",
  role: "platform",
  requirements: ["GBT32960-2016-B.2.1-NO-REPORT-LOST"],
  pics: ["PICS_PLATFORM_QUERY_INTERFACE"],
  pixit: ["answerTimeoutMs", "loadVehicles", "loadDurationMs", "loadReportIntervalMs", "querySettleMs", "queryReportsUrl"],
  timeLimitMs: (p) => p.loadDurationMs + 2 * p.loadReportIntervalMs + p.querySettleMs + 3 * p.answerTimeoutMs,
  async body(t) {
    const { answerTimeoutMs, loadVehicles, loadDurationMs, loadReportIntervalMs, querySettleMs, queryReportsUrl } = t.params;
    if (queryReportsUrl === "") return t.inconclusive("GBT32960-2016-B.2.1-NO-REPORT-LOST", "PICS_PLATFORM_QUERY_INTERFACE is claimed but PIXIT params.queryReportsUrl is empty");
    const vehicles = platformChecks.freshVins(loadVehicles).map((vin) => new platformChecks.SimulatedVehicle(t.bus, vin));
    const logins = await Promise.all(vehicles.map((v) => v.login(answerTimeoutMs)));
    const refused = logins.filter((l) => l.flag !== gbt32960.ResponseFlag.SUCCESS);
    if (refused.length > 0) return t.inconclusive("GBT32960-2016-B.2.1-NO-REPORT-LOST", `${refused.length} of ${loadVehicles} logins were not answered with success in ${answerTimeoutMs} ms`, refused[0]?.evidence);

    const since = t.now();
    const until = since + loadDurationMs;
    // Each vehicle reports at the interval, their phases spread over it.
    const sent = await Promise.all(
      vehicles.map(async (vehicle, i) => {
        await t.sleep((i * loadReportIntervalMs) / loadVehicles);
        let count = 0;
        while (t.now() < until && !t.signal.aborted) {
          await vehicle.report();
          count++;
          await t.sleep(loadReportIntervalMs);
        }
        return count;
      }),
    );
    await t.sleep(querySettleMs);

    const shortfalls: string[] = [];
    const evidence: EvidenceItem[] = [];
    for (const [i, vehicle] of vehicles.entries()) {
      const url = queryReportsUrl.replace("{vin}", encodeURIComponent(vehicle.vin));
      const { status, body } = await t.httpJson(url, answerTimeoutMs);
      const listed = platformChecks.reportsListed(body);
      const queried: EvidenceItem = { at: t.now(), kind: "observed", channel: url, summary: `the query interface lists ${listed ?? "no"} reports for ${vehicle.vin}`, message: body };
      if (status !== 200 || listed === undefined) return t.inconclusive("GBT32960-2016-B.2.1-NO-REPORT-LOST", `GET ${url} answered ${status} without a "reports" list`, [queried]);
      // A report answered with an error was refused, not accepted, so it is not owed.
      const owed = (sent[i] ?? 0) - vehicle.reportErrors(since).length;
      if (listed < owed) {
        shortfalls.push(`${vehicle.vin}: ${listed} of ${owed}`);
        evidence.push(queried);
      }
    }
    const total = sent.reduce((a, b) => a + b, 0);
    t.note(`${loadVehicles} vehicles sent ${total} reports in ${loadDurationMs} ms, one every ${loadReportIntervalMs} ms each`);
    const reason = shortfalls.length === 0 ? `every one of the ${total} reports of ${loadVehicles} vehicles is listed by the query interface` : `the query interface lists fewer reports than were accepted for ${shortfalls.length} of ${loadVehicles} vehicles: ${shortfalls.slice(0, 5).join(", ")}`;
    t.verify("GBT32960-2016-B.2.1-NO-REPORT-LOST", shortfalls.length === 0, reason, evidence.slice(0, 5));
  },
});
