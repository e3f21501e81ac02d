import { testPurpose, vssChecks } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/VSS/UPDATE/BI-02",
  title: "A set on an actuator without an access token is refused with the declared missing-token error",
  role: "vss",
  requirements: ["VISS-V2-ERROR-MISSING-TOKEN"],
  pics: ["PICS_VSS_SET", "PICS_VSS_ACCESS_CONTROL"],
  pixit: ["subprotocol", "requestTimeoutMs", "actuatorPath", "actuatorValues", "errorProfile", "errors"],
  async body(t) {
    const p = t.params;
    const expected = vssChecks.expectedError(p, "missingToken");
    const session = await vssChecks.connect(t, "VISS-V2-ERROR-MISSING-TOKEN");
    if (session === undefined) return;
    const { sent, answer } = await session.request({ action: "set", path: p.actuatorPath, value: p.actuatorValues[0], requestId: "set-without-token" });
    t.record(sent);
    if (answer === undefined) return t.fail("VISS-V2-ERROR-MISSING-TOKEN", `no answer to a set without a token within ${p.requestTimeoutMs} ms`);
    const { held, reason } = vssChecks.judgeError(answer.json, expected);
    t.verify("VISS-V2-ERROR-MISSING-TOKEN", held, reason, [t.viss.evidence(answer, `the answer to a set on ${p.actuatorPath} without a token`)]);
  },
});
