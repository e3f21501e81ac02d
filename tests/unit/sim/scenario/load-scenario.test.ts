import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../../../src/sim/scenario/load-scenario.ts";
import { formatScenarioError } from "../../../../src/sim/scenario/scenario-error.ts";
import { smallScenarioYaml } from "./small-scenario.ts";

const errorLines = (result: ReturnType<typeof loadScenario>): string[] => (result.ok ? [] : result.errors.map(formatScenarioError));

describe("loadScenario sources", () => {
  it("reads a file by path and names it as given", () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-"));
    try {
      const path = join(dir, "x.yaml");
      writeFileSync(path, smallScenarioYaml((s) => (s.vehicleGroups[0]!.count = 0)));
      expect(errorLines(loadScenario(path))).toEqual([`${path}: /vehicleGroups/0/count: must be >= 1 (got 0)`]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it("names a file it cannot read", () => {
    expect(errorLines(loadScenario("/nonexistent/x.yaml"))).toEqual(["/nonexistent/x.yaml: cannot read the file: ENOENT: no such file or directory, open '/nonexistent/x.yaml'"]);
  });

  it("calls text without a file name <scenario>", () => {
    expect(errorLines(loadScenario({ text: "name: x\n" }))).toEqual([
      "<scenario>: /seed: required key is missing",
      "<scenario>: /duration: required key is missing",
      "<scenario>: /network: required key is missing",
    ]);
  });

  it("rejects an empty file as a whole", () => {
    expect(errorLines(loadScenario({ text: "", file: "empty.yaml" }))).toEqual(["empty.yaml: wrong type (expected a mapping, got null)"]);
  });

  it("accepts YAML anchors and merge keys", () => {
    const text = smallScenarioYaml()
      .replace("vehicleGroups:\n  - name: cars", "vehicleGroups:\n  - &cars\n    name: cars")
      .replace("\nevents:\n", "\n  - <<: *cars\n    name: more-cars\nevents:\n");
    const result = loadScenario({ text });
    expect(result.ok ? result.scenario.vehicles.map((v) => v.id) : errorLines(result)).toEqual(["cars-0", "cars-1", "cars-2", "cars-3", "cars-4", "more-cars-0", "more-cars-1", "more-cars-2", "more-cars-3", "more-cars-4"]);
  });
});
