import { describe, expect, it } from "vitest";
import { NO_LINK_CONTROL } from "../../../src/conformance/link-control.ts";
import { RequirementCatalogue } from "../../../src/conformance/requirements.ts";
import type { RoleParams } from "../../../src/conformance/roles/index.ts";
import { runTest, type TestEnvironment } from "../../../src/conformance/run-test.ts";
import { testPurpose, type TestPurpose } from "../../../src/conformance/test-purpose.ts";

const catalogue = new RequirementCatalogue([
  { id: "X-1-A-ONE", standard: "X", version: "1", clause: "1", level: "MUST", roles: ["vss"], statement: "first requirement" },
  { id: "X-1-A-TWO", standard: "X", version: "1", clause: "2", level: "SHOULD", roles: ["vss"], statement: "second requirement" },
]);

const env: TestEnvironment<"vss"> = {
  role: "vss",
  sutId: "sut",
  params: { url: "ws://127.0.0.1:1" } as RoleParams["vss"],
  pics: { PICS_A: true, PICS_B: false },
  catalogue,
  defaultTimeLimitMs: 2000,
  bus: undefined,
  link: NO_LINK_CONTROL,
  upperTester: undefined,
  vissUrl: undefined,
  openViss: undefined,
};

/** A body that decides at once. */
function sync(decide: (t: Parameters<TestPurpose<"vss">["body"]>[0]) => void): TestPurpose<"vss">["body"] {
  return (t) => {
    decide(t);
    return Promise.resolve();
  };
}

function tp(body: TestPurpose<"vss">["body"], extra: Partial<TestPurpose<"vss">> = {}): TestPurpose<"vss"> {
  return testPurpose({ id: "TP/VSS/X/BV-01", title: "a test", role: "vss", requirements: ["X-1-A-ONE", "X-1-A-TWO"], body, ...extra });
}

describe("the verdict of one test purpose", () => {
  it("is pass when every cited requirement passed, with the requirements' levels", async () => {
    const result = await runTest(tp(sync((t) => { t.pass("X-1-A-ONE", "ok 1"); t.verify("X-1-A-TWO", true, "ok 2"); })), env);
    expect(result.verdict).toBe("pass");
    expect(result.requirements.map((r) => [r.id, r.level, r.verdict])).toEqual([["X-1-A-ONE", "MUST", "pass"], ["X-1-A-TWO", "SHOULD", "pass"]]);
  });

  it("is fail when one failed, and a later pass of the same requirement does not overwrite the failure", async () => {
    const evidence = { at: 1, kind: "note" as const, channel: "", summary: "seen" };
    const result = await runTest(tp(sync((t) => { t.fail("X-1-A-ONE", "broken", [evidence]); t.pass("X-1-A-ONE", "fine now"); t.pass("X-1-A-TWO", "ok"); })), env);
    expect(result.verdict).toBe("fail");
    expect(result.reason).toBe("X-1-A-ONE: broken");
    expect(result.evidence).toContainEqual(evidence);
  });

  it("is inconc when a requirement was left undecided or declared inconclusive", async () => {
    expect((await runTest(tp(sync((t) => t.pass("X-1-A-ONE", "ok"))), env)).verdict).toBe("inconc");
    const result = await runTest(tp(sync((t) => { t.pass("X-1-A-ONE", "ok"); t.inconclusive("X-1-A-TWO", "too few messages"); })), env);
    expect(result).toMatchObject({ verdict: "inconc", reason: "X-1-A-TWO: too few messages" });
  });

  it("is error, not fail, when the body throws: the harness's fault is never the SUT's", async () => {
    const result = await runTest(tp(() => Promise.reject(new Error("bug in the test"))), env);
    expect(result.verdict).toBe("error");
    expect(result.reason).toContain("bug in the test");
  });

  it("is error when the body decides a requirement its metadata does not cite", async () => {
    expect((await runTest(tp(sync((t) => t.pass("X-1-A-THREE", "?"))), env)).verdict).toBe("error");
  });

  it("ends at the time limit: inconc, or fail for requirements whose violation is silence", async () => {
    const never = (): Promise<void> => new Promise(() => undefined);
    const silent = await runTest(tp(never, { timeLimitMs: () => 50 }), env);
    expect(silent).toMatchObject({ verdict: "inconc" });
    expect(silent.requirements[0]?.reason).toContain("time limit of 50 ms");
    const failing = await runTest(tp(never, { timeLimitMs: () => 50, silenceFails: ["X-1-A-ONE"] }), env);
    expect(failing).toMatchObject({ verdict: "fail" });
    expect(failing.durationMs).toBeLessThan(1000);
  });

  it("ends a wait early when the time is up", async () => {
    const result = await runTest(tp(async (t) => { await t.sleep(60_000); t.pass("X-1-A-ONE", "late"); t.pass("X-1-A-TWO", "late"); }, { timeLimitMs: () => 50 }), env);
    expect(result.verdict).toBe("inconc");
    expect(result.durationMs).toBeLessThan(1000);
  });

  it("is skip with the PICS condition that was not met, without running the body", async () => {
    let ran = false;
    const body = (): Promise<void> => Promise.resolve(void (ran = true));
    expect(await runTest(tp(body, { pics: ["PICS_B"] }), env)).toMatchObject({ verdict: "skip", reason: "PICS_B is not claimed in the PICS" });
    expect(await runTest(tp(body, { pics: ["!PICS_A"] }), env)).toMatchObject({ verdict: "skip", reason: "PICS_A is claimed, and the test is for SUTs without it" });
    expect(await runTest(tp(body, { needs: ["link-control"] }), env)).toMatchObject({ verdict: "skip", reason: expect.stringContaining("link.control is none") as unknown });
    expect(ran).toBe(false);
  });
});
