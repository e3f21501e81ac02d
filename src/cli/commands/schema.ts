import { loadRegistry, toJsonSchema, type JsonValue } from "../../schema/index.ts";
import { CliError } from "../cli-error.ts";

export interface SchemaListEntry {
  readonly type: string;
  readonly description: string;
}

/** Every message type, optionally only those whose full name contains `filter`. */
export function schemaListCommand(filter?: string): SchemaListEntry[] {
  return loadRegistry()
    .messageTypes()
    .filter((type) => filter === undefined || type.fullName.includes(filter))
    .map((type) => ({ type: type.fullName.slice(1), description: (type.comment ?? "").split("\n")[0] ?? "" }));
}

export type ExportFormat = "jsonschema";

export function schemaExportCommand(options: { readonly type: string; readonly format: string }): { [key: string]: JsonValue } {
  if (options.format !== "jsonschema") throw new CliError(`unknown export format "${options.format}"; the formats are: jsonschema`);
  return toJsonSchema(loadRegistry(), options.type);
}
