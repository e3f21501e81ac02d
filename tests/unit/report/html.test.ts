import { describe, expect, it } from "vitest";
import { renderHtml } from "../../../src/report/html.ts";
import { RUN, SELFTEST } from "./sample-reports.ts";

const html = renderHtml(RUN);

/** The text of the first element matching `open` up to its closing tag. */
function section(source: string, open: RegExp, tag: string): string {
  const start = source.search(open);
  if (start < 0) throw new Error(`no ${String(open)}`);
  return source.slice(start, source.indexOf(`</${tag}>`, start) + tag.length + 3);
}

describe("renderHtml of a run", () => {
  it("escapes every text from the records, a <script> in a reason included", () => {
    const evil = `<script>alert("x")</script>`;
    const out = renderHtml({ ...RUN, sut: evil, results: RUN.results.map((r) => ({ ...r, title: evil, reason: evil })) });
    expect(out).not.toContain("<script");
    expect(out).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&quot;note&quot;: &quot;&lt;b&gt;&quot;");
  });

  it("is one self-contained page: inline style, no script, nothing fetched", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("<style>");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(|@import|href="(?!#)/);
  });

  it("heads the run with role, SUT, start time and standards", () => {
    const meta = section(html, /<dl class="meta">/, "dl");
    for (const text of ["<dd>tbox</dd>", "<dd>tbox-lab-7</dd>", "<dd>2025-03-01T08:00:00.000Z</dd>", "<dd>GB/T 32960.3 2016</dd>", "<dd>31.7 s</dd>"]) {
      expect(meta).toContain(text);
    }
  });

  it("shows the verdict counts as coloured badges", () => {
    const counts = section(html, /<p class="counts">/, "p");
    expect(counts).toContain(`<span class="badge v-pass">1 pass</span>`);
    expect(counts).toContain(`<span class="badge v-fail">1 fail</span>`);
    expect(counts).toContain("5 tests");
    expect(html).toMatch(/\.v-inconc \{ --c: var\(--inconc\); \}/);
  });

  it("lists every test in the table, linked to its evidence", () => {
    const rows = section(html, /<table class="tests">/, "table").match(/<tr data-verdict="\w+">.*<\/tr>/g) ?? [];
    expect(rows.map((r) => /data-verdict="(\w+)"/.exec(r)?.[1])).toEqual(["pass", "fail", "inconc", "skip", "error"]);
    expect(rows[1]).toContain(`<a href="#run0-t1"><code>TP/TBOX/REALTIME/BV-01</code></a>`);
    expect(rows[1]).toContain("27.0 s");
    expect(rows[1]).toContain(">GBT32960-2016-B.2.1-PERIOD</code>");
    expect(html).toContain(`<details id="run0-t1" data-verdict="fail" open>`);
    expect(html).toContain(`<details id="run0-t0" data-verdict="pass">`);
  });

  it("shows each evidence item with its time from the test start and its message as JSON", () => {
    const details = section(html, /<details id="run0-t1"/, "details");
    expect(details).toContain("<td>+0.000 s</td><td>stimulus</td><td>vehicle/LSVAA/down</td><td>set period 10 s</td>");
    expect(details).toContain("<td>+27.000 s</td><td>note</td><td></td><td>no report for 25 s</td>");
    expect(details).toContain(`<pre>{\n  &quot;speed&quot;: 12,`);
    expect(section(html, /<details id="run0-t2"/, "details")).toContain("No evidence recorded.");
  });

  it("draws a timeline per test with one tick per evidence item, placed by time and coloured by kind", () => {
    expect(html.match(/<svg class="timeline"/g)).toHaveLength(RUN.results.length);
    const svg = section(section(html, /<details id="run0-t1"/, "details"), /<svg/, "svg");
    const ticks = [...svg.matchAll(/<line class="tick" data-kind="(\w+)" x1="([\d.]+)"[^>]*stroke="(#\w+)"/g)].map((m) => [m[1], m[2], m[3]]);
    expect(ticks).toEqual([
      ["stimulus", "10.0", "#bc4c00"],
      ["observed", "82.6", "#0969da"],
      ["note", "990.0", "#6e7781"],
    ]);
    expect(svg).toContain("<title>+2.000 s observed: realtime report</title>");
  });

  it("pins evidence outside the test's span to the timeline's ends", () => {
    const base = RUN.results[1]!;
    const evidence = [-500, 99_000].map((offset) => ({ at: base.startedAt + offset, kind: "note" as const, channel: "", summary: `at ${offset}` }));
    const xs = (result: typeof base) =>
      [...renderHtml({ ...RUN, results: [result] }).matchAll(/<line class="tick"[^>]* x1="([\d.]+)"/g)].map((m) => m[1]);
    expect(xs({ ...base, evidence })).toEqual(["10.0", "990.0"]);
    expect(xs({ ...base, evidence, durationMs: 0 })).toEqual(["10.0", "10.0"]);
  });

  it("lists every requirement with its coverage and counts the untested apart", () => {
    const table = section(html, /<table class="coverage">/, "table");
    expect(table.match(/<tr data-coverage=/g)).toHaveLength(RUN.coverage.length);
    expect(table).toContain(
      `<tr data-coverage="not-tested"><td><code>GBT32960-2016-B.3-HEARTBEAT</code></td><td>MUST</td><td>GB/T 32960.3 2016 B.3</td>` +
        `<td>statement of GBT32960-2016-B.3-HEARTBEAT</td><td><span class="muted">none</span></td>`,
    );
    expect(html).toContain("6 requirements: 4 checked (2 passed, 1 failed, 1 inconclusive), <strong>2 untested</strong>");
  });

  it("filters tests by verdict without a script", () => {
    expect(html).toContain(`<input type="checkbox" id="show-skip" checked>`);
    expect(html).toContain(`body:has(#show-skip:not(:checked)) [data-verdict="skip"] { display: none; }`);
  });

  it("renders several runs with ids that do not collide", () => {
    const two = renderHtml([RUN, { ...RUN, role: "obu" }]);
    expect(two).toContain("<title>v2x run: tbox, obu</title>");
    expect(two).toContain(`<details id="run1-t0"`);
    expect(two.match(/<section class="run"/g)).toHaveLength(2);
  });
});

describe("renderHtml of a selftest", () => {
  const page = renderHtml(SELFTEST);

  it("heads with the mutation score, red while a mutant survives", () => {
    expect(page).toContain(`<p class="score v-fail">mutation score 1/2 (50 %)</p>`);
    const clean = renderHtml({ ...SELFTEST, mutants: [SELFTEST.mutants[0]!] });
    expect(clean).toContain(`<p class="score v-pass">mutation score 1/1 (100 %)</p>`);
  });

  it("shows the fault → breaks → killed → killed by matrix", () => {
    const rows = section(page, /<table class="mutants">/, "table").match(/<tr data-killed=.*<\/tr>/g) ?? [];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/tbox\/slow-period.*GBT32960-2016-B\.2\.1-PERIOD.*>yes<.*TP\/TBOX\/REALTIME\/BV-01/);
    expect(rows[1]).toMatch(/tbox\/no-reissue.*GBT32960-2016-B\.2\.8-REISSUE.*>no<\/span><\/td><td><\/td><td>drops what an outage held back<\/td><\/tr>$/);
  });

  it("includes each reference run's section, not the mutants' runs", () => {
    expect(page.match(/<section class="run"/g)).toHaveLength(1);
    expect(page).toContain(`<section class="run" id="ref0">`);
    expect(page).toContain("reference-tbox");
    expect(page).not.toContain("tbox-lab-7");
    expect(section(page, /<table class="references">/, "table")).toContain(`<span class="badge v-pass">passed</span>`);
  });
});
