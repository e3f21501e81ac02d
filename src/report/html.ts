import { runPassed, VERDICTS, type MutantResult, type RunReport, type SelftestReport } from "../conformance/verdict.ts";
import { escapeHtml as esc } from "./escape-html.ts";
import { renderRunSection, verdictCounts } from "./html-run-section.ts";
import { formatDuration } from "./format-time.ts";
import { formatMutationScore } from "./mutation-score.ts";

/**
 * One self-contained HTML page (inline CSS, no external resources, no script) for a run, several
 * runs, or a selftest. The verdict filter at the top works through CSS alone.
 */
export function renderHtml(report: RunReport | readonly RunReport[] | SelftestReport): string {
  if (isRunList(report)) return page(`v2x run: ${report.map((r) => r.role).join(", ")}`, runsBody(report));
  if ("mutants" in report) return page("v2x selftest", selftestBody(report));
  return page(`v2x run: ${report.role} · ${report.sut}`, runsBody([report]));
}

function isRunList(report: RunReport | readonly RunReport[] | SelftestReport): report is readonly RunReport[] {
  return Array.isArray(report);
}

function runsBody(reports: readonly RunReport[]): string {
  return reports.map((r, i) => renderRunSection(r, `run${i}`)).join("\n");
}

function selftestBody(report: SelftestReport): string {
  const allKilled = report.mutants.every((m) => m.killed);
  return [
    `<dl class="meta"><dt>Started</dt><dd>${esc(report.startedAt)}</dd><dt>Duration</dt><dd>${formatDuration(report.durationMs)}</dd>` +
      `<dt>Tool</dt><dd>${esc(`${report.tool.name} ${report.tool.version}`)}</dd></dl>`,
    ...(report.mutants.length === 0 ? [] : [`<p class="score ${allKilled ? "v-pass" : "v-fail"}">mutation score ${esc(formatMutationScore(report.mutants))}</p>`]),
    `<h2>Reference runs</h2>`,
    referenceTable(report.references),
    ...(report.mutants.length === 0 ? [] : [`<h2>Mutants</h2>`, mutantTable(report.mutants)]),
    ...report.references.map((r, i) => renderRunSection(r, `ref${i}`)),
  ].join("\n");
}

function referenceTable(references: readonly RunReport[]): string {
  const rows = references.map((r, i) => {
    // As selftestPassed: a reference run must also be free of inconclusive verdicts.
    const passed = runPassed(r.summary) && r.summary.inconc === 0;
    const result = `<span class="badge ${passed ? "v-pass" : "v-fail"}">${passed ? "passed" : "failed"}</span>`;
    return `<tr><td><a href="#ref${i}">${esc(r.role)}</a></td><td>${esc(r.sut)}</td><td>${result}</td><td>${verdictCounts(r)}</td></tr>`;
  });
  const head = `<thead><tr><th>Role</th><th>SUT</th><th>Result</th><th>Verdicts</th></tr></thead>`;
  return [`<table class="references">`, head, `<tbody>`, ...rows, `</tbody>`, `</table>`].join("\n");
}

function mutantTable(mutants: readonly MutantResult[]): string {
  const rows = mutants.map((m) => {
    const killed = `<span class="badge ${m.killed ? "v-pass" : "v-fail"}">${m.killed ? "yes" : "no"}</span>`;
    const cells = [
      `<code>${esc(`${m.role}/${m.fault}`)}</code>`,
      `<code>${esc(m.breaks)}</code>`,
      killed,
      m.killedBy.map((id) => `<code>${esc(id)}</code>`).join("<br>"),
      esc(m.summary),
    ];
    return `<tr data-killed="${m.killed}">${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`;
  });
  const head = `<thead><tr><th>Fault</th><th>Breaks</th><th>Killed</th><th>Killed by</th><th>What the fault does</th></tr></thead>`;
  return [`<table class="mutants">`, head, `<tbody>`, ...rows, `</tbody>`, `</table>`].join("\n");
}

function page(title: string, body: string): string {
  return [
    `<!doctype html>`,
    `<html lang="en">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    `</head>`,
    `<body>`,
    `<h1>${esc(title)}</h1>`,
    verdictFilter(),
    body,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}

/** Checkboxes that hide tests of a verdict through :has(), so filtering needs no script. */
function verdictFilter(): string {
  const boxes = VERDICTS.map((v) => `<label class="v-${v}"><input type="checkbox" id="show-${v}" checked> ${v}</label>`);
  return `<form class="filter">Show: ${boxes.join(" ")}</form>`;
}

const FILTER_RULES = VERDICTS.map((v) => `body:has(#show-${v}:not(:checked)) [data-verdict="${v}"] { display: none; }`).join("\n");

const STYLE = `
:root { --pass: #1a7f37; --fail: #cf222e; --inconc: #9a6700; --skip: #6e7781; --error: #8250df; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3 { line-height: 1.25; } h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; margin-top: 2.5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #d0d7de; }
th { background: #f6f8fa; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
pre { background: #f6f8fa; padding: .5rem; margin: 0; overflow: auto; max-height: 24rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; }
details { border: 1px solid #d0d7de; border-radius: 6px; padding: .3rem .8rem; margin: .5rem 0; }
details > summary { cursor: pointer; }
.v-pass { --c: var(--pass); } .v-fail { --c: var(--fail); } .v-inconc { --c: var(--inconc); }
.v-skip, .v-not-executed, .v-not-tested { --c: var(--skip); } .v-error { --c: var(--error); }
.v { color: var(--c); font-weight: 600; }
.badge { display: inline-block; padding: 0 .6rem; border-radius: 1rem; background: var(--c); color: #fff; font-weight: 600; }
.score { font-size: 1.4rem; font-weight: 700; color: var(--c); }
.muted, .total { color: #57606a; }
.filter label { color: var(--c); font-weight: 600; margin-right: .5rem; }
.timeline { width: 100%; height: auto; display: block; margin: .5rem 0; }
.legend .swatch { display: inline-block; width: .8rem; height: .8rem; margin: 0 .3rem 0 .6rem; vertical-align: middle; }
tr[data-coverage="not-tested"], tr[data-coverage="not-executed"] { background: #f6f8fa; }
${FILTER_RULES}
`;
