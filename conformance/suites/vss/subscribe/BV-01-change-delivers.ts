import { testPurpose, vssChecks } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/VSS/SUBSCRIBE/BV-01",
  title: "A change subscription delivers an event each time the value changes by the threshold",
  role: "vss",
  requirements: ["VISS-V2-SUBSCRIBE-CHANGE"],
  pics: ["PICS_VSS_SUBSCRIBE_CHANGE"],
  pixit: ["subprotocol", "requestTimeoutMs", "changePath", "changeLogicOp", "changeThreshold", "minChangeEvents", "observeMs"],
  async body(t) {
    const p = t.params;
    const session = await vssChecks.connect(t, "VISS-V2-SUBSCRIBE-CHANGE");
    if (session === undefined) return;
    const filter = vssChecks.changeFilter(p.changeLogicOp, p.changeThreshold);
    const { sent, answer } = await session.request({ action: "subscribe", path: p.changePath, filter, requestId: "change" });
    t.record(sent);
    const refused = vssChecks.unsuccessful(answer, "subscribe", p.requestTimeoutMs);
    if (refused !== undefined || answer === undefined) return t.fail("VISS-V2-SUBSCRIBE-CHANGE", refused ?? "", t.viss.evidenceIf(answer, "the answer to the subscribe"));
    await t.sleep(p.observeMs);
    const events = session.events(answer.json?.["subscriptionId"]);
    const values = events.map((e) => vssChecks.datapointOf(e.json)?.value);
    // An event carries a changed value; one repeating its predecessor was not triggered by a change.
    const repeats = events.filter((_, i) => i > 0 && values[i] === values[i - 1]);
    const evidence = [t.viss.evidence(answer, "the subscription"), ...events.slice(0, 3).map((e) => t.viss.evidence(e, "an event")), ...repeats.slice(0, 3).map((e) => t.viss.evidence(e, "an event whose value did not change"))];
    if (events.length < p.minChangeEvents) return t.fail("VISS-V2-SUBSCRIBE-CHANGE", `${events.length} events in ${p.observeMs} ms, fewer than ${p.minChangeEvents}, while ${p.changePath} keeps changing`, evidence);
    t.verify("VISS-V2-SUBSCRIBE-CHANGE", repeats.length === 0, repeats.length === 0 ? `${events.length} events, each with a changed value` : `${repeats.length} of ${events.length} events repeat the previous value`, evidence);
  },
});
