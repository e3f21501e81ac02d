import { describe, expect, it } from "vitest";
import { renderJunit, renderSelftestJunit } from "../../../src/report/junit.ts";
import { findAll, parseXml, type XmlElement } from "./parse-xml.ts";
import { RUN, SELFTEST, withReason } from "./sample-reports.ts";

function testcase(root: XmlElement, id: string): XmlElement {
  const found = findAll(root, "testcase").find((c) => c.attributes["name"]?.startsWith(`${id} `));
  if (found === undefined) throw new Error(`no testcase for ${id}`);
  return found;
}

describe("renderJunit", () => {
  const root = parseXml(renderJunit([RUN]));

  it("writes one testsuite per run with its counts, inconclusive counted as skipped", () => {
    expect(root.name).toBe("testsuites");
    const suites = findAll(root, "testsuite");
    expect(suites.map((s) => s.attributes)).toEqual([
      { name: "v2x.tbox", tests: "5", failures: "1", errors: "1", skipped: "2", time: "31.734", timestamp: "2025-03-01T08:00:00.000Z" },
    ]);
    expect(root.attributes).toMatchObject({ tests: "5", failures: "1", errors: "1", skipped: "2", time: "31.734" });
    expect(findAll(suites[0]!, "testcase")).toHaveLength(5);
  });

  it("names each testcase by TP id and title, classed by role and area", () => {
    const pass = testcase(root, "TP/TBOX/LOGIN/BV-01");
    expect(pass.attributes).toEqual({ classname: "v2x.tbox.LOGIN", name: "TP/TBOX/LOGIN/BV-01 Logs in before anything else", time: "3.000" });
    expect(findAll(pass, "failure")).toEqual([]);
    expect(findAll(pass, "property").map((p) => p.attributes)).toEqual([{ name: "requirement", value: "GBT32960-2016-B.1-LOGIN-FIRST" }]);
  });

  it("writes a fail as <failure> with the reason and the evidence lines relative to the test start", () => {
    const fail = testcase(root, "TP/TBOX/REALTIME/BV-01");
    expect(fail.attributes["classname"]).toBe("v2x.tbox.REALTIME");
    const [failure] = findAll(fail, "failure");
    expect(failure?.attributes["message"]).toBe("<script>alert(1)</script> gap of 25 s");
    expect(failure?.text.split("\n")).toEqual([
      "+0.000 s  stimulus  vehicle/LSVAA/down  set period 10 s",
      "+2.000 s  observed  vehicle/LSVAA/up  realtime report",
      "+27.000 s  note  no report for 25 s",
    ]);
    expect(findAll(fail, "property").map((p) => p.attributes["value"])).toEqual(["GBT32960-2016-B.2.1-PERIOD", "GBT32960-2016-TBOX-VALID"]);
  });

  it("writes error as <error>, skip as <skipped>, inconc as <skipped> marked inconclusive", () => {
    const [error] = findAll(testcase(root, "TP/TBOX/LOGOUT/BV-01"), "error");
    expect(error?.attributes["message"]).toBe("broker connection lost");
    expect(error?.text).toBe("+0.100 s  note  ECONNRESET");
    const skip = testcase(root, "TP/TBOX/ALARM/BV-02");
    expect(findAll(skip, "skipped").map((s) => s.attributes["message"])).toEqual(["PICS TBOX_ALARM_L3 is false"]);
    expect(findAll(skip, "properties")).toEqual([]);
    const inconc = testcase(root, "TP/TBOX/REISSUE/BV-01");
    expect(findAll(inconc, "skipped").map((s) => s.attributes["message"])).toEqual(["inconclusive: the outage was too short to hold anything back"]);
    expect(findAll(inconc, "failure")).toEqual([]);
  });

  it("escapes markup, quotes, line breaks and characters XML 1.0 forbids", () => {
    const reason = `a<b & "c" 'd'\u0001\nnext\tcol \uD800 end`;
    const xml = renderJunit([withReason(RUN, reason)]);
    expect(xml).not.toContain("\u0001");
    expect(xml).not.toContain("\uD800");
    expect(xml).toContain(`message="a&lt;b &amp; &quot;c&quot; &apos;d&apos;\\u0001&#10;next&#9;col \\uD800 end"`);
    const [failure] = findAll(testcase(parseXml(xml), "TP/TBOX/REALTIME/BV-01"), "failure");
    expect(failure?.attributes["message"]).toBe(`a<b & "c" 'd'\\u0001\nnext\tcol \\uD800 end`);
  });

  it("keeps a surrogate pair and escapes element text", () => {
    const run = { ...RUN, results: [{ ...RUN.results[1]!, evidence: [{ at: 0, kind: "note" as const, channel: "", summary: "🚗 </failure> & \u001f" }] }] };
    const [failure] = findAll(parseXml(renderJunit([run])), "failure");
    expect(failure?.text).toMatch(/🚗 <\/failure> & \\u001F$/);
  });

  it("writes an empty document for no runs", () => {
    const empty = parseXml(renderJunit([]));
    expect(empty.attributes).toEqual({ name: "v2x", tests: "0", failures: "0", errors: "0", skipped: "0", time: "0.000" });
    expect(empty.children).toEqual([]);
  });
});

describe("renderSelftestJunit", () => {
  const root = parseXml(renderSelftestJunit(SELFTEST));
  const suites = findAll(root, "testsuite");

  it("writes the reference runs, then one v2x.selftest testcase per mutant", () => {
    expect(suites.map((s) => s.attributes["name"])).toEqual(["v2x.tbox", "v2x.selftest"]);
    expect(suites[1]?.attributes).toMatchObject({ tests: "2", failures: "1", errors: "0", skipped: "0", time: "63.468" });
    expect(root.attributes).toMatchObject({ tests: "4", failures: "1", skipped: "1" });
    const cases = findAll(suites[1]!, "testcase");
    expect(cases.map((c) => [c.attributes["classname"], c.attributes["name"]])).toEqual([
      ["v2x.selftest.tbox", "tbox/slow-period"],
      ["v2x.selftest.tbox", "tbox/no-reissue"],
    ]);
  });

  it("fails a surviving mutant with the requirement it breaks and how the citing tests ended", () => {
    const [killed, survivor] = findAll(suites[1]!, "testcase");
    expect(findAll(killed!, "failure")).toEqual([]);
    expect(findAll(killed!, "property").map((p) => p.attributes)).toEqual([
      { name: "requirement", value: "GBT32960-2016-B.2.1-PERIOD" },
      { name: "killedBy", value: "TP/TBOX/REALTIME/BV-01" },
    ]);
    const [failure] = findAll(survivor!, "failure");
    expect(failure?.attributes["message"]).toBe("fault survived: no test citing GBT32960-2016-B.2.8-REISSUE failed");
    expect(failure?.text.split("\n")).toEqual([
      "drops what an outage held back",
      "TP/TBOX/REISSUE/BV-01 inconc: the outage was too short to hold anything back",
    ]);
  });
});
