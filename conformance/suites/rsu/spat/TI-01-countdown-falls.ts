import { rsuChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

const REQUIREMENT = "CSAE53-2020-SPAT-COUNTDOWN";

export default testPurpose({
  id: "TP/RSU/SPAT/TI-01",
  title: "The time left on an active light falls by the time that passed",
  role: "rsu",
  requirements: [REQUIREMENT],
  pics: ["PICS_RSU_SPAT"],
  pixit: ["observeMs", "countdownSpanMs", "countdownToleranceMs"],
  async body(t) {
    const { countdownSpanMs, countdownToleranceMs } = t.params;
    const windowMs = Math.max(t.params.observeMs, 2 * countdownSpanMs);
    const spats = await t.bus.collect("spat", windowMs);
    const { judged, slips } = rsuChecks.countdownSlips(spats, countdownSpanMs, countdownToleranceMs);
    if (judged === 0) return t.inconclusive(REQUIREMENT, `in ${spats.length} SPATs over ${windowMs} ms, no light with a countdown stayed on for ${countdownSpanMs} ms`);
    rsuChecks.verifyNone(t, REQUIREMENT, slips, `${judged} stretches of one light counted down by the time that passed, ± ${countdownToleranceMs} ms`);
  },
});
