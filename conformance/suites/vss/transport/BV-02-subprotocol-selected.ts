import { testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/VSS/TRANSPORT/BV-02",
  title: "The server accepts the VISS subprotocol and selects it in the handshake",
  role: "vss",
  requirements: ["VISS-V2-SUBPROTOCOL-SELECTED"],
  pixit: ["subprotocol", "requestTimeoutMs"],
  async body(t) {
    const offered = t.params.subprotocol;
    const note = { at: t.now(), kind: "stimulus" as const, channel: t.viss.url, summary: `opened a WebSocket offering the subprotocol ${offered}` };
    try {
      const client = await t.viss.open({ subprotocol: offered, connectTimeoutMs: t.params.requestTimeoutMs });
      const selected = client.subprotocol;
      t.verify("VISS-V2-SUBPROTOCOL-SELECTED", selected === offered, selected === offered ? `the server selected ${offered}` : `the server selected ${JSON.stringify(selected)}, not ${offered}`, [note]);
    } catch (error) {
      t.fail("VISS-V2-SUBPROTOCOL-SELECTED", `the handshake offering ${offered} failed: ${(error as Error).message}`, [note]);
    }
  },
});
