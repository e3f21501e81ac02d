import protobuf from "protobufjs";
import { DURATION, LONG_TYPES, TIMESTAMP } from "./json-names.ts";
import type { Registry } from "./registry.ts";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * The canonical protobuf JSON form of a message: lowerCamelCase names, enum values by name, bytes
 * in base64, 64-bit integers as strings, Timestamp and Duration as strings, fields at their
 * default value left out (except where presence is tracked: `optional` fields and oneof members).
 */
export function encodeJson(registry: Registry, typeName: string, message: unknown): { [key: string]: JsonValue } {
  return messageToJson(registry.messageType(typeName), message as Record<string, unknown>);
}

function messageToJson(type: protobuf.Type, message: Record<string, unknown>): { [key: string]: JsonValue } {
  if (type.fullName === TIMESTAMP || type.fullName === DURATION) {
    throw new TypeError("well-known types are converted by their parent field");
  }
  const out: { [key: string]: JsonValue } = {};
  for (const field of type.fieldsArray) {
    const value = message[field.name];
    if (value === undefined || value === null) continue;
    if (field.map) {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length > 0) out[field.name] = Object.fromEntries(entries.map(([k, v]) => [k, valueToJson(field, v)]));
    } else if (field.repeated) {
      const items = value as unknown[];
      if (items.length > 0) out[field.name] = items.map((item) => valueToJson(field, item));
    } else if (field.partOf !== null || !isDefault(field, value)) {
      out[field.name] = valueToJson(field, value);
    }
  }
  return out;
}

function isDefault(field: protobuf.Field, value: unknown): boolean {
  if (field.resolvedType instanceof protobuf.Type) return false;
  if (value instanceof Uint8Array) return value.length === 0;
  return value === 0 || value === 0n || value === false || value === "";
}

function valueToJson(field: protobuf.Field, value: unknown): JsonValue {
  const target = field.resolvedType;
  if (target instanceof protobuf.Type) {
    if (target.fullName === TIMESTAMP) return timestampToJson(value as WellKnownTime);
    if (target.fullName === DURATION) return durationToJson(value as WellKnownTime);
    return messageToJson(target, value as Record<string, unknown>);
  }
  if (target instanceof protobuf.Enum) return target.valuesById[value as number] ?? (value as number);
  if (LONG_TYPES.has(field.type)) return String(value);
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.length).toString("base64");
  if (typeof value === "number" && !Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  return value as JsonValue;
}

interface WellKnownTime {
  seconds: bigint | number;
  nanos: number;
}

function timestampToJson({ seconds, nanos }: WellKnownTime): string {
  const date = new Date(Number(seconds) * 1000);
  const fraction = nanos === 0 ? "" : `.${String(nanos).padStart(9, "0").replace(/0+$/, "")}`;
  return `${date.toISOString().slice(0, 19)}${fraction}Z`;
}

function durationToJson({ seconds, nanos }: WellKnownTime): string {
  const negative = Number(seconds) < 0 || nanos < 0;
  const whole = Math.abs(Number(seconds));
  const fraction = nanos === 0 ? "" : `.${String(Math.abs(nanos)).padStart(9, "0").replace(/0+$/, "")}`;
  return `${negative ? "-" : ""}${whole}${fraction}s`;
}
