import { readFileSync } from "node:fs";
import { RealClock, type Clock } from "../clock.ts";
import { checkRules } from "./check-rules.ts";
import { checkSchema } from "./check-schema.ts";
import { normalise } from "./normalise.ts";
import { parseYaml } from "./parse-yaml.ts";
import { resolveScenario } from "./resolve-scenario.ts";
import type { ResolvedScenario } from "./resolved-scenario.ts";
import type { Finding, ScenarioError } from "./scenario-error.ts";

/** A scenario file path, or its text with the name to use for it in messages. */
export type ScenarioSource = string | { readonly text: string; readonly file?: string };

export interface LoadScenarioOptions {
  /** Start time, ms since the epoch; overrides the file's `start`. Default: the file's, else `clock.now()`. */
  readonly start?: number;
  /** Where "now" comes from when neither the caller nor the file gives a start. Default: a RealClock. */
  readonly clock?: Pick<Clock, "now">;
}

export type LoadScenarioResult =
  | { readonly ok: true; readonly scenario: ResolvedScenario; readonly warnings: ScenarioError[] }
  | { readonly ok: false; readonly errors: ScenarioError[] };

/**
 * Reads a scenario in stages — YAML, the JSON Schema, normalisation, then the named rules — and
 * resolves it into simulation specs. Each stage runs only if the one before found no error; every
 * error and warning names the file, the JSON path, and what was expected and found.
 */
export function loadScenario(source: ScenarioSource, options: LoadScenarioOptions = {}): LoadScenarioResult {
  const file = typeof source === "string" ? source : (source.file ?? "<scenario>");
  let text: string;
  try {
    text = typeof source === "string" ? readFileSync(source, "utf8") : source.text;
  } catch (cause) {
    return { ok: false, errors: [{ file, path: "", message: `cannot read the file: ${(cause as Error).message}` }] };
  }
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return parsed;
  const place = (finding: Finding): ScenarioError => ({ file, ...finding, ...parsed.locate(finding.path) });
  const schema = checkSchema(parsed.value);
  if (!schema.ok) return { ok: false, errors: schema.problems.map(place) };
  const model = normalise(schema.file);
  const rules = checkRules(model);
  const warnings = [...parsed.warnings, ...rules.warnings.map(place)];
  if (rules.errors.length > 0) return { ok: false, errors: rules.errors.map(place) };
  const start = options.start ?? model.start ?? (options.clock ?? new RealClock()).now();
  return { ok: true, scenario: resolveScenario(model, Math.round(start)), warnings };
}
