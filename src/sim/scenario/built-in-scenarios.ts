import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const DIRECTORY = fileURLToPath(new URL("../scenarios/", import.meta.url));
const EXTENSION = ".yaml";

/** Names of the scenarios shipped with the harness, e.g. "yizhuang-arterial". */
export function listBuiltInScenarios(): string[] {
  return readdirSync(DIRECTORY)
    .filter((f) => f.endsWith(EXTENSION))
    .map((f) => f.slice(0, -EXTENSION.length))
    .sort();
}

/** The file of a built-in scenario, for loadScenario. */
export function builtInScenarioPath(name: string): string {
  const names = listBuiltInScenarios();
  if (!names.includes(name)) throw new RangeError(`unknown built-in scenario "${name}"; the built-in scenarios are: ${names.join(", ")}`);
  return `${DIRECTORY}${name}${EXTENSION}`;
}
