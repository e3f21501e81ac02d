import { rsuChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

const REQUIREMENT = "CSAE53-2020-SPAT-MAP-CONSISTENT";

export default testPurpose({
  id: "TP/RSU/SPAT/BV-02",
  title: "Every SPAT intersection and phase id is one the RSU's MAP defines",
  role: "rsu",
  requirements: [REQUIREMENT],
  pics: ["PICS_RSU_MAP", "PICS_RSU_SPAT"],
  pixit: ["observeMs", "mapIntervalMs", "rateTolerance"],
  async body(t) {
    const spats = await t.bus.collect("spat", t.params.observeMs);
    if (spats.length === 0) return t.inconclusive(REQUIREMENT, `no SPAT arrived in ${t.params.observeMs} ms`);
    // Every MAP the RSU sent since the run began counts; wait for one when none came yet.
    const mapWaitMs = 2 * t.params.mapIntervalMs * (1 + t.params.rateTolerance);
    const firstMap = await t.bus.next("map", mapWaitMs, () => true, { since: 0 });
    const maps = t.bus.received("map", { since: 0 }).flatMap((o) => rsuChecks.mapOf(o) ?? []);
    if (firstMap === undefined || maps.length === 0) return t.inconclusive(REQUIREMENT, `no decodable MAP arrived, even after waiting ${mapWaitMs} ms`);
    const mismatched = spats.map((o) => ({ o, mismatches: rsuChecks.spatMapMismatches(o, maps) })).filter((m) => m.mismatches.length > 0);
    const evidence = [t.bus.evidence(firstMap, "a MAP the SPATs are checked against"), ...mismatched.slice(0, 3).map((m) => t.bus.evidence(m.o, m.mismatches.join("; ")))];
    const reason =
      mismatched.length === 0 ? `all ${spats.length} SPATs name intersections and phases of the ${maps.length} MAPs` : `${mismatched.length} of ${spats.length} SPATs name what no MAP defines, first: ${mismatched[0]?.mismatches[0] ?? ""}`;
    t.verify(REQUIREMENT, mismatched.length === 0, reason, evidence);
  },
});
