import type { Data, DataEntry, Datapoint, StructValue, Value, VissError } from "../../schema/gen/v2xh/vss/v1/values_pb.ts";
import type { JsonValue } from "../../schema/index.ts";
import type { DialectSpelling } from "./viss-dialect.ts";
import { checkMembers, expected, isObject, itemPath, memberPath, readObject, readString, readUintString, type JsonObject } from "./wire-json.ts";

// VISS carries every scalar as a string, arrays as arrays of strings and structs as objects (spec A4).

export function writeValue(value: Value): JsonValue {
  if (value.scalar !== undefined) return value.scalar;
  if (value.array !== undefined) return [...value.array.values];
  if (value.structValue !== undefined) return writeStruct(value.structValue);
  return value.structArray.values.map(writeStruct);
}

function writeStruct(struct: StructValue): JsonObject {
  return Object.fromEntries(Object.entries(struct.fields).map(([name, member]) => [name, writeValue(member)]));
}

/** An empty JSON array reads as an empty string array: the two array kinds look alike when empty. */
export function readValue(json: unknown, path: string): Value {
  if (typeof json === "string") return { scalar: json };
  if (Array.isArray(json)) {
    if (json.every((item) => typeof item === "string")) return { array: { values: json } };
    if (json.every(isObject)) return { structArray: { values: json.map((item, i) => readStruct(item, itemPath(path, i))) } };
    throw expected(path, "an array of strings or an array of objects", json);
  }
  if (isObject(json)) return { structValue: readStruct(json, path) };
  throw expected(path, "a value as a string, an array or an object (VISS carries values as strings)", json);
}

function readStruct(json: Record<string, unknown>, path: string): StructValue {
  return { fields: Object.fromEntries(Object.entries(json).map(([name, member]) => [name, readValue(member, memberPath(path, name))])) };
}

function writeDatapoint(dp: Datapoint): JsonObject {
  return { value: writeValue(dp.value), ts: dp.ts };
}

function readDatapoint(json: unknown, path: string): Datapoint {
  const object = readObject(json, path);
  checkMembers(object, path, ["value", "ts"]);
  return { value: readValue(object["value"], memberPath(path, "value")), ts: readString(object["ts"], memberPath(path, "ts")) };
}

function writeEntry(entry: DataEntry): JsonObject {
  const dp = entry.single !== undefined ? writeDatapoint(entry.single) : entry.multiple.values.map(writeDatapoint);
  return { path: entry.path, dp };
}

function readEntry(json: unknown, path: string): DataEntry {
  const object = readObject(json, path);
  checkMembers(object, path, ["path", "dp"]);
  const nodePath = readString(object["path"], memberPath(path, "path"));
  const dp = object["dp"];
  const dpPath = memberPath(path, "dp");
  if (Array.isArray(dp)) return { path: nodePath, multiple: { values: dp.map((item, i) => readDatapoint(item, itemPath(dpPath, i))) } };
  return { path: nodePath, single: readDatapoint(dp, dpPath) };
}

/** `data`: an object for one node, an array for several; `dp` an object for one datapoint, an array for several. */
export function writeData(data: Data): JsonValue {
  return data.node !== undefined ? writeEntry(data.node) : data.nodes.entries.map(writeEntry);
}

export function readData(json: unknown, path: string): Data {
  if (Array.isArray(json)) return { nodes: { entries: json.map((item, i) => readEntry(item, itemPath(path, i))) } };
  return { node: readEntry(json, path) };
}

export function writeError(error: VissError, dialect: DialectSpelling): JsonObject {
  const out: JsonObject = { number: dialect.errorNumberAsString ? String(error.number) : error.number };
  if (error.reason !== undefined) out["reason"] = error.reason;
  if (error.message !== undefined) out[dialect.errorTextKey] = error.message;
  return out;
}

export function readError(json: unknown, path: string, dialect: DialectSpelling): VissError {
  const object = readObject(json, path);
  checkMembers(object, path, ["number"], ["reason", dialect.errorTextKey]);
  const numberPath = memberPath(path, "number");
  const raw = object["number"];
  let number: number;
  if (dialect.errorNumberAsString) {
    number = readUintString(raw, numberPath);
  } else if (typeof raw === "number" && Number.isInteger(raw) && raw >= 0) {
    number = raw;
  } else {
    throw expected(numberPath, "an integer (VISS v2 writes the error number as a JSON number)", raw);
  }
  const error: VissError = { number };
  if (object["reason"] !== undefined) error.reason = readString(object["reason"], memberPath(path, "reason"));
  const text = object[dialect.errorTextKey];
  if (text !== undefined) error.message = readString(text, memberPath(path, dialect.errorTextKey));
  return error;
}
