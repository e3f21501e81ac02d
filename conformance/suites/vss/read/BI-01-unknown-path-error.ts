import { testPurpose, vssChecks } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/VSS/READ/BI-01",
  title: "A get of a path the tree does not have is answered with the declared not-found error",
  role: "vss",
  requirements: ["VISS-V2-ERROR-UNKNOWN-PATH"],
  pixit: ["subprotocol", "requestTimeoutMs", "unknownPath", "errorProfile", "errors"],
  async body(t) {
    const p = t.params;
    const expected = vssChecks.expectedError(p, "unknownPath");
    const session = await vssChecks.connect(t, "VISS-V2-ERROR-UNKNOWN-PATH");
    if (session === undefined) return;
    const { sent, answer } = await session.request({ action: "get", path: p.unknownPath, requestId: "get-unknown" });
    t.record(sent);
    if (answer === undefined) return t.fail("VISS-V2-ERROR-UNKNOWN-PATH", `no answer to a get of ${p.unknownPath} within ${p.requestTimeoutMs} ms`);
    const { held, reason } = vssChecks.judgeError(answer.json, expected);
    t.verify("VISS-V2-ERROR-UNKNOWN-PATH", held, reason, [t.viss.evidence(answer, `the answer to a get of ${p.unknownPath}`)]);
  },
});
