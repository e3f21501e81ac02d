import type { TestContext } from "./context.ts";
import type { RoleParams } from "./roles/index.ts";
import type { SutRole } from "./verdict.ts";

/** ETSI test purpose categories: valid behaviour, invalid input, inopportune input, timer. */
export type TestCategory = "BV" | "BI" | "BO" | "TI";

/** `TP/<ROLE>/<AREA>/<BV|BI|BO|TI>-<NN>`, e.g. "TP/OBU/BSM/BV-01". */
export const TEST_PURPOSE_ID = /^TP\/(OBU|RSU|TBOX|PLATFORM|VSS)\/[A-Z][A-Z0-9-]*\/(BV|BI|BO|TI)-[0-9]{2}$/;

/** What a test needs beyond PICS: skipped, with the reason, when the run cannot provide it. */
export type TestNeed = "link-control" | "upper-tester";

/** One test purpose: metadata first (T2 of STYLE.md), then the body. */
export interface TestPurpose<R extends SutRole = SutRole> {
  readonly id: string;
  /** One line, under 100 characters: what is tested. */
  readonly title: string;
  readonly role: R;
  /** Requirement ids the test decides; each must be in conformance/requirements/. */
  readonly requirements: readonly string[];
  /** PICS conditions, all of which must hold: "PICS_X" (claimed) or "!PICS_X" (not claimed). */
  readonly pics?: readonly string[];
  /** PIXIT params keys the test reads (documentation; checked against the role's schema). */
  readonly pixit?: readonly string[];
  readonly needs?: readonly TestNeed[];
  /** Disturbs the SUT (cuts its link, changes its parameters), so runs alone. */
  readonly exclusive?: boolean;
  /**
   * Where the SUT's silence is itself the violation: reaching the time limit fails these
   * requirements instead of leaving the test inconclusive.
   */
  readonly silenceFails?: readonly string[];
  /** Longest the test may take, ms; default: PIXIT run.testTimeLimitMs. */
  readonly timeLimitMs?: (params: RoleParams[R]) => number;
  readonly body: (t: TestContext<R>) => Promise<void>;
}

/** Declares a test purpose (the identity, typed): `export default testPurpose({ … })`. */
export function testPurpose<R extends SutRole>(tp: TestPurpose<R>): TestPurpose<R> {
  return tp;
}
