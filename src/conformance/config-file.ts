import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import { describeSchemaError } from "../sim/scenario/check-schema.ts";
import { parseYaml } from "../sim/scenario/parse-yaml.ts";
import { formatScenarioError } from "../sim/scenario/scenario-error.ts";
import { HarnessError } from "./harness-error.ts";

const validators = new WeakMap<object, ValidateFunction>();

function validatorOf(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (validate === undefined) {
    // useDefaults: the schema's `default`s are the one place defaults are written.
    const ajv = new Ajv({ allErrors: true, strict: true, verbose: true, useDefaults: true, allowUnionTypes: true });
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

/**
 * Checks `value` (parsed from `file`) against `schema`, filling in the schema's defaults. Throws a
 * ConfigError with one line per problem naming the file, the JSON path, what was expected and what
 * the file holds.
 */
export function checkConfig<T>(value: unknown, schema: object, file: string): T {
  const copy: unknown = structuredClone(value);
  const validate = validatorOf(schema);
  if (validate(copy)) return copy as T;
  const lines = (validate.errors ?? []).map((e) => formatScenarioError({ file, ...describeSchemaError(e) }));
  throw new HarnessError("ConfigError", lines.join("\n"));
}

/** Reads a YAML or JSON file and checks it with checkConfig. */
export function loadConfigFile<T>(file: string, schema: object): T {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (cause) {
    throw new HarnessError("ConfigError", `${file}: cannot read it (${(cause as NodeJS.ErrnoException).code ?? String(cause)})`, cause);
  }
  const parsed = parseYaml(text, file);
  if (!parsed.ok) throw new HarnessError("ConfigError", parsed.errors.map(formatScenarioError).join("\n"));
  return checkConfig<T>(parsed.value, schema, file);
}
