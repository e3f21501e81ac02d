import { testPurpose, vssChecks } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/VSS/TRANSPORT/BV-01",
  title: "Every frame the server sends to gets, an error and a subscription is valid VISS JSON",
  role: "vss",
  requirements: ["VISS-V2-FRAME-VALID"],
  pixit: ["subprotocol", "requestTimeoutMs", "sensorPath", "unknownPath", "subscriptionPeriodMs"],
  async body(t) {
    const p = t.params;
    const session = await vssChecks.connect(t, "VISS-V2-FRAME-VALID");
    if (session === undefined) return;
    const sent = [
      (await session.request({ action: "get", path: p.sensorPath, requestId: "valid-get" })).sent,
      (await session.request({ action: "get", path: p.unknownPath, requestId: "valid-unknown" })).sent,
    ];
    const subscribe = await session.request({ action: "subscribe", path: p.sensorPath, filter: vssChecks.timebasedFilter(p.subscriptionPeriodMs), requestId: "valid-subscribe" });
    await t.sleep(3 * p.subscriptionPeriodMs);
    const unsubscribe = await session.request({ action: "unsubscribe", subscriptionId: subscribe.answer?.json?.["subscriptionId"], requestId: "valid-unsubscribe" });
    t.record(...sent, subscribe.sent, unsubscribe.sent);
    const frames = session.frames;
    if (frames.length === 0) return t.inconclusive("VISS-V2-FRAME-VALID", "the server sent no frame");
    const broken = frames.map((frame) => ({ frame, violations: t.viss.violations(frame) })).filter((b) => b.violations.length > 0);
    const evidence = broken.slice(0, 5).map((b) => t.viss.evidence(b.frame, b.violations.join("; ")));
    const reason = broken.length === 0 ? `all ${frames.length} frames valid` : `${broken.length} of ${frames.length} frames break the transport schema, first: ${broken[0]?.violations[0] ?? ""}`;
    t.verify("VISS-V2-FRAME-VALID", broken.length === 0, reason, evidence);
  },
});
