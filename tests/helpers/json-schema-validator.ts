import { Ajv2020 } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { toJsonSchema, type Registry } from "../../src/schema/index.ts";

const addFormats = formats.default;

/** An ajv (draft 2020-12) validator of the exported JSON Schema of one type. */
export function jsonSchemaValidator(registry: Registry, typeName: string): (json: unknown) => boolean {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(toJsonSchema(registry, typeName));
  return (json) => validate(json);
}
