import type { JsonValue } from "../../schema/index.ts";
import { TransportError } from "../transport-error.ts";

export type JsonObject = { [key: string]: JsonValue };

/** Path of member `key` below `parent` ("" is the message itself). */
export function memberPath(parent: string, key: string): string {
  return parent === "" ? key : `${parent}.${key}`;
}

export function itemPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** A short JSON rendering of a received value for error messages. */
export function shown(value: unknown): string {
  const text = value === undefined ? "nothing" : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The error of a wire value that does not have the expected shape: "`path`: `problem`". */
export function wireError(path: string, problem: string): TransportError {
  return new TransportError("wire-format", path === "" ? problem : `${path}: ${problem}`, { path });
}

export function expected(path: string, what: string, value: unknown): TransportError {
  return wireError(path, `expected ${what}, got ${shown(value)}`);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function readObject(value: unknown, path: string): Record<string, unknown> {
  if (!isObject(value)) throw expected(path, "a JSON object", value);
  return value;
}

export function readString(value: unknown, path: string): string {
  if (typeof value !== "string") throw expected(path, "a string", value);
  return value;
}

const UINT = /^(0|[1-9]\d*)$/;

/** An unsigned integer written as a string ("100"), as VISS writes periods and sizes. */
export function readUintString(value: unknown, path: string, max = 2 ** 32 - 1): number {
  if (typeof value !== "string" || !UINT.test(value)) throw expected(path, "a number as string", value);
  const n = Number(value);
  if (n > max) throw wireError(path, `${value} is larger than ${max}`);
  return n;
}

/**
 * Checks that `object` has every member of `required` and no member outside `required` and
 * `optional`; the first offence names the member.
 */
export function checkMembers(object: Record<string, unknown>, path: string, required: readonly string[], optional: readonly string[] = []): void {
  for (const key of required) {
    if (object[key] === undefined) throw wireError(memberPath(path, key), "missing");
  }
  for (const key of Object.keys(object)) {
    if (!required.includes(key) && !optional.includes(key)) {
      throw wireError(memberPath(path, key), `unexpected member (allowed here: ${[...required, ...optional].join(", ")})`);
    }
  }
}

/** `value` when it is one of `names`, otherwise an error listing them. */
export function readName<T extends string>(value: unknown, path: string, names: readonly T[]): T {
  if (typeof value === "string" && (names as readonly string[]).includes(value)) return value as T;
  throw expected(path, `one of ${names.join(", ")}`, value);
}
