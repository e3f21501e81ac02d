import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtInScenarioPath } from "../../../../src/sim/scenario/built-in-scenarios.ts";
import { scenarioSchemaJson, writeScenarioSchema } from "../../../../src/sim/scenario/scenario-schema.ts";

const COMMITTED = join(builtInScenarioPath("yizhuang-arterial"), "..", "scenario.schema.json");

describe("the scenario JSON Schema file", () => {
  it("is committed next to the built-in scenarios and up to date (regenerate with writeScenarioSchema)", () => {
    expect(readFileSync(COMMITTED, "utf8")).toBe(scenarioSchemaJson());
  });

  it("is written by writeScenarioSchema", () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-schema-"));
    try {
      writeScenarioSchema(join(dir, "s.json"));
      expect(JSON.parse(readFileSync(join(dir, "s.json"), "utf8"))).toMatchObject({ $schema: "http://json-schema.org/draft-07/schema#", required: ["name", "seed", "duration", "network"] });
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
