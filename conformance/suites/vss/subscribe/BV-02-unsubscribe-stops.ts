import { testPurpose, vssChecks } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/VSS/SUBSCRIBE/BV-02",
  title: "After a confirmed unsubscribe no further event of the subscription arrives",
  role: "vss",
  requirements: ["VISS-V2-UNSUBSCRIBE-STOPS"],
  pics: ["PICS_VSS_SUBSCRIBE_TIMEBASED"],
  pixit: ["subprotocol", "requestTimeoutMs", "sensorPath", "subscriptionPeriodMs", "unsubscribeGraceMs"],
  async body(t) {
    const p = t.params;
    const session = await vssChecks.connect(t, "VISS-V2-UNSUBSCRIBE-STOPS");
    if (session === undefined) return;
    const subscribe = await session.request({ action: "subscribe", path: p.sensorPath, filter: vssChecks.timebasedFilter(p.subscriptionPeriodMs), requestId: "to-unsubscribe" });
    t.record(subscribe.sent);
    const subscriptionId = subscribe.answer?.json?.["subscriptionId"];
    // The first event proves the subscription runs; a loaded server may take longer than a period to send it.
    const firstEventBy = t.now() + 3 * p.subscriptionPeriodMs + p.requestTimeoutMs;
    while (session.events(subscriptionId).length === 0 && t.now() < firstEventBy && !t.signal.aborted) await t.sleep(20);
    if (session.events(subscriptionId).length === 0) return t.inconclusive("VISS-V2-UNSUBSCRIBE-STOPS", `the subscription delivered no event in ${3 * p.subscriptionPeriodMs + p.requestTimeoutMs} ms, so its stop cannot be seen`);
    const unsubscribe = await session.request({ action: "unsubscribe", subscriptionId, requestId: "unsubscribe" });
    t.record(unsubscribe.sent);
    const refused = vssChecks.unsuccessful(unsubscribe.answer, "unsubscribe", p.requestTimeoutMs);
    if (refused !== undefined || unsubscribe.answer === undefined) return t.fail("VISS-V2-UNSUBSCRIBE-STOPS", refused ?? "", t.viss.evidenceIf(unsubscribe.answer, "the answer to the unsubscribe"));
    const quietFrom = unsubscribe.answer.at + p.unsubscribeGraceMs;
    await t.sleep(p.unsubscribeGraceMs + 3 * p.subscriptionPeriodMs);
    const late = session.events(subscriptionId).filter((e) => e.at > quietFrom);
    const evidence = [t.viss.evidence(unsubscribe.answer, "the confirmed unsubscribe"), ...late.slice(0, 3).map((e) => t.viss.evidence(e, "an event after the unsubscribe"))];
    const window = 3 * p.subscriptionPeriodMs;
    t.verify("VISS-V2-UNSUBSCRIBE-STOPS", late.length === 0, late.length === 0 ? `no event in the ${window} ms after the unsubscribe (grace ${p.unsubscribeGraceMs} ms)` : `${late.length} events arrived after the unsubscribe`, evidence);
  },
});
