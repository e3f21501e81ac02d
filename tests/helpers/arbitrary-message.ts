import fc from "fast-check";
import protobuf from "protobufjs";
import { fieldRule, messageRule, type FieldRule, type Registry } from "../../src/schema/index.ts";
import { isChoice, isPlaceholder } from "../../src/schema/rules.ts";

type Json = Record<string, unknown>;

const LONG = new Set(["int64", "uint64", "sint64", "fixed64", "sfixed64"]);
const SIGNED = new Set(["int32", "sint32", "sfixed32", "int64", "sint64", "sfixed64"]);
const CHARS = {
  ia5: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  "ascii-printable": fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  digits: fc.integer({ min: 0x30, max: 0x39 }).map((c) => String.fromCharCode(c)),
};

/**
 * Random messages in canonical-JSON input form that keep every field rule of the schema (ranges,
 * enum values, sizes, lengths, bits, charsets, mandatory fields, CHOICEs). Named checks are not
 * modelled, so a message may still break one of those.
 */
export function arbitraryMessage(registry: Registry, typeName: string, maxDepth = 8): fc.Arbitrary<Json> {
  return messageArbitrary(registry.messageType(typeName), maxDepth);
}

function messageArbitrary(type: protobuf.Type, depth: number): fc.Arbitrary<Json> {
  const parts: fc.Arbitrary<Json>[] = [];
  const choices = type.oneofsArray.filter(isChoice);
  const inChoice = new Set(choices.flatMap((o) => o.oneof));
  for (const field of type.fieldsArray) {
    if (inChoice.has(field.name)) continue;
    const value = fieldArbitrary(field, depth);
    if (value === undefined) continue;
    parts.push(field.partOf !== null ? fc.option(value, { nil: undefined }).map((v) => (v === undefined ? {} : { [field.name]: v })) : value.map((v) => ({ [field.name]: v })));
  }
  for (const oneof of choices) {
    const membersAt = (budget: number) =>
      oneof.fieldsArray.map((member) => fieldArbitrary(member, budget)?.map((v) => ({ [member.name]: v }))).filter((a): a is fc.Arbitrary<Json> => a !== undefined);
    // A CHOICE must have a member: past the depth budget, allow one more level for it.
    const members = membersAt(depth);
    parts.push(fc.oneof(...(members.length > 0 ? members : membersAt(1))));
  }
  return fc.tuple(...parts).map((objects) => Object.assign({}, ...objects) as Json);
}

function fieldArbitrary(field: protobuf.Field, depth: number): fc.Arbitrary<unknown> | undefined {
  const rule = fieldRule(field);
  if (field.map) return fc.constant({});
  const item = valueArbitrary(field, rule, depth);
  if (item === undefined) return undefined;
  if (!field.repeated) return item;
  const minLength = rule?.minItems ?? 0;
  if (depth <= 0 && minLength === 0) return fc.constant([]);
  return fc.array(item, { minLength, maxLength: Math.min(rule?.maxItems ?? minLength + 2, minLength + 2) });
}

function valueArbitrary(field: protobuf.Field, rule: FieldRule | undefined, depth: number): fc.Arbitrary<unknown> | undefined {
  const target = field.resolvedType;
  if (target instanceof protobuf.Type) {
    if (target.fullName === ".google.protobuf.Timestamp") return fc.date({ min: new Date(0), max: new Date(4102444800000), noInvalidDate: true }).map((d) => d.toISOString());
    if (target.fullName === ".google.protobuf.Duration") return fc.integer({ min: 0, max: 100000 }).map((s) => `${s}s`);
    if (messageRule(target).reading) {
      return fc.oneof(numberArbitrary("uint32", rule).map((value) => ({ value })), fc.constantFrom("MARKER_ABNORMAL", "MARKER_INVALID").map((marker) => ({ marker })));
    }
    if (depth <= 0 && field.partOf !== null) return undefined;
    return fc.constant(null).chain(() => messageArbitrary(target, depth - 1));
  }
  if (target instanceof protobuf.Enum) {
    const values = Object.entries(target.values).filter(([name, v]) => !isPlaceholder(name, v)).map(([, v]) => v);
    return values.length === 0 ? undefined : fc.constantFrom(...values);
  }
  switch (field.type) {
    case "bool":
      return fc.boolean();
    case "string": {
      const minLength = rule?.minLength ?? 0;
      return fc.string({ unit: rule?.charset === undefined ? "grapheme-ascii" : CHARS[rule.charset], minLength, maxLength: Math.min(rule?.maxLength ?? minLength + 12, minLength + 12) });
    }
    case "bytes": {
      const minLength = rule?.minLength ?? 0;
      return fc.uint8Array({ minLength, maxLength: Math.min(rule?.maxLength ?? minLength + 16, minLength + 16) }).map((b) => Buffer.from(b).toString("base64"));
    }
    case "double":
    case "float":
      return fc.double({ min: rule?.min ?? -1e6, max: rule?.max ?? 1e6, noNaN: true, noDefaultInfinity: true }).map((d) => (field.type === "float" ? Math.fround(d) : d));
    default:
      return numberArbitrary(field.type, rule);
  }
}

function numberArbitrary(protoType: string, rule: FieldRule | undefined): fc.Arbitrary<number | string> {
  if (LONG.has(protoType)) {
    // Rule bounds are doubles: 2^64 - 1 reads back as 2^64, so clamp to what the type can hold.
    const [low, high] = SIGNED.has(protoType) ? [-(2n ** 63n), 2n ** 63n - 1n] : [0n, 2n ** 64n - 1n];
    const min = rule?.min === undefined ? low : BigInt(Math.ceil(rule.min));
    const max = rule?.max === undefined ? high : BigInt(Math.floor(rule.max));
    return fc.bigInt({ min: min < low ? low : min, max: max > high ? high : max }).map(String);
  }
  let max = rule?.max ?? (SIGNED.has(protoType) ? 2 ** 31 - 1 : 2 ** 32 - 1);
  if (rule?.bits !== undefined && rule.bits < 32 && !rule.sizeExtensible) max = Math.min(max, 2 ** rule.bits - 1);
  const min = rule?.min ?? (SIGNED.has(protoType) ? -(2 ** 31) : 0);
  return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
}
