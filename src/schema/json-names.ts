import protobuf from "protobufjs";

/** The proto field name of a field protobufjs knows by its lowerCamelCase name (buf lint keeps proto names lower_snake_case). */
export function protoName(field: protobuf.Field): string {
  return field.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Well-known types whose canonical JSON form is a string. */
export const TIMESTAMP = ".google.protobuf.Timestamp";
export const DURATION = ".google.protobuf.Duration";

export const LONG_TYPES: ReadonlySet<string> = new Set(["int64", "uint64", "sint64", "fixed64", "sfixed64"]);

export function isMessage(field: protobuf.Field): field is protobuf.Field & { resolvedType: protobuf.Type } {
  return field.resolvedType instanceof protobuf.Type;
}
