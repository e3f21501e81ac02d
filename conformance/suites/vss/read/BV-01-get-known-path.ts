import { testPurpose, vssChecks } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/VSS/READ/BV-01",
  title: "A get of a known sensor answers with its path and a datapoint with value and timestamp",
  role: "vss",
  requirements: ["VISS-V2-GET-DATAPOINT"],
  pixit: ["subprotocol", "requestTimeoutMs", "sensorPath"],
  async body(t) {
    const p = t.params;
    const session = await vssChecks.connect(t, "VISS-V2-GET-DATAPOINT");
    if (session === undefined) return;
    const { sent, answer } = await session.request({ action: "get", path: p.sensorPath, requestId: "get-known" });
    t.record(sent);
    if (answer === undefined) return t.fail("VISS-V2-GET-DATAPOINT", `no answer to a get of ${p.sensorPath} within ${p.requestTimeoutMs} ms`);
    const faults = vssChecks.getAnswerFaults(answer.json, p.sensorPath);
    const reason = faults.length === 0 ? `${p.sensorPath} = ${String(vssChecks.scalarOf(answer.json))}` : faults.join("; ");
    t.verify("VISS-V2-GET-DATAPOINT", faults.length === 0, reason, [t.viss.evidence(answer, `the answer to a get of ${p.sensorPath}`)]);
  },
});
