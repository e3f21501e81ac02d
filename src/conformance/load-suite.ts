import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { HarnessError } from "./harness-error.ts";
import { picsItemsOf } from "./pics.ts";
import type { RequirementCatalogue } from "./requirements.ts";
import { TEST_PURPOSE_ID, type TestPurpose } from "./test-purpose.ts";
import type { SutRole } from "./verdict.ts";

/** The default suites directory: conformance/suites of this package. */
export const DEFAULT_SUITES_DIR = path.resolve(import.meta.dirname, "../../conformance/suites");

function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "staging" ? [] : filesUnder(full);
    return e.name.endsWith(".ts") ? [full] : [];
  });
}

/**
 * Every problem of one test purpose file: its id must match its path
 * (`suites/<role>/<area>/<BV-01>-<words>.ts` ↔ `TP/<ROLE>/<AREA>/BV-01`), its requirements must be
 * in the catalogue for its role, its PICS items must be the role's.
 */
export function testPurposeProblems<R extends SutRole>(tp: TestPurpose<R>, file: string, role: R, catalogue: RequirementCatalogue): string[] {
  const problems: string[] = [];
  const [, roleDir, area, name] = /([^/\\]+)[/\\]([^/\\]+)[/\\]([^/\\]+)\.ts$/.exec(file) ?? [];
  const expectedId = `TP/${(roleDir ?? "").toUpperCase()}/${(area ?? "").toUpperCase()}/${(name ?? "").slice(0, 5)}`;
  if (!TEST_PURPOSE_ID.test(tp.id)) problems.push(`id "${tp.id}" is not of the form TP/<ROLE>/<AREA>/<BV|BI|BO|TI>-<NN>`);
  else if (tp.id !== expectedId) problems.push(`id "${tp.id}" does not match the file's path, which spells ${expectedId}`);
  if (tp.role !== role) problems.push(`role "${tp.role}" is not the suite's role "${role}"`);
  if (tp.title.length === 0 || tp.title.length >= 100) problems.push(`title must be 1 to 99 characters, got ${tp.title.length}`);
  if (tp.requirements.length === 0) problems.push("cites no requirement");
  for (const id of tp.requirements) {
    const requirement = catalogue.get(id);
    if (requirement === undefined) problems.push(`cites ${id}, which conformance/requirements/ does not have`);
    else if (!requirement.roles.includes(role)) problems.push(`cites ${id}, a requirement of ${requirement.roles.join(", ")}, not of ${role}`);
  }
  for (const id of tp.silenceFails ?? []) if (!tp.requirements.includes(id)) problems.push(`silenceFails names ${id}, which the test does not cite`);
  const items = new Set(picsItemsOf(role).map((i) => i.name));
  for (const condition of tp.pics ?? []) if (!items.has(condition.replace(/^!/, ""))) problems.push(`PICS condition "${condition}" names no PICS item of ${role}`);
  return problems;
}

/** Loads the test purposes of `role`, sorted by id; throws a SuiteError listing every problem of every file. */
export async function loadSuite<R extends SutRole>(role: R, catalogue: RequirementCatalogue, suitesDir = DEFAULT_SUITES_DIR): Promise<TestPurpose<R>[]> {
  const files = filesUnder(path.join(suitesDir, role)).sort();
  const problems: string[] = [];
  const suite: TestPurpose<R>[] = [];
  const ids = new Map<string, string>();
  for (const file of files) {
    const module = (await import(pathToFileURL(file).href)) as { default?: TestPurpose<R> };
    const tp = module.default;
    if (tp === undefined || typeof tp.body !== "function") {
      problems.push(`${file}: has no default export made with testPurpose({ … })`);
      continue;
    }
    problems.push(...testPurposeProblems(tp, file, role, catalogue).map((p) => `${file}: ${p}`));
    const other = ids.get(tp.id);
    if (other !== undefined) problems.push(`${file}: id ${tp.id} is also the id of ${other}`);
    ids.set(tp.id, file);
    suite.push(tp);
  }
  if (problems.length > 0) throw new HarnessError("SuiteError", problems.join("\n"));
  return suite.sort((a, b) => a.id.localeCompare(b.id));
}
