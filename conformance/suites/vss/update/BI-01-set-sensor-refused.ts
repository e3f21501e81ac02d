import { testPurpose, vssChecks } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/VSS/UPDATE/BI-01",
  title: "An authorised set on a sensor is refused with the declared not-writable error",
  role: "vss",
  requirements: ["VISS-V2-ERROR-SET-SENSOR"],
  pixit: ["subprotocol", "requestTimeoutMs", "sensorPath", "token", "errorProfile", "errors"],
  async body(t) {
    const p = t.params;
    const expected = vssChecks.expectedError(p, "setSensor");
    const session = await vssChecks.connect(t, "VISS-V2-ERROR-SET-SENSOR");
    if (session === undefined) return;
    // With a token, so that only the node's kind can be the reason for a refusal.
    const { sent, answer } = await session.request({ action: "set", path: p.sensorPath, value: "12", authorization: p.token, requestId: "set-sensor" });
    t.record(sent);
    if (answer === undefined) return t.fail("VISS-V2-ERROR-SET-SENSOR", `no answer to a set on ${p.sensorPath} within ${p.requestTimeoutMs} ms`);
    const { held, reason } = vssChecks.judgeError(answer.json, expected);
    t.verify("VISS-V2-ERROR-SET-SENSOR", held, reason, [t.viss.evidence(answer, `the answer to a set on the sensor ${p.sensorPath}`)]);
  },
});
