import protobuf from "protobufjs";
import type { JsonValue } from "./encode-json.ts";
import { DURATION, LONG_TYPES, TIMESTAMP } from "./json-names.ts";
import type { Registry } from "./registry.ts";
import { fieldRule, isChoice, isPlaceholder, messageRule, type FieldRule } from "./rules.ts";

type Schema = { [key: string]: JsonValue };

const INT_BOUNDS: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  sint32: [-(2 ** 31), 2 ** 31 - 1],
  sfixed32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
  fixed32: [0, 2 ** 32 - 1],
};

const CHARSET_JSON_PATTERNS = {
  ia5: "^[\\u0000-\\u007f]*$",
  "ascii-printable": "^[\\u0020-\\u007e]*$",
  digits: "^[0-9]*$",
} as const;

/**
 * A JSON Schema (draft 2020-12) for the canonical protobuf JSON form of `typeName`, derived from
 * the descriptors and their rule options: the same ranges, enum values, mandatory fields, CHOICEs,
 * list sizes, lengths, bits and character sets the rule validator checks. Named checks cannot be
 * expressed in JSON Schema; each message that has them lists them in `$comment`. Ranges on 64-bit
 * integers (carried as JSON strings) are not expressed either.
 */
export function toJsonSchema(registry: Registry, typeName: string): Schema {
  const root = registry.messageType(typeName);
  const defs: Record<string, Schema> = {};
  const ref = (type: protobuf.Type): Schema => {
    const name = type.fullName.slice(1);
    if (!(name in defs)) {
      defs[name] = {};
      defs[name] = messageSchema(type, ref);
    }
    return { $ref: `#/$defs/${name}` };
  };
  const top = ref(root);
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `urn:v2x-harness:${root.fullName.slice(1)}`,
    title: root.fullName.slice(1),
    ...top,
    $defs: defs,
  };
}

function messageSchema(type: protobuf.Type, ref: (type: protobuf.Type) => Schema): Schema {
  const properties: Schema = {};
  const required: string[] = [];
  for (const field of type.fieldsArray) {
    const rule = fieldRule(field);
    properties[field.name] = fieldSchema(field, rule, ref);
    if (mustAppear(field, rule)) required.push(field.name);
  }
  const schema: Schema = { type: "object", title: type.fullName.slice(1), properties, additionalProperties: false };
  if (required.length > 0) schema["required"] = required;
  const choices = type.oneofsArray.filter(isChoice).map((oneof) => ({ oneOf: oneof.oneof.map((member) => ({ required: [member] })) }));
  if (choices.length === 1) Object.assign(schema, choices[0]);
  if (choices.length > 1) schema["allOf"] = choices;
  const { checks } = messageRule(type);
  if (checks.length > 0) schema["$comment"] = `named checks not expressible in JSON Schema: ${checks.join(", ")}`;
  return schema;
}

/**
 * Canonical JSON leaves out fields at their default value, so a field must appear exactly when
 * its default would break a rule: an absent mandatory message, an empty list that needs items, a
 * zero outside the range, an enum whose zero is a placeholder, an empty string or bytes that must
 * not be empty.
 */
function mustAppear(field: protobuf.Field, rule: FieldRule | undefined): boolean {
  if (field.partOf !== null || field.map) return false;
  if (field.repeated) return (rule?.minItems ?? 0) > 0 && rule?.emptyMeansAbsent !== true;
  const target = field.resolvedType;
  if (target instanceof protobuf.Type) return true;
  if (target instanceof protobuf.Enum) {
    const zero = Object.entries(target.values).find(([, v]) => v === 0);
    return zero === undefined || isPlaceholder(zero[0], 0);
  }
  if (rule === undefined) return false;
  if (field.type === "string" || field.type === "bytes") return (rule.minLength ?? 0) > 0;
  return (rule.min !== undefined && rule.min > 0) || (rule.max !== undefined && rule.max < 0);
}

function fieldSchema(field: protobuf.Field, rule: FieldRule | undefined, ref: (type: protobuf.Type) => Schema): Schema {
  const item = valueSchema(field, rule, ref);
  if (field.map) return { type: "object", additionalProperties: item };
  if (!field.repeated) return item;
  const schema: Schema = { type: "array", items: item };
  if (rule?.maxItems !== undefined) schema["maxItems"] = rule.maxItems;
  if (rule?.minItems === undefined) return schema;
  // An OPTIONAL list may be empty (absent); otherwise it needs at least minItems.
  if (rule.emptyMeansAbsent && rule.minItems > 0) schema["anyOf"] = [{ maxItems: 0 }, { minItems: rule.minItems }];
  else schema["minItems"] = rule.minItems;
  return schema;
}

function valueSchema(field: protobuf.Field, rule: FieldRule | undefined, ref: (type: protobuf.Type) => Schema): Schema {
  const target = field.resolvedType;
  if (target instanceof protobuf.Type) {
    if (target.fullName === TIMESTAMP) return { type: "string", format: "date-time" };
    if (target.fullName === DURATION) return { type: "string", pattern: "^-?[0-9]+(\\.[0-9]{1,9})?s$" };
    if (messageRule(target).reading) return readingSchema(target, rule);
    return ref(target);
  }
  if (target instanceof protobuf.Enum) return enumSchema(target);
  if (LONG_TYPES.has(field.type)) return { type: "string", pattern: "^-?[0-9]+$" };
  switch (field.type) {
    case "bool":
      return { type: "boolean" };
    case "string":
      return stringSchema(rule);
    case "bytes":
      return bytesSchema(rule);
    case "double":
    case "float":
      return withRange({ type: "number" }, rule);
    default:
      return integerSchema(field.type, rule);
  }
}

function enumSchema(type: protobuf.Enum): Schema {
  return { enum: Object.entries(type.values).filter(([name, v]) => !isPlaceholder(name, v)).map(([name]) => name) };
}

function readingSchema(type: protobuf.Type, rule: FieldRule | undefined): Schema {
  const marker = type.fields["marker"]?.resolvedType;
  return {
    type: "object",
    properties: {
      value: integerSchema("uint32", rule),
      marker: marker instanceof protobuf.Enum ? enumSchema(marker) : {},
    },
    additionalProperties: false,
    oneOf: [{ required: ["value"] }, { required: ["marker"] }],
  };
}

function withRange(schema: Schema, rule: FieldRule | undefined): Schema {
  if (rule?.min !== undefined) schema["minimum"] = rule.min;
  if (rule?.max !== undefined) schema["maximum"] = rule.max;
  return schema;
}

function integerSchema(protoType: string, rule: FieldRule | undefined): Schema {
  const [low, high] = INT_BOUNDS[protoType] ?? [0, 2 ** 32 - 1];
  let max = rule?.max ?? high;
  if (rule?.bits !== undefined && rule.bits < 32 && !rule.sizeExtensible) max = Math.min(max, 2 ** rule.bits - 1);
  return { type: "integer", minimum: rule?.min ?? low, maximum: max };
}

function stringSchema(rule: FieldRule | undefined): Schema {
  const schema: Schema = { type: "string" };
  if (rule?.minLength !== undefined) schema["minLength"] = rule.minLength;
  if (rule?.maxLength !== undefined) schema["maxLength"] = rule.maxLength;
  if (rule?.charset !== undefined) schema["pattern"] = CHARSET_JSON_PATTERNS[rule.charset];
  return schema;
}

/** Base64 of n bytes is 4·⌊n/3⌋ characters plus "xx==" or "xxx=" for a remainder; the pattern pins n exactly. */
function bytesSchema(rule: FieldRule | undefined): Schema {
  const schema: Schema = { type: "string", contentEncoding: "base64" };
  if (rule?.minLength === undefined && rule?.maxLength === undefined) return schema;
  const low = rule.minLength ?? 0;
  const high = rule.maxLength;
  const group = "[A-Za-z0-9+/]";
  const alternatives: string[] = [];
  for (const [remainder, tail] of [
    [0, ""],
    [1, `${group}{2}==`],
    [2, `${group}{3}=`],
  ] as const) {
    const firstQuads = Math.max(0, Math.ceil((low - remainder) / 3));
    const lastQuads = high === undefined ? undefined : Math.floor((high - remainder) / 3);
    if (lastQuads !== undefined && lastQuads < firstQuads) continue;
    alternatives.push(`(?:${group}{4}){${firstQuads},${lastQuads ?? ""}}${tail}`);
  }
  schema["pattern"] = `^(?:${alternatives.join("|")})$`;
  return schema;
}
