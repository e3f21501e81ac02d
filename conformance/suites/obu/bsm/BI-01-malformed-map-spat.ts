import { testPurpose, type BusObservation } from "../../../../src/conformance/dsl/index.ts";

/** Bytes that are no MessageFrame in any encoding: an invalid protobuf tag, then garbage. */
const MALFORMED_MAP = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x00, 0x13, 0x37]);
/** A protobuf length prefix promising 100 bytes, followed by 3: a truncated frame. */
const TRUNCATED_SPAT = Uint8Array.from([0x22, 0x64, 0x08, 0x01, 0x10]);

export default testPurpose({
  id: "TP/OBU/BSM/BI-01",
  title: "The OBU keeps sending valid BSMs after receiving a malformed MAP and SPAT",
  role: "obu",
  requirements: ["CSAE53-2020-BSM-ROBUST-INPUT"],
  pics: ["PICS_OBU_RX_MAP_SPAT"],
  pixit: ["observeMs", "bsmRateTolerance", "peerRsuId"],
  exclusive: true,
  async body(t) {
    const { observeMs, bsmRateTolerance, peerRsuId } = t.params;
    const invalid = (o: BusObservation): boolean => t.bus.violations(o).length > 0;
    // The OBU's own behaviour before the stimulus is the yardstick, so that this test judges only what the malformed input changes.
    const before = await t.bus.collect("bsm", observeMs);
    const lastBefore = before.at(-1);
    if (before.length < 2 || lastBefore === undefined) return t.inconclusive("CSAE53-2020-BSM-ROBUST-INPUT", `${before.length} BSM(s) in the ${observeMs} ms before the malformed input; too few to compare with`);
    t.record(t.bus.evidence(lastBefore, `the last of ${before.length} BSMs in the ${observeMs} ms before the malformed input`));
    t.record(await t.bus.sendRaw("map", peerRsuId, MALFORMED_MAP, "a MAP that is not a MessageFrame"));
    t.record(await t.bus.sendRaw("spat", peerRsuId, TRUNCATED_SPAT, "a truncated SPAT"));
    const after = await t.bus.collect("bsm", observeMs);
    const lastAfter = after.at(-1);
    const evidence = lastAfter === undefined ? [] : [t.bus.evidence(lastAfter, `the last of ${after.length} BSMs in the ${observeMs} ms after the malformed input`)];
    const expected = Math.floor(before.length * (1 - bsmRateTolerance)) - 1;
    if (after.length < expected) return t.fail("CSAE53-2020-BSM-ROBUST-INPUT", `${after.length} BSM(s) in the ${observeMs} ms after the malformed MAP and SPAT, ${before.length} before; at least ${expected} expected`, evidence);
    if (before.some(invalid)) {
      t.note("BSMs broke rules before the malformed input already (TP/OBU/BSM/BV-01 judges that); only that they kept coming is judged here");
      return t.pass("CSAE53-2020-BSM-ROBUST-INPUT", `${after.length} BSMs in the ${observeMs} ms after the malformed MAP and SPAT, ${before.length} before`, evidence);
    }
    const broken = after.filter(invalid);
    const firstBroken = broken[0];
    if (firstBroken === undefined) return t.pass("CSAE53-2020-BSM-ROBUST-INPUT", `${after.length} valid BSMs in the ${observeMs} ms after the malformed MAP and SPAT, ${before.length} before`, evidence);
    const brokenEvidence = broken.slice(0, 3).map((o) => t.bus.evidence(o, t.bus.violations(o).join("; ")));
    t.fail("CSAE53-2020-BSM-ROBUST-INPUT", `${broken.length} of ${after.length} BSMs after the malformed input break a rule, none before: ${t.bus.violations(firstBroken)[0] ?? ""}`, [...evidence, ...brokenEvidence]);
  },
});
