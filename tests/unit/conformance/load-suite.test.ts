import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isHarnessError } from "../../../src/conformance/harness-error.ts";
import { loadSuite } from "../../../src/conformance/load-suite.ts";
import { RequirementCatalogue } from "../../../src/conformance/requirements.ts";

const catalogue = new RequirementCatalogue([
  { id: "X-1-A-ONE", standard: "X", version: "1", clause: "1", level: "MUST", roles: ["obu"], statement: "an obu requirement" },
  { id: "X-1-A-RSU", standard: "X", version: "1", clause: "2", level: "MUST", roles: ["rsu"], statement: "an rsu requirement" },
]);
const DSL = path.resolve("src/conformance/dsl/index.ts");

/** A suites tree in a temp dir with one test purpose file at `relative` declaring `fields`. */
function suiteWith(relative: string, fields: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "v2x-suite-"));
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `import { testPurpose } from ${JSON.stringify(DSL)};\nexport default testPurpose({ role: "obu", title: "a title", async body() {}, ${fields} });\n`);
  return dir;
}

async function problemsOf(relative: string, fields: string): Promise<string> {
  try {
    await loadSuite("obu", catalogue, suiteWith(relative, fields));
    return "";
  } catch (error) {
    if (!isHarnessError(error, "SuiteError")) throw error;
    return error.message;
  }
}

describe("loading a suite", () => {
  it("loads a well-formed test purpose whose id its path spells", async () => {
    const dir = suiteWith("obu/bsm/BV-01-valid.ts", `id: "TP/OBU/BSM/BV-01", requirements: ["X-1-A-ONE"], pics: ["!PICS_UPPER_TESTER"]`);
    expect((await loadSuite("obu", catalogue, dir)).map((tp) => tp.id)).toEqual(["TP/OBU/BSM/BV-01"]);
  });

  it("names each problem of a malformed file", async () => {
    expect(await problemsOf("obu/bsm/BV-01-x.ts", `id: "TP/OBU/BSM/BV-02", requirements: ["X-1-A-ONE"]`)).toContain("does not match the file's path, which spells TP/OBU/BSM/BV-01");
    expect(await problemsOf("obu/bsm/BV-01-x.ts", `id: "OBU-1", requirements: ["X-1-A-ONE"]`)).toContain("is not of the form TP/<ROLE>/<AREA>/<BV|BI|BO|TI>-<NN>");
    expect(await problemsOf("obu/bsm/BV-01-x.ts", `id: "TP/OBU/BSM/BV-01", requirements: ["X-1-A-NONE"]`)).toContain("cites X-1-A-NONE, which conformance/requirements/ does not have");
    expect(await problemsOf("obu/bsm/BV-01-x.ts", `id: "TP/OBU/BSM/BV-01", requirements: ["X-1-A-RSU"]`)).toContain("a requirement of rsu, not of obu");
    expect(await problemsOf("obu/bsm/BV-01-x.ts", `id: "TP/OBU/BSM/BV-01", requirements: ["X-1-A-ONE"], pics: ["PICS_NOPE"]`)).toContain('PICS condition "PICS_NOPE" names no PICS item of obu');
    expect(await problemsOf("obu/bsm/BV-01-x.ts", `id: "TP/OBU/BSM/BV-01", requirements: ["X-1-A-ONE"], silenceFails: ["X-1-A-RSU"]`)).toContain("silenceFails names X-1-A-RSU");
  });

  it("leaves out the staging area", async () => {
    const dir = suiteWith("obu/staging/BV-01-x.ts", `id: "broken"`);
    expect(await loadSuite("obu", catalogue, dir)).toEqual([]);
  });
});
