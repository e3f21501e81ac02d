import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeRunReports } from "../../../src/report/write-reports.ts";
import { RUN, SELFTEST } from "./sample-reports.ts";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "v2x-report-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("writeRunReports", () => {
  it("creates the directory and writes the three files, returning absolute paths", async () => {
    const root = tempDir();
    const relative = path.relative(process.cwd(), path.join(root, "nested", "out"));
    const paths = await writeRunReports(relative, [RUN]);
    expect(paths).toEqual({
      json: path.join(root, "nested", "out", "report.json"),
      junit: path.join(root, "nested", "out", "junit.xml"),
      html: path.join(root, "nested", "out", "report.html"),
    });
    expect(JSON.parse(readFileSync(paths.json, "utf8"))).toEqual(RUN);
    expect(readFileSync(paths.junit, "utf8")).toContain(`<testsuite name="v2x.tbox"`);
    expect(readFileSync(paths.html, "utf8")).toContain("<title>v2x run: tbox · tbox-lab-7</title>");
  });

  it("writes several runs as a JSON array and one testsuite each", async () => {
    const paths = await writeRunReports(tempDir(), [RUN, { ...RUN, role: "obu" }]);
    expect((JSON.parse(readFileSync(paths.json, "utf8")) as unknown[]).length).toBe(2);
    expect(readFileSync(paths.junit, "utf8").match(/<testsuite /g)).toHaveLength(2);
  });

  it("writes a selftest with the reference suites and the v2x.selftest suite", async () => {
    const paths = await writeRunReports(tempDir(), SELFTEST);
    expect(JSON.parse(readFileSync(paths.json, "utf8"))).toEqual(SELFTEST);
    const junit = readFileSync(paths.junit, "utf8");
    expect([...junit.matchAll(/<testsuite name="([\w.]+)"/g)].map((m) => m[1])).toEqual(["v2x.tbox", "v2x.selftest"]);
    expect(readFileSync(paths.html, "utf8")).toContain("mutation score 1/2 (50 %)");
  });

  it("refuses an empty list of runs", async () => {
    await expect(writeRunReports(tempDir(), [])).rejects.toThrow(/at least one RunReport/);
  });
});
