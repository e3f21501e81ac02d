import type { RequirementCoverage } from "../conformance/verdict.ts";
import { coverageSummary } from "./coverage.ts";
import { escapeHtml as esc } from "./escape-html.ts";

/** Every requirement of the role's catalogue with the tests citing it and the run's verdict on it. */
export function renderCoverage(coverage: readonly RequirementCoverage[]): string {
  const s = coverageSummary(coverage);
  const inconc = s.checked - s.passed - s.failed;
  return [
    `<p class="coverage-summary">${s.requirements} requirements: ${s.checked} checked (${s.passed} passed, ${s.failed} failed, ${inconc} inconclusive), <strong>${s.untested} untested</strong></p>`,
    `<table class="coverage">`,
    `<thead><tr><th>Requirement</th><th>Level</th><th>Clause</th><th>Statement</th><th>Tested by</th><th>Verdict</th></tr></thead>`,
    `<tbody>`,
    ...coverage.map(row),
    `</tbody>`,
    `</table>`,
  ].join("\n");
}

function row(c: RequirementCoverage): string {
  const testedBy = c.testedBy.length > 0 ? c.testedBy.map((id) => `<code>${esc(id)}</code>`).join("<br>") : `<span class="muted">none</span>`;
  const cells = [
    `<code>${esc(c.id)}</code>`,
    esc(c.level),
    `${esc(c.standard)} ${esc(c.version)} ${esc(c.clause)}`,
    esc(c.statement),
    testedBy,
    `<span class="v v-${c.verdict}">${esc(c.verdict)}</span>`,
  ];
  return `<tr data-coverage="${c.verdict}">${cells.map((cell) => `<td>${cell}</td>`).join("")}</tr>`;
}
