import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import formats from "ajv-formats";
import type { ScenarioFile } from "./scenario-file.ts";
import { PATTERNS, SCENARIO_SCHEMA } from "./scenario-schema.ts";
import { oneOf, showValue, type Finding } from "./scenario-error.ts";

const addFormats = formats.default;

let compiled: ValidateFunction<ScenarioFile> | undefined;

function validator(): ValidateFunction<ScenarioFile> {
  if (compiled === undefined) {
    // verbose: the errors carry the offending value and the schema around it (for the allowed keys).
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
    addFormats(ajv, ["date-time"]);
    compiled = ajv.compile<ScenarioFile>(SCENARIO_SCHEMA);
  }
  return compiled;
}

/** Checks a parsed file against SCENARIO_SCHEMA: the typed file, or one problem per violation. */
export function checkSchema(value: unknown): { readonly ok: true; readonly file: ScenarioFile } | { readonly ok: false; readonly problems: Finding[] } {
  const validate = validator();
  if (validate(value)) return { ok: true, file: value };
  return { ok: false, problems: (validate.errors ?? []).map((e) => describeSchemaError(e, PATTERN_MEANINGS)) };
}

const PATTERN_MEANINGS: ReadonlyMap<string, string> = new Map(Object.values(PATTERNS).map((p) => [p.pattern, p.means]));

/**
 * One ajv error (from a validator compiled with allErrors and verbose) as a finding a person reads.
 * `patternMeanings` says in words what each pattern of the schema expects.
 */
export function describeSchemaError(error: ErrorObject, patternMeanings: ReadonlyMap<string, string> = new Map()): Finding {
  const path = error.instancePath;
  const got = error.data;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return { path: `${path}/${String(params.missingProperty)}`, message: "required key is missing" };
    case "additionalProperties": {
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      return { path: `${path}/${escape(String(params.additionalProperty))}`, message: "unknown key", expected: `one of ${oneOf(allowed, 30)}` };
    }
    case "type":
      return { path, message: "wrong type", expected: typeNames(params.type), got: showValue(got) };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return { path, message: `must be ${String(params.comparison)} ${String(params.limit)}`, got: showValue(got) };
    case "enum":
      return { path, message: "not an allowed value", expected: `one of ${oneOf((error.schema as unknown[]).map((v) => showValue(v)), 30)}`, got: showValue(got) };
    case "const":
      return { path, message: "not the allowed value", expected: showValue(params.allowedValue), got: showValue(got) };
    case "pattern":
      return { path, message: "malformed", expected: patternMeanings.get(String(params.pattern)) ?? `text matching ${String(params.pattern)}`, got: showValue(got) };
    case "format":
      return { path, message: "malformed", expected: "an ISO 8601 date-time with a time zone, e.g. 2025-06-02T16:00:00+08:00", got: showValue(got) };
    case "minItems":
    case "maxItems":
      return { path, message: `must have ${error.keyword === "minItems" ? "at least" : "at most"} ${String(params.limit)} items`, got: showValue(got) };
    case "minLength":
    case "maxLength":
      return { path, message: `must be ${error.keyword === "minLength" ? "at least" : "at most"} ${String(params.limit)} characters long`, got: showValue(got) };
    case "uniqueItems":
      return { path, message: `items ${String(params.j)} and ${String(params.i)} are the same`, expected: "no repeated items" };
    default:
      return { path, message: error.message ?? error.keyword, got: showValue(got) };
  }
}

function typeNames(type: unknown): string {
  const names = Array.isArray(type) ? type.map(String) : String(type).split(",");
  const words: Record<string, string> = { object: "a mapping", array: "a list", string: "text", integer: "an integer", number: "a number", boolean: "true or false" };
  return names.map((n) => words[n] ?? n).join(" or ");
}

function escape(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
