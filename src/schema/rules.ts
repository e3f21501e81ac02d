import protobuf from "protobufjs";
import { SchemaError } from "./errors.ts";

/** Rule option names as they appear in protobufjs' parsed options. */
const OPTION = {
  field: "(v2xh.rules.v1.field)",
  message: "(v2xh.rules.v1.message)",
  enum: "(v2xh.rules.v1.enum)",
} as const;

export type SpecialKind = "unavailable" | "saturated" | "invalid" | "reserved" | "named";
export type Charset = "ia5" | "ascii-printable" | "digits";

export interface SpecialValue {
  readonly value: number;
  /** Last value of a run starting at `value`; equals `value` for a single value. */
  readonly to: number;
  readonly kind: SpecialKind;
  readonly meaning: string;
}

/** v2xh.rules.v1.FieldRule, read from a field's options, with any `element` it points at merged in. */
export interface FieldRule {
  readonly min?: number;
  readonly max?: number;
  readonly unit?: string;
  readonly resolution?: number;
  readonly offset?: number;
  readonly special: readonly SpecialValue[];
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly bits?: number;
  readonly sizeExtensible: boolean;
  /** An OPTIONAL list: empty means absent, and minItems applies only to a non-empty list. */
  readonly emptyMeansAbsent: boolean;
  readonly bitNames?: string;
  readonly charset?: Charset;
  readonly clause: string;
  readonly asnName?: string;
  /** Full name of the data element the rule came from, if any. */
  readonly element?: string;
}

export interface MessageRule {
  readonly extensible: boolean;
  readonly checks: readonly string[];
  readonly componentOrder: readonly string[];
  readonly asnName?: string;
  readonly clause: string;
  readonly reading: boolean;
  readonly dataElement: boolean;
}

export interface EnumRule {
  readonly extensible: boolean;
  readonly asnName?: string;
  readonly clause: string;
}

type OptionBag = Record<string, unknown>;

/** Merges every entry of one option in protobufjs' parsedOptions (`(x).a = 1` and `(x) = {…}` forms alike). */
function readOption(options: unknown, name: string): OptionBag | undefined {
  if (!Array.isArray(options)) return undefined;
  let merged: OptionBag | undefined;
  for (const entry of options as unknown[]) {
    if (typeof entry !== "object" || entry === null || !(name in entry)) continue;
    const value = (entry as OptionBag)[name];
    if (typeof value === "object" && value !== null) merged = { ...merged, ...(value as OptionBag) };
  }
  return merged;
}

function num(bag: OptionBag, key: string, where: string): number | undefined {
  const value = bag[key];
  if (value === undefined) return undefined;
  const n = typeof value === "string" ? Number(value) : value;
  if (typeof n !== "number" || Number.isNaN(n)) {
    throw new SchemaError("SchemaLoadError", `${where}: rule option ${key} must be a number, got ${JSON.stringify(value)}`);
  }
  return n;
}

function str(bag: OptionBag, key: string): string | undefined {
  const value = bag[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function list<T>(bag: OptionBag, key: string): T[] {
  const value = bag[key];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}

const SPECIAL_KINDS: Record<string, SpecialKind> = {
  SPECIAL_KIND_UNAVAILABLE: "unavailable",
  SPECIAL_KIND_SATURATED: "saturated",
  SPECIAL_KIND_INVALID: "invalid",
  SPECIAL_KIND_RESERVED: "reserved",
  SPECIAL_KIND_NAMED: "named",
};

const CHARSETS: Record<string, Charset> = {
  CHARSET_IA5: "ia5",
  CHARSET_ASCII_PRINTABLE: "ascii-printable",
  CHARSET_DIGITS: "digits",
};

function readSpecial(bag: OptionBag, where: string): SpecialValue[] {
  return list<OptionBag>(bag, "special").map((entry) => {
    const value = num(entry, "value", where) ?? 0;
    const kind = SPECIAL_KINDS[str(entry, "kind") ?? ""];
    if (kind === undefined) throw new SchemaError("SchemaLoadError", `${where}: special value ${value} has no kind`);
    return { value, to: num(entry, "to", where) ?? value, kind, meaning: str(entry, "meaning") ?? "" };
  });
}

/** The field's own rule keys, without resolving `element`. */
function ownFieldRule(field: protobuf.Field): OwnFieldRule | undefined {
  const bag = readOption(field.parsedOptions, OPTION.field);
  if (bag === undefined) return undefined;
  const where = `${field.parent?.fullName.slice(1) ?? "?"}.${field.name}`;
  const special = readSpecial(bag, where);
  return withoutUndefined<OwnFieldRule>({
    min: num(bag, "min", where),
    max: num(bag, "max", where),
    unit: str(bag, "unit"),
    resolution: num(bag, "resolution", where),
    offset: num(bag, "offset", where),
    special: special.length > 0 ? special : undefined,
    minItems: num(bag, "min_items", where),
    maxItems: num(bag, "max_items", where),
    minLength: num(bag, "min_length", where),
    maxLength: num(bag, "max_length", where),
    bits: num(bag, "bits", where),
    sizeExtensible: bag["size_extensible"] === true ? true : undefined,
    emptyMeansAbsent: bag["empty_means_absent"] === true ? true : undefined,
    bitNames: str(bag, "bit_names"),
    charset: CHARSETS[str(bag, "charset") ?? ""],
    clause: str(bag, "clause"),
    asnName: str(bag, "asn_name"),
    element: str(bag, "element"),
  });
}

type OwnFieldRule = Partial<FieldRule>;

/** Drops keys whose value is undefined, so the result fits exact optional properties. */
function withoutUndefined<T extends object>(value: { [K in keyof T]-?: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function withDefaults(rule: Partial<FieldRule>): FieldRule {
  return { special: [], sizeExtensible: false, emptyMeansAbsent: false, clause: "", ...rule };
}

/**
 * The rule of a field, or undefined when it has none. A rule that names an `element` starts from
 * that data element's `value` rule; keys written on the field itself override it.
 */
export function fieldRule(field: protobuf.Field): FieldRule | undefined {
  const own = ownFieldRule(field);
  if (own === undefined) return undefined;
  if (own.element === undefined) return withDefaults(own);
  const name = own.element.replace(/^\./, "");
  const element = field.root.lookup(name);
  const valueField = element instanceof protobuf.Type ? element.fields["value"] : undefined;
  if (valueField === undefined || !messageRule(element as protobuf.Type).dataElement) {
    throw new SchemaError(
      "SchemaLoadError",
      `${field.parent?.fullName.slice(1) ?? "?"}.${field.name}: element "${name}" is not a data-element message with a field "value"`,
    );
  }
  const base = ownFieldRule(valueField) ?? {};
  return withDefaults({ ...base, ...own, element: name });
}

export function messageRule(type: protobuf.Type): MessageRule {
  const bag = readOption(type.parsedOptions, OPTION.message) ?? {};
  const rule: MessageRule = {
    extensible: bag["extensible"] === true,
    checks: list<string>(bag, "checks"),
    componentOrder: list<string>(bag, "component_order"),
    clause: str(bag, "clause") ?? "",
    reading: bag["reading"] === true,
    dataElement: bag["data_element"] === true,
  };
  const asnName = str(bag, "asn_name");
  return asnName === undefined ? rule : { ...rule, asnName };
}

export function enumRule(type: protobuf.Enum): EnumRule {
  const bag = readOption(type.parsedOptions, OPTION.enum) ?? {};
  const rule: EnumRule = { extensible: bag["extensible"] === true, clause: str(bag, "clause") ?? "" };
  const asnName = str(bag, "asn_name");
  return asnName === undefined ? rule : { ...rule, asnName };
}

/** A proto3 `optional` creates a synthetic oneof; every other oneof is a CHOICE. */
export function isChoice(oneof: protobuf.OneOf): boolean {
  return !(oneof.oneof.length === 1 && oneof.fieldsArray[0]?.options?.["proto3_optional"] === true);
}

/** Zero values named *_UNSPECIFIED are placeholders the standard does not define. */
export function isPlaceholder(valueName: string, value: number): boolean {
  return value === 0 && valueName.endsWith("_UNSPECIFIED");
}

/** Describes the allowed range of a rule in words, e.g. "0..8191 (0.02 m/s)". */
export function describeRange(rule: FieldRule): string {
  const low = rule.min ?? "-∞";
  const high = rule.max ?? "+∞";
  const unit = rule.unit === undefined ? "" : ` (${rule.resolution ?? 1} ${rule.unit}${rule.offset ? `, offset ${rule.offset}` : ""})`;
  return `${low}..${high}${unit}`;
}
