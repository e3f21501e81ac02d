import { countVerdicts, type MutantResult, type RunReport, type SelftestReport, type TestResult } from "../conformance/verdict.ts";
import { escapeXmlAttribute as attr, escapeXmlText as text } from "./escape-xml.ts";
import { formatOffset } from "./format-time.ts";

/*
 * JUnit XML for CI. One <testsuite> per run (`v2x.<role>`), one <testcase> per test purpose.
 * `inconc` is written as <skipped message="inconclusive: …">: the SUT gave too little to decide, which
 * is not a failure of the SUT, so CI must not go red on it; as a skip it still shows in every JUnit
 * viewer and in the skipped count.
 */

interface Suite {
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
  readonly durationMs: number;
  readonly xml: string;
}

/** One JUnit document with a testsuite per run. */
export function renderJunit(reports: readonly RunReport[]): string {
  return junitDocument(reports.map(runSuite));
}

/** The reference runs' testsuites, plus `v2x.selftest` with one testcase per mutant (failing when it survived). */
export function renderSelftestJunit(report: SelftestReport): string {
  return junitDocument([...report.references.map(runSuite), mutantSuite(report)]);
}

function junitDocument(suites: readonly Suite[]): string {
  const sum = (key: keyof Omit<Suite, "xml">) => suites.reduce((total, s) => total + s[key], 0);
  const totals = `tests="${sum("tests")}" failures="${sum("failures")}" errors="${sum("errors")}" skipped="${sum("skipped")}"`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="v2x" ${totals} time="${seconds(sum("durationMs"))}">`,
    ...suites.map((s) => s.xml),
    `</testsuites>`,
    ``,
  ].join("\n");
}

function runSuite(report: RunReport): Suite {
  const counts = countVerdicts(report.results);
  const suite = {
    tests: counts.total,
    failures: counts.fail,
    errors: counts.error,
    skipped: counts.skip + counts.inconc,
    durationMs: report.durationMs,
  };
  const standards = report.standards.map((s): [string, string] => ["standard", `${s.standard} ${s.version}`]);
  const children = [properties([["sut", report.sut], ...standards], "    "), ...report.results.map(testcase)];
  return { ...suite, xml: testsuite(`v2x.${report.role}`, suite, report.startedAt, children) };
}

function mutantSuite(report: SelftestReport): Suite {
  const survivors = report.mutants.filter((m) => !m.killed).length;
  const durationMs = report.mutants.reduce((total, m) => total + m.run.durationMs, 0);
  const suite = { tests: report.mutants.length, failures: survivors, errors: 0, skipped: 0, durationMs };
  return { ...suite, xml: testsuite("v2x.selftest", suite, report.startedAt, report.mutants.map(mutantCase)) };
}

function testsuite(name: string, suite: Omit<Suite, "xml">, timestamp: string, children: readonly string[]): string {
  const counts = `tests="${suite.tests}" failures="${suite.failures}" errors="${suite.errors}" skipped="${suite.skipped}"`;
  const open = `  <testsuite name="${attr(name)}" ${counts} time="${seconds(suite.durationMs)}" timestamp="${attr(timestamp)}">`;
  return [open, ...children.filter((c) => c !== ""), `  </testsuite>`].join("\n");
}

function testcase(result: TestResult): string {
  const area = result.id.split("/")[2] ?? "";
  const requirements = result.requirements.map((r): [string, string] => ["requirement", r.id]);
  return testcaseElement(`v2x.${result.role}.${area}`, `${result.id} ${result.title}`, result.durationMs, [
    properties(requirements, "      "),
    outcome(result),
  ]);
}

function mutantCase(mutant: MutantResult): string {
  const props = properties([["requirement", mutant.breaks], ...mutant.killedBy.map((id): [string, string] => ["killedBy", id])], "      ");
  const survived = mutant.killed
    ? ""
    : `      <failure message="${attr(`fault survived: no test citing ${mutant.breaks} failed`)}" type="survived">${text(survivorDetail(mutant))}</failure>`;
  return testcaseElement(`v2x.selftest.${mutant.role}`, `${mutant.role}/${mutant.fault}`, mutant.run.durationMs, [props, survived]);
}

/** What the fault does, then how each test citing the broken requirement ended. */
function survivorDetail(mutant: MutantResult): string {
  const citing = mutant.run.results.filter((r) => r.requirements.some((q) => q.id === mutant.breaks));
  const lines = citing.map((r) => `${r.id} ${r.verdict}: ${r.reason}`);
  return [mutant.summary, ...(lines.length > 0 ? lines : ["no test of the run cites it"])].join("\n");
}

function testcaseElement(classname: string, name: string, durationMs: number, children: readonly string[]): string {
  const open = `    <testcase classname="${attr(classname)}" name="${attr(name)}" time="${seconds(durationMs)}"`;
  const body = children.filter((c) => c !== "");
  return body.length === 0 ? `${open}/>` : [`${open}>`, ...body, `    </testcase>`].join("\n");
}

function outcome(result: TestResult): string {
  const indent = "      ";
  switch (result.verdict) {
    case "pass":
      return "";
    case "fail":
      return `${indent}<failure message="${attr(result.reason)}" type="fail">${text(evidenceLines(result))}</failure>`;
    case "error":
      return `${indent}<error message="${attr(result.reason)}" type="error">${text(evidenceLines(result))}</error>`;
    case "skip":
      return `${indent}<skipped message="${attr(result.reason)}"/>`;
    case "inconc":
      return `${indent}<skipped message="${attr(`inconclusive: ${result.reason}`)}"/>`;
  }
}

function evidenceLines(result: TestResult): string {
  return result.evidence
    .map((e) => [formatOffset(e.at - result.startedAt), e.kind, e.channel, e.summary].filter((part) => part !== "").join("  "))
    .join("\n");
}

function properties(entries: readonly (readonly [string, string])[], indent: string): string {
  if (entries.length === 0) return "";
  const lines = entries.map(([name, value]) => `${indent}  <property name="${attr(name)}" value="${attr(value)}"/>`);
  return [`${indent}<properties>`, ...lines, `${indent}</properties>`].join("\n");
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
