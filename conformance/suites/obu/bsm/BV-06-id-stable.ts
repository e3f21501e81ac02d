import { obuChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/OBU/BSM/BV-06",
  title: "The OBU keeps one 8-byte temporary id in its BSMs",
  role: "obu",
  requirements: ["CSAE53-2020-BSM-ID-STABLE"],
  pixit: ["observeMs"],
  async body(t) {
    const bsms = await t.bus.collect("bsm", t.params.observeMs);
    if (bsms.length < 2) return t.inconclusive("CSAE53-2020-BSM-ID-STABLE", `${bsms.length} BSM(s) in ${t.params.observeMs} ms; the check needs two`);
    const ids = obuChecks.distinctIds(bsms);
    const wrongLength = ids.filter((id) => id.length !== 16);
    const evidence = ids.slice(0, 3).flatMap((id) => {
      const first = bsms.find((o) => obuChecks.bsmIdOf(o) === id);
      return first === undefined ? [] : [t.bus.evidence(first, `first BSM with id ${id}`)];
    });
    const held = ids.length === 1 && wrongLength.length === 0;
    const reason = ids.length !== 1 ? `${ids.length} different ids in ${bsms.length} BSMs: ${ids.slice(0, 3).join(", ")}${ids.length > 3 ? ", …" : ""}` : wrongLength.length > 0 ? `id ${ids[0] ?? ""} is not 8 bytes` : `id ${ids[0] ?? ""} in all ${bsms.length} BSMs`;
    t.verify("CSAE53-2020-BSM-ID-STABLE", held, reason, evidence);
  },
});
