import { testPurpose, vssChecks } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/VSS/TRANSPORT/BV-03",
  title: "Every answer, success or error, carries the requestId of its request",
  role: "vss",
  requirements: ["VISS-V2-REQUESTID-ECHO"],
  pixit: ["subprotocol", "requestTimeoutMs", "sensorPath", "unknownPath", "subscriptionPeriodMs"],
  async body(t) {
    const p = t.params;
    const session = await vssChecks.connect(t, "VISS-V2-REQUESTID-ECHO");
    if (session === undefined) return;
    const exchanges = [
      { requestId: "echo-get-7", ...(await session.request({ action: "get", path: p.sensorPath, requestId: "echo-get-7" })) },
      { requestId: "echo-unknown-8", ...(await session.request({ action: "get", path: p.unknownPath, requestId: "echo-unknown-8" })) },
      { requestId: "echo-subscribe-9", ...(await session.request({ action: "subscribe", path: p.sensorPath, filter: vssChecks.timebasedFilter(p.subscriptionPeriodMs), requestId: "echo-subscribe-9" })) },
    ];
    const subscriptionId = exchanges[2]?.answer?.json?.["subscriptionId"];
    exchanges.push({ requestId: "echo-unsubscribe-10", ...(await session.request({ action: "unsubscribe", subscriptionId, requestId: "echo-unsubscribe-10" })) });
    const answered = exchanges.filter((x) => x.answer?.json !== undefined);
    t.record(...exchanges.map((x) => x.sent));
    if (answered.length === 0) return t.inconclusive("VISS-V2-REQUESTID-ECHO", `no request was answered within ${p.requestTimeoutMs} ms`);
    const wrong = answered.filter((x) => x.answer?.json?.["requestId"] !== x.requestId);
    const evidence = wrong.flatMap((x) => t.viss.evidenceIf(x.answer, `answers request ${x.requestId} with requestId ${JSON.stringify(x.answer?.json?.["requestId"])}`));
    const reason = wrong.length === 0 ? `all ${answered.length} answers echo their requestId` : `${wrong.length} of ${answered.length} answers carry another requestId`;
    t.verify("VISS-V2-REQUESTID-ECHO", wrong.length === 0, reason, evidence);
  },
});
