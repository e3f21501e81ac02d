import protobuf from "protobufjs";
import type { MessageCheck } from "./checks/check.ts";
import { SchemaError } from "./errors.ts";
import type { Registry } from "./registry.ts";
import { describeRange, fieldRule, isChoice, isPlaceholder, messageRule, type FieldRule } from "./rules.ts";
import { fieldPath, reportValue, type Violation } from "./violation.ts";

type Out = Violation[];
type Obj = Record<string, unknown>;
type CheckTable = Readonly<Record<string, MessageCheck>>;

/**
 * Every rule is compiled twice: `ok` answers "is this value valid?" without allocating anything,
 * and `report` collects violations with their paths. Valid messages, the common case, only ever
 * run `ok`; `report` runs when `ok` has said something is wrong.
 */
interface Rule {
  readonly ok: (value: unknown) => boolean;
  readonly report: (value: unknown, path: string, out: Out) => void;
  /** The `ok` test as a JavaScript expression over a set value named by `v`, where one exists. */
  readonly expression?: (v: string) => string;
}

interface MessagePlan {
  readonly fields: readonly { readonly name: string; readonly rule: Rule }[];
  readonly choices: readonly { readonly members: readonly string[]; readonly expected: string }[];
  readonly checks: readonly MessageCheck[];
  /** Generated from the above: true when the message breaks no rule. */
  readonly ok: (message: Obj) => boolean;
}

const LONG_TYPES = new Set(["int64", "uint64", "sint64", "fixed64", "sfixed64"]);
const NUMBER_TYPES = new Set(["int32", "uint32", "sint32", "fixed32", "sfixed32", "double", "float", ...LONG_TYPES]);

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

const isSet = (value: unknown): boolean => value !== undefined && value !== null;

/**
 * Generates the `ok` function of a message. Reading each field by a literal name lets V8 cache
 * every property access; a generic loop over field names makes all of them slow lookups (this
 * roughly halves the cost of validating a valid BSM).
 */
function generateOk(fields: MessagePlan["fields"], choices: MessagePlan["choices"], checks: readonly MessageCheck[]): (message: Obj) => boolean {
  const lines = ["var v;"];
  fields.forEach(({ name, rule }, i) => {
    const key = JSON.stringify(name);
    lines.push(rule.expression === undefined ? `if (!rules[${i}](m[${key}])) return false;` : `v = m[${key}]; if (v != null && !(${rule.expression("v")})) return false;`);
  });
  for (const { members } of choices) lines.push(`if (${members.map((m) => `m[${JSON.stringify(m)}] == null`).join(" && ")}) return false;`);
  checks.forEach((_check, i) => lines.push(`if (checks[${i}](m, "").length !== 0) return false;`));
  lines.push("return true;");
  // The source is built only from schema field names (quoted with JSON.stringify) and numeric rule bounds.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const factory = new Function("rules", "checks", `return function ok(m) {\n${lines.join("\n")}\n};`) as (
    rules: readonly ((value: unknown) => boolean)[],
    checks: readonly MessageCheck[],
  ) => (message: Obj) => boolean;
  return factory(
    fields.map((f) => f.rule.ok),
    checks,
  );
}

function messageReport(plan: MessagePlan, message: Obj, path: string, out: Out): void {
  for (const field of plan.fields) {
    const value = message[field.name];
    if (!field.rule.ok(value)) field.rule.report(value, path, out);
  }
  for (const choice of plan.choices) {
    if (!choice.members.some((m) => isSet(message[m]))) out.push({ path, rule: "choice", value: null, expected: choice.expected, clause: "" });
  }
  for (const check of plan.checks) out.push(...check(message as never, path));
}

function compileMessage(type: protobuf.Type, table: CheckTable): MessagePlan {
  const checks = messageRule(type).checks.map((name) => {
    const check = table[name];
    if (check === undefined) {
      throw new SchemaError("SchemaLoadError", `${type.fullName.slice(1)} lists the check "${name}", which src/schema/checks does not define`);
    }
    return check;
  });
  const fields: { name: string; rule: Rule }[] = [];
  for (const field of type.fieldsArray) {
    const rule = compileField(field, table);
    if (rule !== undefined) fields.push({ name: field.name, rule });
  }
  const choices = type.oneofsArray.filter(isChoice).map((oneof) => ({ members: oneof.oneof, expected: `one of ${oneof.oneof.join(", ")}` }));
  return { fields, choices, checks, ok: generateOk(fields, choices, checks) };
}

/** The rule of a whole field; `report` receives the path of the message that holds it. */
function compileField(field: protobuf.Field, table: CheckTable): Rule | undefined {
  const rule = fieldRule(field);
  const item = compileItem(field, rule, table);
  const name = field.name;
  if (field.map) {
    if (item === undefined) return undefined;
    return {
      ok: (value) => !isSet(value) || Object.values(value as Obj).every(item.ok),
      report: (value, path, out) => {
        for (const [key, v] of Object.entries(value as Obj)) if (!item.ok(v)) item.report(v, `${fieldPath(path, name)}[${JSON.stringify(key)}]`, out);
      },
    };
  }
  if (field.repeated) return compileList(name, rule, item);
  if (field.resolvedType instanceof protobuf.Type) {
    const mandatory = field.partOf === null;
    const clause = rule?.clause ?? "";
    return {
      ok: (value) => (isSet(value) ? (item?.ok(value) ?? true) : !mandatory),
      report: (value, path, out) => {
        if (isSet(value)) item?.report(value, fieldPath(path, name), out);
        else out.push({ path: fieldPath(path, name), rule: "required", value: null, expected: "present", clause });
      },
    };
  }
  if (item === undefined) return undefined;
  const scalar: Rule = {
    ok: (value) => !isSet(value) || item.ok(value),
    report: (value, path, out) => item.report(value, fieldPath(path, name), out),
  };
  return item.expression === undefined ? scalar : { ...scalar, expression: item.expression };
}

function compileList(name: string, rule: FieldRule | undefined, item: Rule | undefined): Rule | undefined {
  const { minItems, maxItems } = rule ?? {};
  if (item === undefined && minItems === undefined && maxItems === undefined) return undefined;
  const emptyAllowed = rule?.emptyMeansAbsent === true;
  const expected = `${emptyAllowed ? "none (absent) or " : ""}${minItems ?? 0}..${maxItems ?? "∞"} items`;
  const sizeOk = (length: number): boolean =>
    (minItems === undefined || length >= minItems || (emptyAllowed && length === 0)) && (maxItems === undefined || length <= maxItems);
  return {
    ok: (value) => {
      const items = (value ?? []) as unknown[];
      if (!sizeOk(items.length)) return false;
      if (item !== undefined) for (const entry of items) if (!item.ok(entry)) return false;
      return true;
    },
    report: (value, path, out) => {
      const items = (value ?? []) as unknown[];
      const here = fieldPath(path, name);
      if (!sizeOk(items.length)) out.push({ path: here, rule: "items", value: items.length, expected, clause: rule?.clause ?? "" });
      if (item !== undefined) items.forEach((entry, i) => item.ok(entry) || item.report(entry, `${here}[${i}]`, out));
    },
  };
}

/** The rule of one value of the field (one item, for a list); `report` receives the value's own path. */
function compileItem(field: protobuf.Field, rule: FieldRule | undefined, table: CheckTable): Rule | undefined {
  const target = field.resolvedType;
  if (target instanceof protobuf.Type) {
    if (messageRule(target).reading) return compileReading(target, rule);
    // The plan is bound when first used, so recursive types compile.
    let plan: MessagePlan | undefined;
    return {
      ok: (value) => (plan ??= planFor(target, table)).ok(value as Obj),
      report: (value, path, out) => messageReport((plan ??= planFor(target, table)), value as Obj, path, out),
    };
  }
  if (target instanceof protobuf.Enum) return compileEnum(target, rule?.clause ?? "");
  if (rule === undefined) return undefined;
  if (NUMBER_TYPES.has(field.type)) return compileNumber(rule, !LONG_TYPES.has(field.type));
  if (field.type === "string") return compileString(rule);
  if (field.type === "bytes") return compileBytes(rule);
  return undefined;
}

/** A rule from a test and the violation it reports when the test fails. */
function simple(ok: (value: unknown) => boolean, violation: (value: unknown) => Omit<Violation, "path">): Rule {
  return { ok, report: (value, path, out) => void out.push({ path, ...violation(value) }) };
}

function both(rules: Rule[]): Rule | undefined {
  if (rules.length <= 1) return rules[0];
  return {
    ok: (value) => rules.every((r) => r.ok(value)),
    report: (value, path, out) => {
      for (const r of rules) if (!r.ok(value)) r.report(value, path, out);
    },
  };
}

/** `inline`: values are JS numbers (not bigint), so the test can be generated as an expression. */
function compileNumber(rule: FieldRule, inline: boolean): Rule | undefined {
  const { min, max, bits, sizeExtensible, clause } = rule;
  const rules: Rule[] = [];
  const tests: ((v: string) => string)[] = [];
  if (min !== undefined || max !== undefined) {
    const low = min ?? -Infinity;
    const high = max ?? Infinity;
    const expected = describeRange(rule);
    rules.push(
      simple(
        (value) => {
          const n = typeof value === "bigint" ? Number(value) : (value as number);
          return n >= low && n <= high;
        },
        (value) => ({ rule: "range", value: reportValue(value), expected, clause }),
      ),
    );
    tests.push((v) => [min === undefined ? "" : `${v} >= ${low}`, max === undefined ? "" : `${v} <= ${high}`].filter(Boolean).join(" && "));
  }
  if (bits !== undefined && bits < 32 && !sizeExtensible) {
    const limit = 2 ** bits;
    const expected = `only bits 0..${bits - 1} set`;
    rules.push(simple((value) => Number(value) < limit, (value) => ({ rule: "bits", value: Number(value), expected, clause })));
    tests.push((v) => `${v} < ${limit}`);
  }
  const combined = both(rules);
  if (combined === undefined || !inline) return combined;
  return { ...combined, expression: (v) => tests.map((test) => `(${test(v)})`).join(" && ") };
}

function everyCodePoint(low: number, high: number): (text: string) => boolean {
  return (text) => {
    for (const char of text) {
      const code = char.codePointAt(0) ?? 0;
      if (code < low || code > high) return false;
    }
    return true;
  };
}

const CHARSETS = {
  ia5: { test: everyCodePoint(0x00, 0x7f), name: "IA5 characters (code points 0..127)" },
  "ascii-printable": { test: everyCodePoint(0x20, 0x7e), name: "printable ASCII (0x20..0x7E)" },
  digits: { test: everyCodePoint(0x30, 0x39), name: "decimal digits" },
} as const;

/** A length rule; `measure` gives the length of a value (characters or bytes). */
function compileLength(rule: FieldRule, measure: (value: unknown) => number, unit: string): Rule | undefined {
  const { minLength, maxLength, clause } = rule;
  if (minLength === undefined && maxLength === undefined) return undefined;
  const expected = minLength === maxLength ? `${minLength} ${unit}` : `${minLength ?? 0}..${maxLength ?? "∞"} ${unit}`;
  const fits = (length: number): boolean => (minLength === undefined || length >= minLength) && (maxLength === undefined || length <= maxLength);
  return simple(
    (value) => fits(measure(value)),
    (value) => ({ rule: "length", value: measure(value), expected, clause }),
  );
}

/** Strings are measured in code points, as ASN.1 and JSON Schema count characters. */
function characters(value: unknown): number {
  const text = value as string;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) count++;
  }
  return count;
}

function compileString(rule: FieldRule): Rule | undefined {
  const rules: Rule[] = [];
  const length = compileLength(rule, characters, "characters");
  if (length !== undefined) rules.push(length);
  if (rule.charset !== undefined) {
    const { test, name } = CHARSETS[rule.charset];
    const clause = rule.clause;
    rules.push(simple((value) => test(value as string), (value) => ({ rule: "charset", value: value as string, expected: name, clause })));
  }
  return both(rules);
}

function compileBytes(rule: FieldRule): Rule | undefined {
  return compileLength(rule, (value) => (value as Uint8Array).length, "bytes");
}

function compileEnum(type: protobuf.Enum, clause: string): Rule {
  const allowed = new Set(Object.entries(type.values).filter(([name, value]) => !isPlaceholder(name, value)).map(([, value]) => value));
  const expected = `a value of ${type.name}`;
  return simple((value) => allowed.has(value as number), (value) => ({ rule: "enum", value: reportValue(value), expected, clause }));
}

/** A GB/T 32960 reading: the field's rule constrains `value`; `marker` must name abnormal or invalid. */
function compileReading(type: protobuf.Type, rule: FieldRule | undefined): Rule {
  const valueRule = rule === undefined ? undefined : compileNumber(rule, true);
  const markerType = type.fields["marker"]?.resolvedType;
  const markerRule = markerType instanceof protobuf.Enum ? compileEnum(markerType, rule?.clause ?? "") : undefined;
  const clause = rule?.clause ?? "";
  return {
    ok: (value) => {
      const reading = value as Obj;
      if (isSet(reading["value"])) return valueRule?.ok(reading["value"]) ?? true;
      if (isSet(reading["marker"])) return markerRule?.ok(reading["marker"]) ?? true;
      return false;
    },
    report: (value, path, out) => {
      const reading = value as Obj;
      if (isSet(reading["value"])) valueRule?.report(reading["value"], path, out);
      else if (isSet(reading["marker"])) markerRule?.report(reading["marker"], path, out);
      else out.push({ path, rule: "choice", value: null, expected: "a value or a marker", clause });
    },
  };
}

/**
 * Every rule the message breaks, in field order: ranges, enum values, mandatory fields, CHOICEs,
 * list sizes, lengths, bits, character sets, then the message's named checks. An empty list means
 * the message is valid.
 */
export function validateRules(registry: Registry, typeName: string, message: unknown): Violation[] {
  const plan = planFor(registry.messageType(typeName), registry.checks);
  if (plan.ok(message as Obj)) return [];
  const out: Violation[] = [];
  messageReport(plan, message as Obj, "", out);
  return out;
}

/** Compiles the validators of every loaded type, so that a broken rule option fails at start-up. */
export function compileAll(registry: Registry): void {
  for (const type of registry.messageTypes({ includeDataElements: true })) planFor(type, registry.checks);
}
