import { abortableSleep, type BusSession } from "./bus-driver.ts";
import type { BusContext, TestContext } from "./context.ts";
import { isHarnessError } from "./harness-error.ts";
import type { LinkControl } from "./link-control.ts";
import { picsUnmet, type Pics } from "./pics.ts";
import type { RequirementCatalogue } from "./requirements.ts";
import type { RoleParams } from "./roles/index.ts";
import type { TestPurpose } from "./test-purpose.ts";
import type { UpperTesterClient } from "./upper-tester-client.ts";
import type { EvidenceItem, RequirementVerdict, SutRole, TestResult, Verdict } from "./verdict.ts";
import type { vissDriver } from "./viss-driver.ts";

/** What the suite run gives each test. */
export interface TestEnvironment<R extends SutRole> {
  readonly role: R;
  readonly sutId: string;
  readonly params: RoleParams[R];
  readonly pics: Pics;
  readonly catalogue: RequirementCatalogue;
  readonly defaultTimeLimitMs: number;
  readonly bus: BusSession | undefined;
  readonly link: LinkControl;
  readonly upperTester: UpperTesterClient | undefined;
  readonly vissUrl: string | undefined;
  readonly openViss: ((url: string) => ReturnType<typeof vissDriver>) | undefined;
}

type Decision = Omit<RequirementVerdict, "id" | "level">;

/** Why the test cannot run here, or undefined when it can. */
export function skipReason<R extends SutRole>(tp: TestPurpose<R>, env: TestEnvironment<R>): string | undefined {
  const unmet = picsUnmet(env.pics, tp.pics ?? []);
  if (unmet !== undefined) return unmet.startsWith("!") ? `${unmet.slice(1)} is claimed, and the test is for SUTs without it` : `${unmet} is not claimed in the PICS`;
  if (tp.needs?.includes("link-control") === true && env.link.means === undefined) return "needs the harness to cut the SUT's link; PIXIT link.control is none";
  if (tp.needs?.includes("upper-tester") === true && env.upperTester === undefined) return "needs the SUT's upper tester; PICS_UPPER_TESTER is not claimed";
  return undefined;
}

/** Runs one test purpose to a verdict; never rejects and never outlives its time limit by more than a moment. */
export async function runTest<R extends SutRole>(tp: TestPurpose<R>, env: TestEnvironment<R>): Promise<TestResult> {
  const startedAt = Date.now();
  const result = (verdict: Verdict, reason: string, requirements: readonly RequirementVerdict[], evidence: readonly EvidenceItem[]): TestResult => ({
    id: tp.id,
    title: tp.title,
    role: tp.role,
    verdict,
    reason,
    requirements,
    evidence,
    startedAt,
    durationMs: Date.now() - startedAt,
  });
  const levelOf = (id: string): RequirementVerdict["level"] => env.catalogue.get(id)?.level ?? "MUST";
  const skip = skipReason(tp, env);
  if (skip !== undefined) return result("skip", skip, tp.requirements.map((id) => ({ id, level: levelOf(id), verdict: "not-executed", reason: skip })), []);

  const decisions = new Map<string, Decision>();
  const evidence: EvidenceItem[] = [];
  // Set at the time limit (or the end): a body still running past its time limit decides nothing more.
  let over = false;
  const decide = (requirement: string, decision: Decision, items: readonly EvidenceItem[]): void => {
    if (over) return;
    if (!tp.requirements.includes(requirement)) throw new Error(`${tp.id} decided ${requirement}, which its metadata does not cite`);
    evidence.push(...items);
    const earlier = decisions.get(requirement);
    // A failure stands: a later pass of the same requirement never overwrites it.
    if (earlier?.verdict === "fail" || (earlier?.verdict === "inconc" && decision.verdict === "pass")) return;
    decisions.set(requirement, decision);
  };
  const limitMs = tp.timeLimitMs?.(env.params) ?? env.defaultTimeLimitMs;
  const abort = new AbortController();
  // Registered before any wait of the body, so a wait ended by the time limit resumes too late to decide.
  abort.signal.addEventListener("abort", () => (over = true));
  const timer = setTimeout(() => abort.abort(), limitMs);
  const viss = env.vissUrl === undefined ? undefined : env.openViss?.(env.vissUrl);
  const context = {
    role: env.role,
    sutId: env.sutId,
    params: env.params,
    pics: env.pics,
    signal: abort.signal,
    now: () => Date.now(),
    sleep: (ms: number) => abortableSleep(ms, abort.signal),
    pass: (requirement: string, reason: string, items: readonly EvidenceItem[] = []) => decide(requirement, { verdict: "pass", reason }, items),
    fail: (requirement: string, reason: string, items: readonly EvidenceItem[] = []) => decide(requirement, { verdict: "fail", reason }, items),
    verify: (requirement: string, held: boolean, reason: string, items: readonly EvidenceItem[] = []) => decide(requirement, { verdict: held ? "pass" : "fail", reason }, items),
    inconclusive: (requirement: string, reason: string, items: readonly EvidenceItem[] = []) => decide(requirement, { verdict: "inconc", reason }, items),
    record: (...items: EvidenceItem[]) => void evidence.push(...items),
    note: (summary: string) => void evidence.push({ at: Date.now(), kind: "note", channel: "", summary }),
    ...busContext(env, abort.signal),
    ...(viss === undefined ? {} : { viss }),
  } as unknown as TestContext<R>;

  let thrown: unknown;
  const timedOut = new Promise<"timeout">((resolve) => abort.signal.addEventListener("abort", () => resolve("timeout")));
  let outcome: "done" | "timeout" = "done";
  try {
    outcome = await Promise.race([tp.body(context).then(() => "done" as const), timedOut]);
  } catch (error) {
    thrown = error;
  } finally {
    clearTimeout(timer);
    abort.abort();
    await viss?.closeAll();
  }

  const requirements = tp.requirements.map((id): RequirementVerdict => {
    const decision = decisions.get(id);
    if (decision !== undefined) return { id, level: levelOf(id), ...decision };
    if (outcome === "timeout" && tp.silenceFails?.includes(id) === true) return { id, level: levelOf(id), verdict: "fail", reason: `the SUT did not do what ${id} requires within ${limitMs} ms` };
    return { id, level: levelOf(id), verdict: "not-executed", reason: outcome === "timeout" ? `the test reached its time limit of ${limitMs} ms before deciding it` : "the test ended without deciding it" };
  });
  if (thrown !== undefined) {
    const message = thrown instanceof Error ? thrown.message : JSON.stringify(thrown);
    const reason = isHarnessError(thrown) ? `harness: ${message}` : `harness error (a bug of the test or the harness, not of the SUT): ${message}`;
    return result("error", reason, requirements, evidence);
  }
  const failed = requirements.find((r) => r.verdict === "fail");
  if (failed !== undefined) return result("fail", `${failed.id}: ${failed.reason}`, requirements, evidence);
  const open = requirements.find((r) => r.verdict !== "pass");
  if (open !== undefined) return result("inconc", `${open.id}: ${open.reason}`, requirements, evidence);
  return result("pass", requirements.map((r) => r.reason).join("; "), requirements, evidence);
}

function busContext<R extends SutRole>(env: TestEnvironment<R>, signal: AbortSignal): BusContext | Record<string, never> {
  if (env.bus === undefined) return {};
  const upperTester = env.upperTester;
  return {
    bus: env.bus.view(Date.now(), signal),
    link: env.link,
    upperTester: (stimulus, timeoutMs) => {
      if (upperTester === undefined) throw new Error("the test uses the upper tester without declaring needs: [\"upper-tester\"]");
      return upperTester.request(stimulus, timeoutMs);
    },
    httpJson: async (url, timeoutMs = 5000) => {
      const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: the test sees the text.
      }
      return { status: response.status, body };
    },
  };
}
