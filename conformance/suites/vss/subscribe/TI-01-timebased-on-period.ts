import { testPurpose, vssChecks } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/VSS/SUBSCRIBE/TI-01",
  title: "A timebased subscription delivers events every requested period",
  role: "vss",
  requirements: ["VISS-V2-SUBSCRIBE-TIMEBASED"],
  pics: ["PICS_VSS_SUBSCRIBE_TIMEBASED"],
  pixit: ["subprotocol", "requestTimeoutMs", "sensorPath", "subscriptionPeriodMs", "periodTolerance", "observeMs"],
  async body(t) {
    const p = t.params;
    const session = await vssChecks.connect(t, "VISS-V2-SUBSCRIBE-TIMEBASED");
    if (session === undefined) return;
    const { sent, answer } = await session.request({ action: "subscribe", path: p.sensorPath, filter: vssChecks.timebasedFilter(p.subscriptionPeriodMs), requestId: "timebased" });
    t.record(sent);
    const refused = vssChecks.unsuccessful(answer, "subscribe", p.requestTimeoutMs);
    if (refused !== undefined || answer === undefined) return t.fail("VISS-V2-SUBSCRIBE-TIMEBASED", refused ?? "", t.viss.evidenceIf(answer, "the answer to the subscribe"));
    await t.sleep(p.observeMs);
    const events = session.events(answer.json?.["subscriptionId"]);
    const times = events.map((e) => e.at);
    const mean = vssChecks.meanIntervalMs(times);
    const evidence = [t.viss.evidence(answer, "the subscription"), ...events.slice(0, 3).map((e) => t.viss.evidence(e, "an event"))];
    if (events.length < 2) return t.fail("VISS-V2-SUBSCRIBE-TIMEBASED", `${events.length} events in ${p.observeMs} ms at a period of ${p.subscriptionPeriodMs} ms`, evidence);
    const held = vssChecks.onPeriod(times, p.subscriptionPeriodMs, p.periodTolerance);
    t.verify("VISS-V2-SUBSCRIBE-TIMEBASED", held, `${events.length} events, mean interval ${mean.toFixed(0)} ms for a period of ${p.subscriptionPeriodMs} ms (tolerance ${p.periodTolerance * 100}%)`, evidence);
  },
});
