// The ASN.1 view of a schema type that the UPER encoder and decoder walk. describe-schema.ts derives
// it from the protos and their rule options; nothing else states a constraint.

/** SIZE(min..max) or, with `extensible`, SIZE(min..max, ...); `max` undefined is MAX. */
export interface SizeConstraint {
  readonly min: number;
  readonly max: number | undefined;
  readonly extensible: boolean;
}

/** INTEGER (min..max) with either bound possibly absent (semi-constrained, unconstrained), optionally extensible. */
export interface IntegerType {
  readonly kind: "integer";
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly extensible: boolean;
}

/** ENUMERATED: `values` are the root values in ascending order, so a value's position is its PER index. */
export interface EnumeratedType {
  readonly kind: "enumerated";
  readonly name: string;
  readonly values: readonly number[];
  readonly extensible: boolean;
}

export interface BooleanType {
  readonly kind: "boolean";
}

/** NULL, carried in the schema as a message without fields; its value is `{}`. */
export interface NullType {
  readonly kind: "null";
}

/** BIT STRING held in a uint32: bit n of the string (n = 0 first on the wire) is 1 << n. */
export interface BitStringType {
  readonly kind: "bit-string";
  readonly size: SizeConstraint;
}

export interface OctetStringType {
  readonly kind: "octet-string";
  readonly size: SizeConstraint;
}

/** IA5String: 7 bits per character, SIZE counts characters. */
export interface Ia5StringType {
  readonly kind: "ia5-string";
  readonly size: SizeConstraint;
}

/**
 * How a SEQUENCE component is present: always, OPTIONAL (absent means the key is missing), or an
 * OPTIONAL list that the schema carries as an empty array when absent.
 */
export type Presence = "mandatory" | "optional" | "non-empty";

export interface Component {
  /** Property name in the decoded object. */
  readonly key: string;
  readonly type: UperType;
  readonly presence: Presence;
}

/** SEQUENCE; `name` is the schema type, for messages. */
export interface SequenceType {
  readonly kind: "sequence";
  readonly name: string;
  readonly extensible: boolean;
  readonly components: readonly Component[];
}

export interface SequenceOfType {
  readonly kind: "sequence-of";
  readonly size: SizeConstraint;
  readonly item: UperType;
}

export interface Alternative {
  readonly key: string;
  readonly type: UperType;
}

/** CHOICE; alternatives in index order. */
export interface ChoiceType {
  readonly kind: "choice";
  readonly name: string;
  readonly extensible: boolean;
  readonly alternatives: readonly Alternative[];
}

export type UperType =
  | IntegerType
  | EnumeratedType
  | BooleanType
  | NullType
  | BitStringType
  | OctetStringType
  | Ia5StringType
  | SequenceType
  | SequenceOfType
  | ChoiceType;
