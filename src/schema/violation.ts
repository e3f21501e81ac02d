/** Rule kinds the validator reports; named checks report their own name instead. */
export type RuleKind =
  | "range" // a number outside [min, max]
  | "enum" // an enum number the schema does not define, or a *_UNSPECIFIED placeholder
  | "required" // a mandatory message field is absent
  | "choice" // no member of a CHOICE (oneof) is set
  | "items" // a list has too few or too many items
  | "length" // a bytes or string field is too short or too long
  | "bits" // a BIT STRING has a bit set beyond its size
  | "charset"; // a string has a character outside its character set

/** A JSON-serialisable value as a violation reports it. */
export type ReportedValue = string | number | boolean | null;

/** One broken rule. Every field is plain data, so a violation serialises to JSON as it is. */
export interface Violation {
  /** Dotted path of the field from the root message, e.g. "mapFrame.nodes[0].inLinks[1].lanes[0].laneID"; "" is the root. */
  readonly path: string;
  /** A RuleKind, or the name of a named check such as "spat-end-times-ordered". */
  readonly rule: RuleKind | (string & {});
  /** What was found. */
  readonly value: ReportedValue;
  /** What the rule allows, in words, e.g. "0..8191 (0.02 m/s)". */
  readonly expected: string;
  /** Where the standard states the rule, e.g. "T/CSAE 53-2020 DE_Speed"; "" when the schema names none. */
  readonly clause: string;
}

/** One line: `<path>: <rule> (got <value>, expected <expected>) [<clause>]`. */
export function formatViolation(violation: Violation): string {
  const where = violation.path === "" ? "<root>" : violation.path;
  const clause = violation.clause === "" ? "" : ` [${violation.clause}]`;
  return `${where}: ${violation.rule} (got ${String(violation.value)}, expected ${violation.expected})${clause}`;
}

export function fieldPath(parent: string, name: string): string {
  return parent === "" ? name : `${parent}.${name}`;
}

/** Turns any decoded value into something a report can carry. */
export function reportValue(value: unknown): ReportedValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return `${value.length} bytes`;
  return Array.isArray(value) ? `${value.length} items` : "a message";
}
