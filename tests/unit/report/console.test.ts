import { describe, expect, it } from "vitest";
import { formatProgress, formatSelftest, formatSummary } from "../../../src/report/console.ts";
import { RESULTS, RUN, SELFTEST, withReason } from "./sample-reports.ts";

const ESC = "\u001b";

describe("formatSummary", () => {
  it("prints counts, each test that did not pass, then requirement coverage", () => {
    expect(formatSummary(RUN, false)).toEqual([
      "tbox (SUT tbox-lab-7): 5 tests: 1 pass, 1 fail, 1 inconc, 1 skip, 1 error  (31.7 s)",
      "FAIL   TP/TBOX/REALTIME/BV-01  Reports every 10 s — <script>alert(1)</script> gap of 25 s",
      "INCONC TP/TBOX/REISSUE/BV-01  Reissues what the outage held back — the outage was too short to hold anything back",
      "SKIP   TP/TBOX/ALARM/BV-02  Raises a level-3 alarm — PICS TBOX_ALARM_L3 is false",
      "ERROR  TP/TBOX/LOGOUT/BV-01  Logs out with the login serial — broker connection lost",
      "requirements: 4 of 6 checked, 1 failed",
    ]);
  });

  it("colours verdicts only when asked", () => {
    const [counts, fail] = formatSummary(RUN, true);
    expect(counts).toContain(`${ESC}[32m1 pass${ESC}[0m`);
    expect(counts).toContain(`${ESC}[31m1 fail${ESC}[0m`);
    expect(fail).toBe(`${ESC}[31mFAIL  ${ESC}[0m TP/TBOX/REALTIME/BV-01  Reports every 10 s — <script>alert(1)</script> gap of 25 s`);
    expect(formatSummary(RUN, false).join("")).not.toContain(ESC);
  });

  it("keeps control characters from the SUT off the terminal", () => {
    const lines = formatSummary(withReason(RUN, `bad\u001b[2Jline\nbreak`), false);
    expect(lines[1]).toBe("FAIL   TP/TBOX/REALTIME/BV-01  Reports every 10 s — bad\\u001B[2Jline\\u000Abreak");
  });
});

describe("formatProgress", () => {
  it("prints one aligned line per finished test", () => {
    expect(formatProgress(RESULTS[0]!, false)).toBe("  pass   TP/TBOX/LOGIN/BV-01  Logs in before anything else  (3.0 s)");
    expect(formatProgress(RESULTS[2]!, false)).toBe("  inconc TP/TBOX/REISSUE/BV-01  Reissues what the outage held back  (500 ms)");
    expect(formatProgress(RESULTS[4]!, true)).toBe(`  ${ESC}[35merror ${ESC}[0m TP/TBOX/LOGOUT/BV-01  Logs out with the login serial  (1.2 s)`);
  });
});

describe("formatSelftest", () => {
  it("prints each reference result, the mutant table and the score", () => {
    expect(formatSelftest(SELFTEST, false)).toEqual([
      "reference tbox     passed  2 tests: 1 pass, 0 fail, 0 inconc, 1 skip, 0 error",
      "killed    tbox/slow-period  GBT32960-2016-B.2.1-PERIOD   by TP/TBOX/REALTIME/BV-01",
      "SURVIVED  tbox/no-reissue   GBT32960-2016-B.2.8-REISSUE",
      "mutation score 1/2 (50 %)",
    ]);
  });

  it("fails a reference run that is not clean and lists what kept it from passing, with no score when no fault ran", () => {
    const lines = formatSelftest({ ...SELFTEST, references: [RUN], mutants: [] }, false);
    expect(lines).toEqual([
      "reference tbox     FAILED  5 tests: 1 pass, 1 fail, 1 inconc, 1 skip, 1 error",
      "  FAIL   TP/TBOX/REALTIME/BV-01  Reports every 10 s — <script>alert(1)</script> gap of 25 s",
      "  INCONC TP/TBOX/REISSUE/BV-01  Reissues what the outage held back — the outage was too short to hold anything back",
      "  ERROR  TP/TBOX/LOGOUT/BV-01  Logs out with the login serial — broker connection lost",
    ]);
  });

  it("never rounds a survivor up to 100 %", () => {
    const mutants = [...Array.from({ length: 199 }, () => SELFTEST.mutants[0]!), SELFTEST.mutants[1]!];
    expect(formatSelftest({ ...SELFTEST, mutants }, false).at(-1)).toBe("mutation score 199/200 (99 %)");
  });
});
