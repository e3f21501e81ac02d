import { testPurpose, vssChecks } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/VSS/TRANSPORT/BI-01",
  title: "A frame that is not JSON is answered with the bad-request error and the connection stays",
  role: "vss",
  requirements: ["VISS-V2-MALFORMED-KEEPS-CONNECTION"],
  pixit: ["subprotocol", "requestTimeoutMs", "sensorPath", "errorProfile", "errors"],
  async body(t) {
    const p = t.params;
    const expected = vssChecks.expectedError(p, "malformed");
    const session = await vssChecks.connect(t, "VISS-V2-MALFORMED-KEEPS-CONNECTION");
    if (session === undefined) return;
    const malformed = await session.request("{not json");
    t.record(malformed.sent);
    if (malformed.answer === undefined) return t.fail("VISS-V2-MALFORMED-KEEPS-CONNECTION", `no answer to a frame that is not JSON within ${p.requestTimeoutMs} ms`);
    const answerEvidence = t.viss.evidence(malformed.answer, "the answer to a frame that is not JSON");
    const error = vssChecks.judgeError(malformed.answer.json, expected);
    if (!error.held) return t.fail("VISS-V2-MALFORMED-KEEPS-CONNECTION", error.reason, [answerEvidence]);
    const after = await session.request({ action: "get", path: p.sensorPath, requestId: "after-malformed" });
    t.record(after.sent);
    const kept = session.isOpen && vssChecks.succeeded(after.answer?.json);
    const reason = kept ? `${error.reason}, and a get on the same connection was answered` : session.isOpen ? "the get after it got no successful answer" : "the server closed the connection after answering";
    t.verify("VISS-V2-MALFORMED-KEEPS-CONNECTION", kept, reason, [answerEvidence, ...t.viss.evidenceIf(after.answer, "the answer to a get after the malformed frame")]);
  },
});
