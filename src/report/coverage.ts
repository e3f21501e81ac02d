import type { RequirementCoverage } from "../conformance/verdict.ts";

/**
 * Requirement coverage of one run. `checked` counts requirements a test of the run looked at
 * (pass, fail or inconc); `untested` the rest (no test of the run cites it, or the citing tests
 * ended before looking), so `checked + untested === requirements`.
 */
export interface CoverageSummary {
  readonly requirements: number;
  readonly checked: number;
  readonly passed: number;
  readonly failed: number;
  readonly untested: number;
}

export function coverageSummary(coverage: readonly RequirementCoverage[]): CoverageSummary {
  const count = (...verdicts: RequirementCoverage["verdict"][]) => coverage.filter((c) => verdicts.includes(c.verdict)).length;
  return {
    requirements: coverage.length,
    checked: count("pass", "fail", "inconc"),
    passed: count("pass"),
    failed: count("fail"),
    untested: count("not-executed", "not-tested"),
  };
}
