import { describe, expect, it } from "vitest";
import { coverageSummary } from "../../../src/report/coverage.ts";
import { RUN } from "./sample-reports.ts";

describe("coverageSummary", () => {
  it("counts checked (pass, fail, inconc) apart from untested (not executed or not tested)", () => {
    expect(coverageSummary(RUN.coverage)).toEqual({ requirements: 6, checked: 4, passed: 2, failed: 1, untested: 2 });
  });

  it("is all zero for an empty catalogue", () => {
    expect(coverageSummary([])).toEqual({ requirements: 0, checked: 0, passed: 0, failed: 0, untested: 0 });
  });
});
