import { VERDICTS, type EvidenceItem, type RunReport, type TestResult } from "../conformance/verdict.ts";
import { escapeHtml as esc } from "./escape-html.ts";
import { renderCoverage } from "./html-coverage.ts";
import { KIND_COLOURS, renderTimeline } from "./html-timeline.ts";
import { formatDuration, formatOffset } from "./format-time.ts";

/**
 * One run as an HTML <section>: header, verdict counts, test table, per-test evidence with a
 * timeline, requirement coverage, and the PICS/PIXIT it was given. `key` makes element ids unique
 * when a page holds several runs.
 */
export function renderRunSection(report: RunReport, key: string): string {
  return [
    `<section class="run" id="${esc(key)}">`,
    `<h2>${esc(report.role)} · ${esc(report.sut)}</h2>`,
    runHeader(report),
    verdictCounts(report),
    `<h3>Tests</h3>`,
    testTable(report, key),
    `<h3>Evidence</h3>`,
    legend(),
    ...report.results.map((r, i) => testDetails(r, `${key}-t${i}`)),
    `<h3>Requirement coverage</h3>`,
    renderCoverage(report.coverage),
    runInputs(report),
    `</section>`,
  ].join("\n");
}

/** Counts as coloured badges, e.g. "3 pass". */
export function verdictCounts(report: Pick<RunReport, "summary">): string {
  const badges = VERDICTS.map((v) => `<span class="badge v-${v}">${report.summary[v]} ${v}</span>`);
  return `<p class="counts">${badges.join(" ")} <span class="total">${report.summary.total} tests</span></p>`;
}

function runHeader(report: RunReport): string {
  const standards = report.standards.map((s) => `${s.standard} ${s.version}`).join(", ");
  const fields: [string, string][] = [
    ["Role", report.role],
    ["SUT", report.sut],
    ["Started", report.startedAt],
    ["Duration", formatDuration(report.durationMs)],
    ["Standards", standards],
    ["Tool", `${report.tool.name} ${report.tool.version}`],
  ];
  return `<dl class="meta">${fields.map(([k, v]) => `<dt>${k}</dt><dd>${esc(v)}</dd>`).join("")}</dl>`;
}

function testTable(report: RunReport, key: string): string {
  const rows = report.results.map((r, i) => {
    const requirements = r.requirements.map((q) => `<code class="v v-${q.verdict}" title="${esc(`${q.level} ${q.verdict}: ${q.reason}`)}">${esc(q.id)}</code>`);
    const cells = [
      `<a href="#${esc(`${key}-t${i}`)}"><code>${esc(r.id)}</code></a>`,
      esc(r.title),
      verdictLabel(r.verdict),
      esc(r.reason),
      formatDuration(r.durationMs),
      requirements.join("<br>"),
    ];
    return `<tr data-verdict="${r.verdict}">${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`;
  });
  const head = `<thead><tr><th>Test</th><th>Title</th><th>Verdict</th><th>Reason</th><th>Duration</th><th>Requirements</th></tr></thead>`;
  return [`<table class="tests">`, head, `<tbody>`, ...rows, `</tbody>`, `</table>`].join("\n");
}

function testDetails(result: TestResult, id: string): string {
  const open = result.verdict === "fail" || result.verdict === "error" ? " open" : "";
  return [
    `<details id="${esc(id)}" data-verdict="${result.verdict}"${open}>`,
    `<summary>${verdictLabel(result.verdict)} <code>${esc(result.id)}</code> ${esc(result.title)}</summary>`,
    `<p>${esc(result.reason)}</p>`,
    renderTimeline(result),
    requirementTable(result),
    evidenceTable(result),
    `</details>`,
  ]
    .filter((part) => part !== "")
    .join("\n");
}

function requirementTable(result: TestResult): string {
  if (result.requirements.length === 0) return "";
  const rows = result.requirements.map(
    (q) => `<tr><td><code>${esc(q.id)}</code></td><td>${esc(q.level)}</td><td><span class="v v-${q.verdict}">${esc(q.verdict)}</span></td><td>${esc(q.reason)}</td></tr>`,
  );
  const head = `<thead><tr><th>Requirement</th><th>Level</th><th>Verdict</th><th>Reason</th></tr></thead>`;
  return [`<table class="requirements">`, head, `<tbody>`, ...rows, `</tbody>`, `</table>`].join("\n");
}

function evidenceTable(result: TestResult): string {
  if (result.evidence.length === 0) return `<p class="muted">No evidence recorded.</p>`;
  const rows = result.evidence.map((e) => evidenceRow(e, result.startedAt));
  const head = `<thead><tr><th>Time</th><th>Kind</th><th>Channel</th><th>Summary</th></tr></thead>`;
  return [`<table class="evidence">`, head, `<tbody>`, ...rows, `</tbody>`, `</table>`].join("\n");
}

function evidenceRow(item: EvidenceItem, startedAt: number): string {
  const cells = [formatOffset(item.at - startedAt), item.kind, item.channel, item.summary].map((c) => `<td>${esc(c)}</td>`);
  const row = `<tr class="kind-${item.kind}">${cells.join("")}</tr>`;
  return item.message === undefined ? row : `${row}\n<tr class="message"><td></td><td colspan="3"><pre>${esc(prettyJson(item.message))}</pre></td></tr>`;
}

function runInputs(report: RunReport): string {
  return [
    `<details class="inputs">`,
    `<summary>Run inputs (PICS and PIXIT)</summary>`,
    `<h4>PICS</h4><pre>${esc(prettyJson(report.pics))}</pre>`,
    `<h4>PIXIT</h4><pre>${esc(prettyJson(report.pixit))}</pre>`,
    `</details>`,
  ].join("\n");
}

function legend(): string {
  const items = Object.entries(KIND_COLOURS).map(([kind, colour]) => `<span><span class="swatch" style="background:${colour}"></span>${kind}</span>`);
  return `<p class="legend">Timeline ticks: ${items.join(" ")}</p>`;
}

function verdictLabel(verdict: string): string {
  return `<span class="badge v-${verdict}">${esc(verdict)}</span>`;
}

function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? "undefined";
}
