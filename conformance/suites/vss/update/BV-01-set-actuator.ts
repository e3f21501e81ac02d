import { testPurpose, vssChecks } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/VSS/UPDATE/BV-01",
  title: "An authorised set on an actuator is confirmed and the new value is read back",
  role: "vss",
  requirements: ["VISS-V2-SET-ACTUATOR"],
  pics: ["PICS_VSS_SET"],
  pixit: ["subprotocol", "requestTimeoutMs", "actuatorPath", "actuatorValues", "token"],
  async body(t) {
    const p = t.params;
    const session = await vssChecks.connect(t, "VISS-V2-SET-ACTUATOR");
    if (session === undefined) return;
    const before = await session.request({ action: "get", path: p.actuatorPath, requestId: "actuator-before" });
    const [first, second] = p.actuatorValues;
    const value = vssChecks.scalarOf(before.answer?.json) === first ? second : first;
    const set = await session.request({ action: "set", path: p.actuatorPath, value, authorization: p.token, requestId: "actuator-set" });
    const after = await session.request({ action: "get", path: p.actuatorPath, requestId: "actuator-after" });
    t.record(before.sent, set.sent, after.sent);
    const setEvidence = t.viss.evidenceIf(set.answer, `the answer to setting ${p.actuatorPath} to ${value}`);
    const refused = vssChecks.unsuccessful(set.answer, "set", p.requestTimeoutMs);
    if (refused !== undefined) return t.fail("VISS-V2-SET-ACTUATOR", refused, setEvidence);
    const readBack = vssChecks.scalarOf(after.answer?.json);
    const evidence = [...setEvidence, ...t.viss.evidenceIf(after.answer, "the read-back")];
    t.verify("VISS-V2-SET-ACTUATOR", readBack === value, readBack === value ? `set to ${value} and read back` : `confirmed the set to ${value} but reads back ${JSON.stringify(readBack)}`, evidence);
  },
});
