import protobuf from "protobufjs";
import { DEFAULT_CODEC_OPTIONS, OBJECT_SHAPE, tooLarge, type CodecOptions } from "./codec-options.ts";
import { SchemaError } from "./errors.ts";
import { DURATION, LONG_TYPES, TIMESTAMP, protoName } from "./json-names.ts";
import type { Registry } from "./registry.ts";
import { fieldPath } from "./violation.ts";

/** Thrown inside the walk; turned into a DecodeError naming the type at the top. */
class JsonShapeError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(message);
    this.path = path;
  }
}

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const UINT32 = { min: 0, max: 2 ** 32 - 1 };
const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
const UINT64 = { min: 0n, max: 2n ** 64n - 1n };
const SIGNED_32 = new Set(["int32", "sint32", "sfixed32"]);
const UNSIGNED_64 = new Set(["uint64", "fixed64"]);

/**
 * Reads canonical protobuf JSON (text or an already parsed value) as `typeName`, strictly: an
 * unknown field, a value of the wrong JSON type, an integer out of its proto type's range, an
 * unknown enum name, bad base64 or two members of one oneof each throw a DecodeError naming the
 * field's path and the value. Field names may be lowerCamelCase or the proto names. The result has
 * the same shape as decodeProtobuf's.
 */
export function decodeJson<T = Record<string, unknown>>(
  registry: Registry,
  typeName: string,
  input: unknown,
  options: Partial<CodecOptions> = {},
): T {
  const type = registry.messageType(typeName);
  const name = type.fullName.slice(1);
  let json: unknown = input;
  if (typeof input === "string") {
    const limit = options.maxInputSize ?? DEFAULT_CODEC_OPTIONS.maxInputSize;
    if (input.length > limit) throw new SchemaError("DecodeError", tooLarge(name, input.length, "characters", limit), { typeName: name });
    try {
      json = JSON.parse(input);
    } catch (cause) {
      throw new SchemaError("DecodeError", `${name}: not valid JSON: ${(cause as Error).message}`, { typeName: name }, cause);
    }
  }
  try {
    const normalized = messageFromJson(type, json, "");
    return type.toObject(type.fromObject(normalized), OBJECT_SHAPE) as T;
  } catch (cause) {
    if (cause instanceof JsonShapeError) {
      const where = cause.path === "" ? "" : `${cause.path}: `;
      throw new SchemaError("DecodeError", `${name}: ${where}${cause.message}`, { typeName: name, path: cause.path }, cause);
    }
    if (cause instanceof RangeError && /call stack/i.test(cause.message)) {
      throw new SchemaError("DecodeError", `${name}: messages nest too deeply`, { typeName: name }, cause);
    }
    throw cause;
  }
}

function got(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function messageFromJson(type: protobuf.Type, json: unknown, path: string): Record<string, unknown> {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new JsonShapeError(path, `expected a JSON object for ${type.fullName.slice(1)}, got ${got(json)}`);
  }
  const byName = fieldsByJsonName(type);
  const out: Record<string, unknown> = {};
  const oneofSeen = new Map<string, string>();
  for (const [key, value] of Object.entries(json)) {
    const field = byName.get(key);
    const here = fieldPath(path, key);
    if (field === undefined) {
      throw new JsonShapeError(here, `unknown field "${key}" in ${type.fullName.slice(1)} (fields: ${type.fieldsArray.map((f) => f.name).join(", ")})`);
    }
    if (value === null) continue;
    if (field.partOf !== null) {
      const other = oneofSeen.get(field.partOf.name);
      if (other !== undefined) throw new JsonShapeError(here, `"${other}" and "${field.name}" are members of one oneof; set only one`);
      oneofSeen.set(field.partOf.name, field.name);
    }
    out[field.name] = fieldFromJson(field, value, fieldPath(path, field.name));
  }
  return out;
}

const nameMaps = new WeakMap<protobuf.Type, Map<string, protobuf.Field>>();

function fieldsByJsonName(type: protobuf.Type): Map<string, protobuf.Field> {
  let map = nameMaps.get(type);
  if (map === undefined) {
    map = new Map();
    for (const field of type.fieldsArray) {
      map.set(field.name, field);
      map.set(protoName(field), field);
    }
    nameMaps.set(type, map);
  }
  return map;
}

function fieldFromJson(field: protobuf.Field, value: unknown, path: string): unknown {
  if (field.map) {
    if (typeof value !== "object" || Array.isArray(value)) throw new JsonShapeError(path, `expected a JSON object (a map), got ${got(value)}`);
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, valueFromJson(field, v, `${path}[${JSON.stringify(k)}]`)]));
  }
  if (field.repeated) {
    if (!Array.isArray(value)) throw new JsonShapeError(path, `expected a JSON array, got ${got(value)}`);
    return value.map((item, i) => valueFromJson(field, item, `${path}[${i}]`));
  }
  return valueFromJson(field, value, path);
}

function valueFromJson(field: protobuf.Field, value: unknown, path: string): unknown {
  const target = field.resolvedType;
  if (target instanceof protobuf.Type) {
    if (target.fullName === TIMESTAMP) return timestampFromJson(value, path);
    if (target.fullName === DURATION) return durationFromJson(value, path);
    return messageFromJson(target, value, path);
  }
  if (target instanceof protobuf.Enum) return enumFromJson(target, value, path);
  switch (field.type) {
    case "string":
      if (typeof value !== "string") throw new JsonShapeError(path, `expected a string, got ${got(value)}`);
      return value;
    case "bool":
      if (typeof value !== "boolean") throw new JsonShapeError(path, `expected true or false, got ${got(value)}`);
      return value;
    case "bytes":
      return bytesFromJson(value, path);
    case "double":
    case "float":
      return floatFromJson(value, path);
    default:
      if (LONG_TYPES.has(field.type)) return longFromJson(value, path, UNSIGNED_64.has(field.type) ? UINT64 : INT64).toString();
      return intFromJson(value, path, SIGNED_32.has(field.type) ? INT32 : UINT32);
  }
}

function integerText(value: unknown, path: string): string {
  if (typeof value === "number" && Number.isInteger(value)) return BigInt(value).toString();
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return value.trim();
  throw new JsonShapeError(path, `expected an integer, got ${got(value)}`);
}

function intFromJson(value: unknown, path: string, range: { min: number; max: number }): number {
  const n = Number(integerText(value, path));
  if (n < range.min || n > range.max) throw new JsonShapeError(path, `integer ${got(value)} does not fit the field (${range.min}..${range.max})`);
  return n;
}

function longFromJson(value: unknown, path: string, range: { min: bigint; max: bigint }): bigint {
  const n = BigInt(integerText(value, path));
  if (n < range.min || n > range.max) throw new JsonShapeError(path, `integer ${got(value)} does not fit the field (${range.min}..${range.max})`);
  return n;
}

function floatFromJson(value: unknown, path: string): number {
  if (typeof value === "number") return value;
  if (value === "NaN") return NaN;
  if (value === "Infinity") return Infinity;
  if (value === "-Infinity") return -Infinity;
  if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
  throw new JsonShapeError(path, `expected a number, got ${got(value)}`);
}

function enumFromJson(type: protobuf.Enum, value: unknown, path: string): number {
  if (typeof value === "string") {
    const number = type.values[value];
    if (number === undefined) throw new JsonShapeError(path, `unknown ${type.name} value ${got(value)} (values: ${Object.keys(type.values).join(", ")})`);
    return number;
  }
  return intFromJson(value, path, INT32);
}

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

function bytesFromJson(value: unknown, path: string): Uint8Array {
  if (typeof value !== "string" || !BASE64.test(value) || value.replace(/=+$/, "").length % 4 === 1) {
    throw new JsonShapeError(path, `expected base64 bytes, got ${got(value)}`);
  }
  return Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function timestampFromJson(value: unknown, path: string): { seconds: string; nanos: number } {
  const match = typeof value === "string" ? RFC3339.exec(value) : null;
  const millis = match === null ? NaN : Date.parse(`${match[1]}${match[3]}`);
  if (match === null || Number.isNaN(millis)) throw new JsonShapeError(path, `expected an RFC 3339 timestamp such as "2026-11-26T08:30:00Z", got ${got(value)}`);
  const nanos = match[2] === undefined ? 0 : Number(match[2].slice(1).padEnd(9, "0"));
  return { seconds: String(Math.floor(millis / 1000)), nanos };
}

function durationFromJson(value: unknown, path: string): { seconds: string; nanos: number } {
  const match = typeof value === "string" ? /^(-?)(\d+)(?:\.(\d{1,9}))?s$/.exec(value) : null;
  if (match === null) throw new JsonShapeError(path, `expected a duration such as "1.5s", got ${got(value)}`);
  const sign = match[1] === "-" ? -1 : 1;
  const nanos = match[3] === undefined ? 0 : Number(match[3].padEnd(9, "0"));
  return { seconds: `${match[1]}${match[2]}`, nanos: sign * nanos };
}
