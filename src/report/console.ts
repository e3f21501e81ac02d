import { runPassed, VERDICTS, type MutantResult, type RunReport, type SelftestReport, type TestResult, type Verdict } from "../conformance/verdict.ts";
import { coverageSummary } from "./coverage.ts";
import { formatDuration } from "./format-time.ts";
import { formatMutationScore } from "./mutation-score.ts";

/*
 * Console lines. Callers pass `color` (true only on a TTY); without it the lines are plain text.
 * Text from the records may come from the SUT, so control characters (escape sequences, line
 * breaks) are shown as "\uXXXX" rather than reaching the terminal.
 */

const ANSI: Readonly<Record<Verdict, string>> = { pass: "32", fail: "31", inconc: "33", skip: "90", error: "35" };
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
const RED = "31";
const GREEN = "32";

/** Counts, each test that did not pass, then requirement coverage. */
export function formatSummary(report: RunReport, color: boolean): string[] {
  const coverage = coverageSummary(report.coverage);
  return [
    `${report.role} (SUT ${safe(report.sut)}): ${formatCounts(report, color)}  (${formatDuration(report.durationMs)})`,
    ...report.results.filter((r) => r.verdict !== "pass").map((r) => formatNonPass(r, color)),
    `requirements: ${coverage.checked} of ${coverage.requirements} checked, ${coverage.failed} failed`,
  ];
}

/** One line per reference run (with the tests that kept it from passing), one per mutant, then the score. */
export function formatSelftest(report: SelftestReport, color: boolean): string[] {
  return [
    ...report.references.flatMap((r) => formatReference(r, color)),
    // A references-only run (the main job) has no mutants, and so no score worth printing.
    ...(report.mutants.length === 0 ? [] : [...formatMutants(report.mutants, color), `mutation score ${formatMutationScore(report.mutants)}`]),
  ];
}

/** The line printed as each test finishes, e.g. "  pass   TP/OBU/BSM/BV-01  Every BSM is valid  (3.0 s)". */
export function formatProgress(result: TestResult, color: boolean): string {
  return `  ${paint(result.verdict.padEnd(6), ANSI[result.verdict], color)} ${safe(result.id)}  ${safe(result.title)}  (${formatDuration(result.durationMs)})`;
}

function formatCounts(report: Pick<RunReport, "summary">, color: boolean): string {
  const counts = VERDICTS.map((v) => {
    const n = report.summary[v];
    return n > 0 ? paint(`${n} ${v}`, ANSI[v], color) : `${n} ${v}`;
  });
  return `${report.summary.total} tests: ${counts.join(", ")}`;
}

function formatNonPass(result: TestResult, color: boolean): string {
  return `${paint(result.verdict.toUpperCase().padEnd(6), ANSI[result.verdict], color)} ${safe(result.id)}  ${safe(result.title)} — ${safe(result.reason)}`;
}

function formatReference(report: RunReport, color: boolean): string[] {
  // As selftestPassed: a reference run must also be free of inconclusive verdicts.
  const passed = runPassed(report.summary) && report.summary.inconc === 0;
  const status = passed ? paint("passed", GREEN, color) : paint("FAILED", RED, color);
  const blocking = report.results.filter((r) => r.verdict === "fail" || r.verdict === "inconc" || r.verdict === "error");
  return [
    `reference ${report.role.padEnd(8)} ${status}  ${formatCounts(report, color)}`,
    ...blocking.map((r) => `  ${formatNonPass(r, color)}`),
  ];
}

function formatMutants(mutants: readonly MutantResult[], color: boolean): string[] {
  const name = (m: MutantResult) => safe(`${m.role}/${m.fault}`);
  const nameWidth = Math.max(0, ...mutants.map((m) => name(m).length));
  const breaksWidth = Math.max(0, ...mutants.map((m) => safe(m.breaks).length));
  return mutants.map((m) => {
    const label = m.killed ? paint("killed".padEnd(8), GREEN, color) : paint("SURVIVED", RED, color);
    const columns = `${label}  ${name(m).padEnd(nameWidth)}  ${safe(m.breaks).padEnd(breaksWidth)}`;
    return m.killed ? `${columns}  by ${safe(m.killedBy.join(", "))}` : columns.trimEnd();
  });
}

function paint(text: string, code: string, color: boolean): string {
  return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

function safe(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}
