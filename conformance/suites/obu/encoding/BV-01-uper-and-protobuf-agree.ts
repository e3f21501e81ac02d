import { obuChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

const REQUIREMENT = "CSAE53-2020-ENCODING-EQUIVALENT";

export default testPurpose({
  id: "TP/OBU/ENCODING/BV-01",
  title: "The UPER and protobuf copies of each BSM carry the same content",
  role: "obu",
  requirements: [REQUIREMENT],
  pics: ["PICS_OBU_DUAL_ENCODING"],
  needs: ["upper-tester"],
  pixit: ["observeMs"],
  exclusive: true,
  async body(t) {
    const { observeMs } = t.params;
    const on = await t.upperTester({ changeParameter: { name: "bsm.encodings", value: "protobuf,per" } });
    t.record({ at: Date.now(), kind: "stimulus", channel: "upper tester", summary: `asked the OBU to publish each BSM in protobuf and UPER (${on === undefined ? "no answer" : `result ${on.result}`})` });
    let bsms;
    try {
      bsms = await t.bus.collect("bsm", observeMs);
    } finally {
      const off = await t.upperTester({ changeParameter: { name: "bsm.encodings", value: "protobuf" } });
      t.record({ at: Date.now(), kind: "stimulus", channel: "upper tester", summary: `asked the OBU to publish BSMs in protobuf only again (${off === undefined ? "no answer" : `result ${off.result}`})` });
    }
    const pairs = obuChecks.encodingPairs(bsms);
    const perCount = bsms.filter((o) => o.encoding === "per").length;
    if (pairs.length === 0) return t.inconclusive(REQUIREMENT, `no BSM arrived in both UPER and protobuf in ${observeMs} ms (${bsms.length} BSM(s), ${perCount} in UPER)`);
    const differing = pairs.filter((p) => p.difference !== undefined);
    const first = differing[0];
    if (first === undefined) return t.pass(REQUIREMENT, `${pairs.length} BSMs arrived in both UPER and protobuf, each with the same content in both`);
    t.fail(REQUIREMENT, `${differing.length} of ${pairs.length} BSMs differ between their UPER and protobuf copies; the first at ${first.difference ?? ""}`, [
      t.bus.evidence(first.per, `the UPER copy; differs at ${first.difference ?? ""}`),
      t.bus.evidence(first.protobuf, "the protobuf copy of the same BSM (msgCnt, secMark)"),
    ]);
  },
});
