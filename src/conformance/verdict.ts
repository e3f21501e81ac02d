/**
 * The verdict records a run produces (ARCHITECTURE.md §7). Everything here is plain JSON: the
 * reporters (src/report) read these records and nothing else.
 */

/** The roles a system under test can play. */
export const SUT_ROLES = ["obu", "rsu", "tbox", "platform", "vss"] as const;
export type SutRole = (typeof SUT_ROLES)[number];

export function isSutRole(value: string): value is SutRole {
  return (SUT_ROLES as readonly string[]).includes(value);
}

/**
 * pass: every requirement the test checks held. fail: the SUT broke one. inconc: the SUT gave too
 * little to decide (e.g. went silent where silence is not itself the violation). skip: not
 * applicable (a PICS item is false, or PIXIT lacks what the test needs). error: the harness itself
 * failed; never the SUT's fault.
 */
export type Verdict = "pass" | "fail" | "inconc" | "skip" | "error";
export const VERDICTS: readonly Verdict[] = ["pass", "fail", "inconc", "skip", "error"];

export type RequirementLevel = "MUST" | "SHOULD";

/** What one test decided about one requirement it checks. */
export interface RequirementVerdict {
  readonly id: string;
  readonly level: RequirementLevel;
  /** "not-executed" when the test ended before it looked at this requirement. */
  readonly verdict: "pass" | "fail" | "inconc" | "not-executed";
  readonly reason: string;
}

/** One thing the harness saw or did that a verdict rests on. */
export interface EvidenceItem {
  /** When, ms since the epoch (the observation's arrival time, or the stimulus' send time). */
  readonly at: number;
  /** "observed" (from the SUT), "stimulus" (sent by the harness to the SUT), or "note". */
  readonly kind: "observed" | "stimulus" | "note";
  /** Topic, WebSocket URL or link name; "" for a note. */
  readonly channel: string;
  /** One line a person reads: what it was and why it matters. */
  readonly summary: string;
  /** The decoded message (JSON), when there is one. */
  readonly message?: unknown;
}

/** The result of one test purpose. */
export interface TestResult {
  /** e.g. "TP/OBU/BSM/BV-01". */
  readonly id: string;
  readonly title: string;
  readonly role: SutRole;
  readonly verdict: Verdict;
  /** One line: why this verdict (for skip: the PICS or PIXIT condition that was not met). */
  readonly reason: string;
  readonly requirements: readonly RequirementVerdict[];
  readonly evidence: readonly EvidenceItem[];
  /** ms since the epoch. */
  readonly startedAt: number;
  readonly durationMs: number;
}

export interface StandardVersion {
  readonly standard: string;
  readonly version: string;
}

/** A catalogue entry as reports show it, with the tests of this run that check it. */
export interface RequirementCoverage {
  readonly id: string;
  readonly standard: string;
  readonly version: string;
  readonly clause: string;
  readonly level: RequirementLevel;
  readonly statement: string;
  /** Test purposes of the suite that cite it (run or not). */
  readonly testedBy: readonly string[];
  /** The worst verdict any test of this run gave it; "not-tested" when no test of the run checks it. */
  readonly verdict: "pass" | "fail" | "inconc" | "not-executed" | "not-tested";
}

export type VerdictCounts = Readonly<Record<Verdict, number>> & { readonly total: number };

/** Everything one `v2x run` of one role's suite produced: the source every report renders from. */
export interface RunReport {
  /** Version of this record's shape (conformance/report.schema.json); raised when it changes incompatibly. */
  readonly reportVersion: 1;
  readonly tool: { readonly name: string; readonly version: string };
  readonly role: SutRole;
  /** The SUT's id as PIXIT names it. */
  readonly sut: string;
  /** ISO 8601. */
  readonly startedAt: string;
  readonly durationMs: number;
  readonly summary: VerdictCounts;
  /** The standards and editions the verdicts were judged against. */
  readonly standards: readonly StandardVersion[];
  readonly results: readonly TestResult[];
  /** Every requirement of the role's catalogue, with the tests that check it. */
  readonly coverage: readonly RequirementCoverage[];
  /** Snapshots of what the run was given (secrets replaced by "***"). */
  readonly pics: Readonly<Record<string, boolean>>;
  readonly pixit: unknown;
}

/** Counts of each verdict. */
export function countVerdicts(results: readonly { readonly verdict: Verdict }[]): VerdictCounts {
  const counts: Record<Verdict, number> = { pass: 0, fail: 0, inconc: 0, skip: 0, error: 0 };
  for (const r of results) counts[r.verdict]++;
  return { ...counts, total: results.length };
}

/** A run passes when nothing failed and the harness raised no error. */
export function runPassed(summary: VerdictCounts): boolean {
  return summary.fail === 0 && summary.error === 0;
}

/** What selftest found for one named fault of a reference device (ARCHITECTURE.md §6). */
export interface MutantResult {
  readonly role: SutRole;
  readonly fault: string;
  /** The requirement the fault declares it breaks. */
  readonly breaks: string;
  readonly summary: string;
  /** Caught: a test citing `breaks` failed. */
  readonly killed: boolean;
  /** The tests that failed citing `breaks`. */
  readonly killedBy: readonly string[];
  /** The suite run against the faulty device. */
  readonly run: RunReport;
}

/** Everything one `v2x selftest` produced. */
export interface SelftestReport {
  readonly reportVersion: 1;
  readonly tool: { readonly name: string; readonly version: string };
  readonly startedAt: string;
  readonly durationMs: number;
  /** Each role's suite against its correct reference device: every test must pass or skip. */
  readonly references: readonly RunReport[];
  readonly mutants: readonly MutantResult[];
  /** killed / total over mutants; 1 when there are none. */
  readonly mutationScore: number;
}

/** Selftest passes when every reference run passed and every mutant was killed. */
export function selftestPassed(report: Pick<SelftestReport, "references" | "mutants">): boolean {
  return report.references.every((r) => runPassed(r.summary) && r.summary.inconc === 0) && report.mutants.every((m) => m.killed);
}
