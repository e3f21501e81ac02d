import protobuf from "protobufjs";
import type { MessageCheck } from "./checks/check.ts";
import { SchemaError } from "./errors.ts";
import type { Registry } from "./registry.ts";
import { describeRange, fieldRule, isChoice, isPlaceholder, messageRule, type FieldRule } from "./rules.ts";
import { fieldPath, reportValue, type Violation } from "./violation.ts";

type Out = Violation[];
type Check = (value: unknown, path: string, out: Out) => void;
type Obj = Record<string, unknown>;

interface MessagePlan {
  readonly fields: readonly { readonly name: string; readonly check: Check }[];
  readonly choices: readonly { readonly members: readonly string[]; readonly expected: string }[];
  readonly checks: readonly MessageCheck[];
}

const INT_TYPES = new Set(["int32", "uint32", "sint32", "fixed32", "sfixed32", "int64", "uint64", "sint64", "fixed64", "sfixed64"]);
const NUMBER_TYPES = new Set([...INT_TYPES, "double", "float"]);

type CheckTable = Readonly<Record<string, MessageCheck>>;

// Keyed by type: a type belongs to one registry's root, so its plan is compiled once with that registry's checks.
const plans = new WeakMap<protobuf.Type, MessagePlan>();

function planFor(type: protobuf.Type, checks: CheckTable): MessagePlan {
  let plan = plans.get(type);
  if (plan === undefined) {
    plan = compileMessage(type, checks);
    plans.set(type, plan);
  }
  return plan;
}

function runPlan(type: protobuf.Type, checks: CheckTable, message: Obj, path: string, out: Out): void {
  const plan = planFor(type, checks);
  for (const field of plan.fields) field.check(message[field.name], path, out);
  for (const choice of plan.choices) {
    if (!choice.members.some((m) => message[m] !== undefined && message[m] !== null)) {
      out.push({ path, rule: "choice", value: null, expected: choice.expected, clause: "" });
    }
  }
  for (const check of plan.checks) out.push(...check(message as never, path));
}

function compileMessage(type: protobuf.Type, table: CheckTable): MessagePlan {
  const rule = messageRule(type);
  const checks = rule.checks.map((name) => {
    const check = table[name];
    if (check === undefined) {
      throw new SchemaError("SchemaLoadError", `${type.fullName.slice(1)} lists the check "${name}", which src/schema/checks does not define`);
    }
    return check;
  });
  const fields: { name: string; check: Check }[] = [];
  for (const field of type.fieldsArray) {
    const check = compileField(field, table);
    if (check !== undefined) fields.push({ name: field.name, check });
  }
  const choices = type.oneofsArray.filter(isChoice).map((oneof) => ({
    members: oneof.oneof,
    expected: `one of ${oneof.oneof.join(", ")}`,
  }));
  return { fields, choices, checks };
}

function compileField(field: protobuf.Field, table: CheckTable): Check | undefined {
  const rule = fieldRule(field);
  const item = compileItem(field, rule, table);
  if (field.map) {
    if (item === undefined) return undefined;
    return (value, path, out) => {
      if (value === null || value === undefined) return;
      for (const [key, v] of Object.entries(value as Obj)) item(v, `${fieldPath(path, field.name)}[${JSON.stringify(key)}]`, out);
    };
  }
  if (field.repeated) return compileList(field, rule, item);
  if (field.resolvedType instanceof protobuf.Type) {
    const mandatory = field.partOf === null;
    return (value, path, out) => {
      if (value === null || value === undefined) {
        if (mandatory) out.push({ path: fieldPath(path, field.name), rule: "required", value: null, expected: "present", clause: rule?.clause ?? "" });
        return;
      }
      item?.(value, fieldPath(path, field.name), out);
    };
  }
  if (item === undefined) return undefined;
  return (value, path, out) => {
    if (value !== undefined && value !== null) item(value, fieldPath(path, field.name), out);
  };
}

function compileList(field: protobuf.Field, rule: FieldRule | undefined, item: Check | undefined): Check | undefined {
  const { minItems, maxItems } = rule ?? {};
  if (item === undefined && minItems === undefined && maxItems === undefined) return undefined;
  const emptyAllowed = rule?.emptyMeansAbsent === true;
  const expected = `${emptyAllowed ? "none (absent) or " : ""}${minItems ?? 0}..${maxItems ?? "∞"} items`;
  return (value, path, out) => {
    const items = (value ?? []) as unknown[];
    const here = fieldPath(path, field.name);
    const tooFew = minItems !== undefined && items.length < minItems && !(emptyAllowed && items.length === 0);
    if (tooFew || (maxItems !== undefined && items.length > maxItems)) {
      out.push({ path: here, rule: "items", value: items.length, expected, clause: rule?.clause ?? "" });
    }
    if (item !== undefined) for (let i = 0; i < items.length; i++) item(items[i], `${here}[${i}]`, out);
  };
}

/** The check of one value of the field (one item, for a list). Paths passed in are the value's own. */
function compileItem(field: protobuf.Field, rule: FieldRule | undefined, table: CheckTable): Check | undefined {
  const target = field.resolvedType;
  const clause = rule?.clause ?? "";
  if (target instanceof protobuf.Type) {
    if (messageRule(target).reading) return compileReading(target, rule);
    return (value, path, out) => runPlan(target, table, value as Obj, path, out);
  }
  if (target instanceof protobuf.Enum) return compileEnum(target, clause);
  if (NUMBER_TYPES.has(field.type)) return rule === undefined ? undefined : compileNumber(rule);
  if (field.type === "string") return rule === undefined ? undefined : compileString(rule);
  if (field.type === "bytes") return rule === undefined ? undefined : compileBytes(rule);
  return undefined;
}

function compileNumber(rule: FieldRule): Check | undefined {
  const { min, max, bits, sizeExtensible, clause } = rule;
  const checks: Check[] = [];
  if (min !== undefined || max !== undefined) {
    const low = min ?? -Infinity;
    const high = max ?? Infinity;
    const expected = describeRange(rule);
    checks.push((value, path, out) => {
      const n = typeof value === "bigint" ? Number(value) : (value as number);
      if (!(n >= low && n <= high)) out.push({ path, rule: "range", value: reportValue(value), expected, clause });
    });
  }
  if (bits !== undefined && bits < 32 && !sizeExtensible) {
    const limit = 2 ** bits;
    const expected = `only bits 0..${bits - 1} set`;
    checks.push((value, path, out) => {
      const n = Number(value);
      if (n >= limit) out.push({ path, rule: "bits", value: n, expected, clause });
    });
  }
  return combine(checks);
}

function compileString(rule: FieldRule): Check | undefined {
  const { minLength, maxLength, charset, clause } = rule;
  const checks: Check[] = [];
  if (minLength !== undefined || maxLength !== undefined) {
    const expected = `${minLength ?? 0}..${maxLength ?? "∞"} characters`;
    checks.push((value, path, out) => {
      const length = [...(value as string)].length;
      if ((minLength !== undefined && length < minLength) || (maxLength !== undefined && length > maxLength)) {
        out.push({ path, rule: "length", value: length, expected, clause });
      }
    });
  }
  if (charset !== undefined) {
    const pattern = CHARSET_PATTERNS[charset];
    checks.push((value, path, out) => {
      if (!pattern.test(value as string)) out.push({ path, rule: "charset", value: value as string, expected: CHARSET_NAMES[charset], clause });
    });
  }
  return combine(checks);
}

export const CHARSET_PATTERNS = {
  ia5: /^[\x00-\x7F]*$/,
  "ascii-printable": /^[\x20-\x7E]*$/,
  digits: /^[0-9]*$/,
} as const;

const CHARSET_NAMES = {
  ia5: "IA5 characters (code points 0..127)",
  "ascii-printable": "printable ASCII (0x20..0x7E)",
  digits: "decimal digits",
} as const;

function compileBytes(rule: FieldRule): Check | undefined {
  const { minLength, maxLength, clause } = rule;
  if (minLength === undefined && maxLength === undefined) return undefined;
  const expected = minLength === maxLength ? `${minLength} bytes` : `${minLength ?? 0}..${maxLength ?? "∞"} bytes`;
  return (value, path, out) => {
    const length = (value as Uint8Array).length;
    if ((minLength !== undefined && length < minLength) || (maxLength !== undefined && length > maxLength)) {
      out.push({ path, rule: "length", value: length, expected, clause });
    }
  };
}

function compileEnum(type: protobuf.Enum, clause: string): Check {
  const allowed = new Set(Object.entries(type.values).filter(([name, value]) => !isPlaceholder(name, value)).map(([, value]) => value));
  const expected = `a value of ${type.name}`;
  return (value, path, out) => {
    if (!allowed.has(value as number)) out.push({ path, rule: "enum", value: reportValue(value), expected, clause });
  };
}

/** A GB/T 32960 reading: the field's rule constrains `value`; `marker` must name abnormal or invalid. */
function compileReading(type: protobuf.Type, rule: FieldRule | undefined): Check {
  const valueCheck = rule === undefined ? undefined : compileNumber(rule);
  const markerType = type.fields["marker"]?.resolvedType;
  const markerCheck = markerType instanceof protobuf.Enum ? compileEnum(markerType, rule?.clause ?? "") : undefined;
  return (value, path, out) => {
    const reading = value as Obj;
    if (reading["value"] !== undefined && reading["value"] !== null) valueCheck?.(reading["value"], path, out);
    else if (reading["marker"] !== undefined && reading["marker"] !== null) markerCheck?.(reading["marker"], path, out);
    else out.push({ path, rule: "choice", value: null, expected: "a value or a marker", clause: rule?.clause ?? "" });
  };
}

function combine(checks: Check[]): Check | undefined {
  if (checks.length === 0) return undefined;
  if (checks.length === 1) return checks[0];
  return (value, path, out) => {
    for (const check of checks) check(value, path, out);
  };
}

/**
 * Every rule the message breaks, in field order: ranges, enum values, mandatory fields, CHOICEs,
 * list sizes, lengths, bits, character sets, then the message's named checks. An empty list means
 * the message is valid.
 */
export function validateRules(registry: Registry, typeName: string, message: unknown): Violation[] {
  const out: Violation[] = [];
  runPlan(registry.messageType(typeName), registry.checks, message as Obj, "", out);
  return out;
}

/** Compiles the validators of every loaded type, so that a broken rule option fails at start-up. */
export function compileAll(registry: Registry): void {
  for (const type of registry.messageTypes({ includeDataElements: true })) {
    planFor(type, registry.checks);
    for (const field of type.fieldsArray) fieldRule(field);
  }
}
