import { obuChecks, testPurpose, type BusObservation } from "../../../../src/conformance/dsl/index.ts";

/** Long enough for msgCnt to run through all its values and wrap, at the slowest rate PIXIT allows. */
function wrapWindowMs(params: { readonly bsmRateHz: number; readonly bsmRateTolerance: number }): number {
  return ((obuChecks.MSGCNT_MODULUS + 2) * 1000) / (params.bsmRateHz * (1 - params.bsmRateTolerance));
}

export default testPurpose({
  id: "TP/OBU/BSM/BV-03",
  title: "msgCnt goes up by one per BSM and wraps from 127 to 0",
  role: "obu",
  requirements: ["CSAE53-2020-MSGCNT-INCREMENT"],
  pixit: ["bsmRateHz", "bsmRateTolerance"],
  timeLimitMs: (params) => wrapWindowMs(params) + 10_000,
  async body(t) {
    const since = t.now();
    let previous: BusObservation | undefined;
    // Watches until msgCnt wraps or breaks the rule, at most until it must have wrapped.
    const settled = (o: BusObservation): boolean => {
      const before = previous;
      previous = o;
      return before !== undefined && (obuChecks.msgCntWrapped([before, o]) || obuChecks.msgCntSteps([before, o]).length > 0);
    };
    await t.bus.next("bsm", wrapWindowMs(t.params), settled);
    const bsms = t.bus.received("bsm", { since });
    if (bsms.length < 2) return t.inconclusive("CSAE53-2020-MSGCNT-INCREMENT", `${bsms.length} BSM(s) arrived; the check needs two in a row`);
    const broken = obuChecks.msgCntSteps(bsms);
    const evidence = obuChecks.problemEvidence(t.bus, broken);
    const wrapped = obuChecks.msgCntWrapped(bsms) ? " and wrapped 127 -> 0" : "";
    t.verify("CSAE53-2020-MSGCNT-INCREMENT", broken.length === 0, broken.length === 0 ? `msgCnt went up by one over ${bsms.length} BSMs${wrapped}` : `${broken.length} step(s) break the rule, first: ${broken[0]?.problem ?? ""}`, evidence);
  },
});
