import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { SUT_ROLES, VERDICTS } from "../../../src/conformance/verdict.ts";
import { renderJson } from "../../../src/report/json-report.ts";
import { RUN, SELFTEST } from "./sample-reports.ts";

const schema = JSON.parse(readFileSync(new URL("../../../conformance/report.schema.json", import.meta.url), "utf8")) as {
  $defs: Record<string, { enum?: unknown[] }>;
};
const ajv = new Ajv2020({ allErrors: true });
formats.default(ajv);
const validate = ajv.compile(schema);

function accepts(json: unknown): boolean {
  return validate(json);
}

describe("renderJson", () => {
  it("writes pretty JSON that reads back to the record, keys in the record's order", () => {
    const text = renderJson(RUN);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")[1]).toBe('  "reportVersion": 1,');
    const parsed = JSON.parse(text) as object;
    expect(parsed).toEqual(RUN);
    expect(Object.keys(parsed)).toEqual(Object.keys(RUN));
    expect(Object.keys((parsed as typeof RUN).results[0]!)).toEqual(Object.keys(RUN.results[0]!));
  });

  it("writes several runs as an array", () => {
    expect(JSON.parse(renderJson([RUN, RUN]))).toEqual([RUN, RUN]);
  });
});

describe("conformance/report.schema.json", () => {
  it("accepts a RunReport, several RunReports and a SelftestReport as rendered", () => {
    for (const report of [RUN, [RUN, RUN], SELFTEST]) {
      const ok = accepts(JSON.parse(renderJson(report)));
      expect(ok, JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it("rejects a report missing summary", () => {
    const { summary: _summary, ...noSummary } = RUN;
    expect(accepts(noSummary)).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ keyword: "required", params: { missingProperty: "summary" } }));
  });

  it.each<[string, unknown]>([
    ["an unknown verdict", { ...RUN, results: [{ ...RUN.results[0]!, verdict: "maybe" }] }],
    ["an unknown property", { ...RUN, extra: true }],
    ["a malformed TP id", { ...RUN, results: [{ ...RUN.results[0]!, id: "TP/TBOX/login/BV-1" }] }],
    ["a start time that is not ISO 8601", { ...RUN, startedAt: "yesterday" }],
    ["a mutant without its run", { ...SELFTEST, mutants: [{ ...SELFTEST.mutants[0]!, run: undefined }] }],
    ["a mutation score above 1", { ...SELFTEST, mutationScore: 2 }],
    ["an empty array of runs", []],
  ])("rejects %s", (_what, report) => {
    expect(accepts(JSON.parse(JSON.stringify(report)))).toBe(false);
  });

  it("has the same roles and verdicts as src/conformance/verdict.ts", () => {
    expect(schema.$defs["SutRole"]?.enum).toEqual([...SUT_ROLES]);
    expect(schema.$defs["Verdict"]?.enum).toEqual([...VERDICTS]);
  });

  it("documents every definition and every property", () => {
    const undocumented: string[] = [];
    const visit = (node: unknown, at: string): void => {
      if (typeof node !== "object" || node === null) return;
      const { properties, $defs } = node as { properties?: Record<string, unknown>; $defs?: Record<string, unknown> };
      for (const [name, child] of Object.entries({ ...properties, ...$defs })) {
        if (typeof (child as { description?: unknown }).description !== "string") undocumented.push(`${at}/${name}`);
        visit(child, `${at}/${name}`);
      }
    };
    visit(schema, "#");
    expect(undocumented).toEqual([]);
  });
});
