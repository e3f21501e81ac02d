import { obuChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/OBU/BSM/BV-02",
  title: "The OBU sends BSMs at its declared rate",
  role: "obu",
  requirements: ["CSAE53-2020-BSM-RATE"],
  pixit: ["observeMs", "bsmRateHz", "bsmRateTolerance"],
  async body(t) {
    const { observeMs, bsmRateHz, bsmRateTolerance } = t.params;
    const bsms = await t.bus.collect("bsm", observeMs);
    // Judged by the BSMs' own secMarks: arrival times carry the jitter of the network and broker.
    const interval = obuChecks.meanSendIntervalMs(bsms);
    const first = bsms[0];
    const last = bsms.at(-1);
    if (interval === undefined || first === undefined || last === undefined) {
      return t.fail("CSAE53-2020-BSM-RATE", `${bsms.length} BSM(s) in ${observeMs} ms, where ${bsmRateHz} Hz gives ${Math.round((observeMs * bsmRateHz) / 1000)}`);
    }
    const rate = 1000 / interval;
    const held = Math.abs(rate - bsmRateHz) <= bsmRateHz * bsmRateTolerance;
    const evidence = [t.bus.evidence(first, "first BSM of the window"), t.bus.evidence(last, `last BSM of the window, ${bsms.length} in all`)];
    t.verify("CSAE53-2020-BSM-RATE", held, `${bsms.length} BSMs ${Math.round(interval)} ms apart by their secMarks: ${rate.toFixed(2)} Hz, declared ${bsmRateHz} Hz ± ${bsmRateTolerance * 100} %`, evidence);
  },
});
