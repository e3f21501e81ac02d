import {
  Datatype,
  DynamicMetadataKind,
  NodeType,
  ProtocolVersion,
  type ChangeFilter,
  type CurvelogFilter,
  type Filter,
  type GetRequest,
  type PathsFilter,
  type RangeBoundary,
  type RangeFilter,
  type Signal,
  type SignalCatalogue,
  type SubscribeRequest,
  type Value,
  type VissError,
  type VissMessage,
} from "../gen/v2xh/vss/v1/index.ts";
import { fieldPath, reportValue, type Violation } from "../violation.ts";
import { defineCheck, type MessageCheck } from "./check.ts";

// Decoded messages hold null for an unset message field, which the generated types do not show.
type Maybe<T> = T | null | undefined;

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/**
 * Whether a string field's own length and charset rules accept `text`. A syntax check judges only
 * such strings: any other is already reported by those rules.
 */
function passesFieldRule(text: string, minLength: number, maxLength = Infinity): boolean {
  const length = [...text].length;
  return length >= minLength && length <= maxLength && PRINTABLE_ASCII.test(text);
}

const SEGMENT = "[A-Z0-9][A-Za-z0-9]*";
const ABSOLUTE_PATH = new RegExp(`^${SEGMENT}(?:\\.${SEGMENT})*$`);
const RELATIVE_PATH = new RegExp(`^(?:\\*|${SEGMENT})(?:\\.(?:\\*|${SEGMENT}))*$`);
const PATH_CLAUSE = "VISS v2 Core §Path URI Component; VSS rule set, basics";

function pathViolation(path: string, value: string, expected: string): Violation {
  return { path, rule: "vss-path-syntax", value, expected, clause: PATH_CLAUSE };
}

/** On GetRequest, SetRequest, SubscribeRequest, DataEntry and Signal (`path`) and PathsFilter (`paths`). */
const vssPathSyntax = defineCheck<PathsFilter | { readonly path: string }>((message, path) => {
  if ("paths" in message) {
    return message.paths.flatMap((relative, i) =>
      passesFieldRule(relative, 1, 1000) && !RELATIVE_PATH.test(relative)
        ? [pathViolation(`${fieldPath(path, "paths")}[${i}]`, relative, "segments [A-Z0-9][A-Za-z0-9]* or * joined by '.'")]
        : [],
    );
  }
  const absolute = message.path;
  return passesFieldRule(absolute, 1, 1000) && !ABSOLUTE_PATH.test(absolute)
    ? [pathViolation(fieldPath(path, "path"), absolute, "segments [A-Z0-9][A-Za-z0-9]* joined by '.'")]
    : [];
});

const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z naming a real date and time; second 60 only at 23:59 (leap second). */
function isIsoTimestampZ(text: string): boolean {
  if (!ISO_Z.test(text)) return false;
  const part = (from: number, to: number): number => Number(text.slice(from, to));
  const [year, month, day, hour, minute, second] = [part(0, 4), part(5, 7), part(8, 10), part(11, 13), part(14, 16), part(17, 19)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (hour > 23 || minute > 59) return false;
  return second < 60 || (second === 60 && hour === 23 && minute === 59);
}

/** On every message with a `ts` (responses, notifications, Datapoint). */
const vssTimestampIso8601Z = defineCheck<{ readonly ts?: string }>((message, path) => {
  const { ts } = message;
  if (ts === undefined || !passesFieldRule(ts, 20, 30) || isIsoTimestampZ(ts)) return [];
  return [
    {
      path: fieldPath(path, "ts"),
      rule: "vss-timestamp-iso8601-z",
      value: ts,
      expected: "a UTC date-time YYYY-MM-DDTHH:MM:SS[.fraction]Z",
      clause: "VISS v2 Core §Timestamps",
    },
  ];
});

const FILTER_KINDS = ["paths", "timebased", "change", "range", "curvelog", "history", "staticMetadata", "dynamicMetadata"] as const;
type FilterKind = (typeof FILTER_KINDS)[number];
type Action = "get" | "subscribe";

const KINDS_FOR: Readonly<Record<Action, ReadonlySet<FilterKind>>> = {
  get: new Set(["paths", "history", "staticMetadata", "dynamicMetadata"]),
  subscribe: new Set(["paths", "timebased", "change", "range", "curvelog"]),
};

const FILTER_CLAUSE = "VISS v2 Core §Filter Request";

function filterKind(filter: Filter): FilterKind | undefined {
  return FILTER_KINDS.find((kind) => filter[kind] !== undefined);
}

/** "vss-get-filter-kinds" / "vss-subscribe-filter-kinds": the first filter the action does not allow. */
function filterKindsCheck(action: Action): MessageCheck {
  const allowed = KINDS_FOR[action];
  return defineCheck<GetRequest | SubscribeRequest>((request, path) => {
    const i = request.filter.findIndex((filter) => {
      const kind = filterKind(filter);
      return kind !== undefined && !allowed.has(kind);
    });
    const offending = request.filter[i];
    if (offending === undefined) return [];
    return [
      {
        path: `${fieldPath(path, "filter")}[${i}]`,
        rule: `vss-${action}-filter-kinds`,
        value: filterKind(offending) ?? null,
        expected: `a ${action} filter (${[...allowed].join(", ")})`,
        clause: FILTER_CLAUSE,
      },
    ];
  });
}

interface CombinationProblem {
  readonly value: string;
  readonly expected: string;
}

/**
 * The first combination rule the filters break. Rules specific to one action are skipped for the
 * other: the filter kinds they concern are not allowed there at all (vss-<action>-filter-kinds).
 */
function combinationProblem(request: GetRequest | SubscribeRequest, kinds: readonly FilterKind[], action: Action): CombinationProblem | undefined {
  const shown = kinds.join(" + ");
  if (kinds.length === 2 && kinds.filter((kind) => kind === "paths").length !== 1) {
    return { value: shown, expected: "exactly one paths filter in a pair of filters" };
  }
  if (action === "get") {
    const dynamic = request.filter.find((filter) => filter.dynamicMetadata !== undefined)?.dynamicMetadata;
    if (dynamic !== undefined && kinds.length > 1) return { value: shown, expected: "a dynamic-metadata filter on its own" };
    if (dynamic?.kind === DynamicMetadataKind.SERVER_CAPABILITIES && request.path !== "Vehicle") {
      return { value: request.path, expected: 'request path "Vehicle" for server_capabilities' };
    }
  }
  if (action === "subscribe" && (kinds.includes("change") || kinds.includes("range"))) {
    const firstPath = request.filter.find((filter) => filter.paths !== undefined)?.paths?.paths[0];
    if (firstPath?.split(".").includes("*")) return { value: firstPath, expected: "no * segment in the first path of a paths filter used with change or range" };
  }
  return undefined;
}

/** "vss-get-filter-combination" / "vss-subscribe-filter-combination". */
function filterCombinationCheck(action: Action): MessageCheck {
  return defineCheck<GetRequest | SubscribeRequest>((request, path) => {
    const kinds = request.filter.map(filterKind);
    // A filter with no kind is a `choice` error; its combination cannot be judged.
    if (!kinds.every((kind) => kind !== undefined)) return [];
    const problem = combinationProblem(request, kinds, action);
    if (problem === undefined) return [];
    return [{ path: fieldPath(path, "filter"), rule: `vss-${action}-filter-combination`, ...problem, clause: FILTER_CLAUSE }];
  });
}

const vssRangeCombination = defineCheck<RangeFilter>((range, path) => {
  // With no or more than two boundaries the `items` rule reports the list.
  if (range.combinationOp === undefined || range.boundaries.length !== 1) return [];
  return [
    {
      path: fieldPath(path, "combinationOp"),
      rule: "vss-range-combination",
      value: reportValue(range.combinationOp),
      expected: "absent with a single boundary",
      clause: "VISS v2 Core §Range filter operation",
    },
  ];
});

/** RFC 8259 §6 number. */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const NUMBER_FIELDS = ["diff", "boundary", "maxerr"] as const;

/** On ChangeFilter (`diff`), RangeBoundary (`boundary`) and CurvelogFilter (`maxerr`). */
const vssNumberString = defineCheck<Partial<ChangeFilter & RangeBoundary & CurvelogFilter>>((filter, path) =>
  NUMBER_FIELDS.flatMap((name) => {
    const text = filter[name];
    // An empty string is the `length` rule's.
    if (text === undefined || text === "" || JSON_NUMBER.test(text)) return [];
    return [
      {
        path: fieldPath(path, name),
        rule: "vss-number-string",
        value: text,
        expected: 'a JSON number, e.g. "0", "-2.5", "1e3"',
        clause: "VISS v2 Core §Filter Request",
      },
    ];
  }),
);

// P[nD][T[nH][nM][n[.n]S]], at least one component, at most 3 day digits.
const HISTORY_DURATION = /^P(?!$)(?:(\d{1,3})D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;

function isHistoryDuration(text: string): boolean {
  const match = HISTORY_DURATION.exec(text);
  return match !== null && Number(match[1] ?? 0) < 999;
}

const vssHistoryDuration = defineCheck<{ readonly period: string }>((history, path) => {
  if (!passesFieldRule(history.period, 3) || isHistoryDuration(history.period)) return [];
  return [
    {
      path: fieldPath(path, "period"),
      rule: "vss-history-duration",
      value: history.period,
      expected: "an ISO 8601 duration PnDTnHnMnS with fewer than 999 days",
      clause: "VISS v2 Core §History filter operation",
    },
  ];
});

const VERSION_CLAUSE = "VISS v2 Transport, JSON schema; VISS v3.0 Transport";
const V3_ERROR_NUMBERS = new Set([400, 401, 403, 404, 408, 429, 502, 503, 504]);
const REQUEST_MEMBERS = ["getRequest", "subscribeRequest"] as const;
const ERROR_MEMBERS = ["getErrorResponse", "setErrorResponse", "subscribeErrorResponse", "subscriptionErrorEvent", "unsubscribeErrorResponse"] as const;

function versionViolation(path: string, value: Violation["value"], expected: string): Violation {
  return { path, rule: "vss-version-features", value, expected, clause: VERSION_CLAUSE };
}

/** The filters of the request the message carries, each with its path. */
function requestFilters(message: VissMessage, path: string): { readonly filter: Filter; readonly path: string }[] {
  const member = REQUEST_MEMBERS.find((name) => message[name] !== undefined);
  if (member === undefined) return [];
  return (message[member]?.filter ?? []).map((filter, i) => ({ filter, path: `${fieldPath(fieldPath(path, member), "filter")}[${i}]` }));
}

function v2Features(message: VissMessage, path: string): Violation[] {
  const out = requestFilters(message, path).flatMap(({ filter, path: here }) => {
    const depth = filter.staticMetadata?.depth;
    return depth === undefined ? [] : [versionViolation(fieldPath(fieldPath(here, "staticMetadata"), "depth"), depth, "absent in VISS v2 (a v3 parameter)")];
  });
  const unsubscribed = message.unsubscribeSuccessResponse;
  if (unsubscribed !== undefined && unsubscribed.subscriptionId === undefined) {
    out.push(versionViolation(fieldPath(fieldPath(path, "unsubscribeSuccessResponse"), "subscriptionId"), null, "present in VISS v2"));
  }
  return out;
}

function v3Features(message: VissMessage, path: string): Violation[] {
  const out = requestFilters(message, path).flatMap(({ filter, path: here }) => {
    if (filter.dynamicMetadata !== undefined) return [versionViolation(fieldPath(here, "dynamicMetadata"), "dynamic-metadata", "no dynamic-metadata filter in VISS v3")];
    const keys = filter.staticMetadata?.keys ?? [];
    return keys.length === 0 ? [] : [versionViolation(fieldPath(fieldPath(here, "staticMetadata"), "keys"), reportValue(keys), "no metadata keys in VISS v3 (it takes a depth)")];
  });
  if (message.getSuccessResponse?.metadata?.dynamicMetadata !== undefined) {
    out.push(versionViolation(fieldPath(path, "getSuccessResponse.metadata.dynamicMetadata"), "dynamic-metadata", "no dynamic metadata in VISS v3"));
  }
  const subscriptionId = message.unsubscribeSuccessResponse?.subscriptionId;
  if (subscriptionId !== undefined) {
    out.push(versionViolation(fieldPath(path, "unsubscribeSuccessResponse.subscriptionId"), subscriptionId, "absent in VISS v3"));
  }
  const member = ERROR_MEMBERS.find((name) => message[name] !== undefined);
  const error: Maybe<VissError> = member === undefined ? undefined : message[member]?.error;
  // Numbers outside 400..599 are the `range` rule's.
  if (member !== undefined && error && error.number >= 400 && error.number <= 599 && !V3_ERROR_NUMBERS.has(error.number)) {
    out.push(versionViolation(fieldPath(path, `${member}.error.number`), error.number, `a VISS v3 status (${[...V3_ERROR_NUMBERS].join(", ")})`));
  }
  return out;
}

const vssVersionFeatures = defineCheck<VissMessage>((message, path) => {
  if (message.protocolVersion === ProtocolVersion.VISS_V2) return v2Features(message, path);
  if (message.protocolVersion === ProtocolVersion.VISS_V3) return v3Features(message, path);
  return [];
});

type ElementType =
  | { readonly kind: "string" | "boolean" | "struct"; readonly expected: string }
  | { readonly kind: "integer"; readonly min: bigint; readonly max: bigint; readonly expected: string }
  | { readonly kind: "float"; readonly finite: (n: number) => boolean; readonly expected: string };

interface DatatypeInfo {
  readonly element: ElementType;
  readonly array: boolean;
}

function integer(min: bigint, max: bigint): ElementType {
  return { kind: "integer", min, max, expected: `an integer in ${min}..${max}` };
}

const signed = (bits: bigint): ElementType => integer(-(2n ** (bits - 1n)), 2n ** (bits - 1n) - 1n);
const unsigned = (bits: bigint): ElementType => integer(0n, 2n ** bits - 1n);

const ELEMENT_TYPES: readonly (readonly [scalar: Datatype, array: Datatype, element: ElementType])[] = [
  [Datatype.STRING, Datatype.STRING_ARRAY, { kind: "string", expected: "a string" }],
  [Datatype.BOOLEAN, Datatype.BOOLEAN_ARRAY, { kind: "boolean", expected: '"true" or "false"' }],
  [Datatype.INT8, Datatype.INT8_ARRAY, signed(8n)],
  [Datatype.INT16, Datatype.INT16_ARRAY, signed(16n)],
  [Datatype.INT32, Datatype.INT32_ARRAY, signed(32n)],
  [Datatype.INT64, Datatype.INT64_ARRAY, signed(64n)],
  [Datatype.UINT8, Datatype.UINT8_ARRAY, unsigned(8n)],
  [Datatype.UINT16, Datatype.UINT16_ARRAY, unsigned(16n)],
  [Datatype.UINT32, Datatype.UINT32_ARRAY, unsigned(32n)],
  [Datatype.UINT64, Datatype.UINT64_ARRAY, unsigned(64n)],
  [Datatype.FLOAT, Datatype.FLOAT_ARRAY, { kind: "float", finite: (n) => Number.isFinite(Math.fround(n)), expected: "a JSON number within the binary32 range" }],
  [Datatype.DOUBLE, Datatype.DOUBLE_ARRAY, { kind: "float", finite: Number.isFinite, expected: "a JSON number within the binary64 range" }],
  [Datatype.STRUCT, Datatype.STRUCT_ARRAY, { kind: "struct", expected: "a struct value" }],
];

const DATATYPES: ReadonlyMap<number, DatatypeInfo> = new Map<number, DatatypeInfo>(
  ELEMENT_TYPES.flatMap(([scalar, array, element]) => [
    [scalar, { element, array: false }],
    [array, { element, array: true }],
  ]),
);

const LEAF_TYPES: ReadonlySet<number> = new Set([NodeType.ATTRIBUTE, NodeType.SENSOR, NodeType.ACTUATOR]);
const SIGNAL_CLAUSE = "VSS rule set: basics, data entry, data types, allowed, instances";

/** The datatype of a leaf with a known datatype; undefined for branches and broken nodes, which other rules report. */
function leafDatatype(signal: Signal): DatatypeInfo | undefined {
  if (!LEAF_TYPES.has(signal.type) || signal.datatype === undefined) return undefined;
  return DATATYPES.get(signal.datatype);
}

const BRANCH_FREE_FIELDS = ["datatype", "structType", "unit", "min", "max", "default", "arraysize", "pattern"] as const;

function leafViolation(path: string, value: unknown, expected: string): Violation {
  return { path, rule: "vss-signal-leaf-datatype", value: reportValue(value), expected, clause: SIGNAL_CLAUSE };
}

function branchViolations(signal: Signal, path: string): Violation[] {
  const out = BRANCH_FREE_FIELDS.filter((name) => signal[name] !== undefined).map((name) => leafViolation(fieldPath(path, name), signal[name], "absent for a branch"));
  if (signal.allowed.length > 0) out.push(leafViolation(fieldPath(path, "allowed"), signal.allowed, "absent for a branch"));
  return out;
}

const vssSignalLeafDatatype = defineCheck<Signal>((signal, path) => {
  if (signal.type === NodeType.BRANCH) return branchViolations(signal, path);
  if (!LEAF_TYPES.has(signal.type)) return [];
  if (signal.datatype === undefined) return [leafViolation(fieldPath(path, "datatype"), null, "present for an attribute, sensor or actuator")];
  const info = DATATYPES.get(signal.datatype);
  if (info === undefined) return [];
  const out: Violation[] = [];
  const struct = info.element.kind === "struct";
  if (struct !== (signal.structType !== undefined)) {
    out.push(leafViolation(fieldPath(path, "structType"), signal.structType, struct ? "present with datatype STRUCT or STRUCT_ARRAY" : "absent unless datatype is STRUCT or STRUCT_ARRAY"));
  }
  if (signal.arraysize !== undefined && !info.array) out.push(leafViolation(fieldPath(path, "arraysize"), signal.arraysize, "absent unless the datatype is an array"));
  if (signal.pattern !== undefined && info.element.kind !== "string") out.push(leafViolation(fieldPath(path, "pattern"), signal.pattern, "absent unless datatype is STRING or STRING_ARRAY"));
  return out;
});

const DECIMAL_INTEGER = /^-?(?:0|[1-9]\d*)$/;

/** `text` as a number of a numeric element type; undefined when it is not one or the type is not numeric. */
function readNumber(text: string, element: ElementType): bigint | number | undefined {
  if (element.kind === "integer") {
    if (!DECIMAL_INTEGER.test(text)) return undefined;
    const n = BigInt(text);
    return n >= element.min && n <= element.max ? n : undefined;
  }
  if (element.kind === "float" && JSON_NUMBER.test(text)) {
    const n = Number(text);
    return element.finite(n) ? n : undefined;
  }
  return undefined;
}

function isValue(text: string, element: ElementType): boolean {
  switch (element.kind) {
    case "integer":
    case "float":
      return readNumber(text, element) !== undefined;
    case "boolean":
      return text === "true" || text === "false";
    default:
      // Any string is a string; struct members are not typed here.
      return true;
  }
}

const isNumeric = (element: ElementType): boolean => element.kind === "integer" || element.kind === "float";

const VALUE_MEMBERS = ["scalar", "array", "structValue", "structArray"] as const;
type ValueMember = (typeof VALUE_MEMBERS)[number];
const VALUE_SHAPES: Readonly<Record<ValueMember, string>> = {
  scalar: "a scalar value",
  array: "an array value",
  structValue: "a struct value",
  structArray: "an array of struct values",
};

function valueMemberFor(info: DatatypeInfo): ValueMember {
  if (info.element.kind === "struct") return info.array ? "structArray" : "structValue";
  return info.array ? "array" : "scalar";
}

interface Bounds {
  min?: bigint | number | undefined;
  max?: bigint | number | undefined;
}

interface Problem {
  readonly value: Violation["value"];
  readonly expected: string;
}

function valueViolation(path: string, problem: Problem): Violation {
  return { path, rule: "vss-signal-values", ...problem, clause: SIGNAL_CLAUSE };
}

/** The first rule `default` breaks. */
function defaultProblem(signal: Signal, info: DatatypeInfo, bounds: Bounds): Problem | undefined {
  const value: Maybe<Value> = signal.default;
  if (!value) return undefined;
  const given = VALUE_MEMBERS.find((member) => value[member] !== undefined);
  // No member set is a `choice` error.
  if (given === undefined) return undefined;
  const wanted = valueMemberFor(info);
  if (given !== wanted) return { value: given, expected: VALUE_SHAPES[wanted] };
  const elements = value.scalar !== undefined ? [value.scalar] : (value.array?.values ?? []);
  const count = value.structArray?.values.length ?? elements.length;
  if (info.array && signal.arraysize !== undefined && count !== signal.arraysize) return { value: count, expected: `${signal.arraysize} elements (arraysize)` };
  for (const text of elements) {
    if (!isValue(text, info.element)) return { value: text, expected: info.element.expected };
    const n = readNumber(text, info.element);
    if (n !== undefined && ((bounds.min !== undefined && n < bounds.min) || (bounds.max !== undefined && n > bounds.max))) {
      return { value: text, expected: `within [${signal.min ?? "-∞"}, ${signal.max ?? "∞"}]` };
    }
    if (signal.allowed.length > 0 && !signal.allowed.includes(text)) return { value: text, expected: `one of allowed (${signal.allowed.join(", ")})` };
  }
  return undefined;
}

/** The first rule `min` or `max` breaks. */
function boundProblem(signal: Signal, text: string, element: ElementType): string | undefined {
  if (!isNumeric(element)) return "absent for a non-numeric datatype";
  if (signal.allowed.length > 0) return "absent when allowed is given";
  return readNumber(text, element) === undefined ? element.expected : undefined;
}

const vssSignalValues = defineCheck<Signal>((signal, path) => {
  const info = leafDatatype(signal);
  if (info === undefined) return [];
  const { element } = info;
  const out: Violation[] = [];
  const bounds: Bounds = {};
  for (const name of ["min", "max"] as const) {
    const text = signal[name];
    // An empty string is the `length` rule's.
    if (text === undefined || text === "") continue;
    const problem = boundProblem(signal, text, element);
    if (problem !== undefined) out.push(valueViolation(fieldPath(path, name), { value: text, expected: problem }));
    else bounds[name] = readNumber(text, element);
  }
  if (bounds.min !== undefined && bounds.max !== undefined && bounds.min > bounds.max) {
    out.push(valueViolation(fieldPath(path, "max"), { value: signal.max ?? null, expected: `at least min (${signal.min})` }));
  }
  if (signal.allowed.length > 0 && signal.unit !== undefined) out.push(valueViolation(fieldPath(path, "unit"), { value: signal.unit, expected: "absent when allowed is given" }));
  signal.allowed.forEach((text, i) => {
    if (!isValue(text, element)) out.push(valueViolation(`${fieldPath(path, "allowed")}[${i}]`, { value: text, expected: element.expected }));
  });
  const problem = defaultProblem(signal, info, bounds);
  if (problem !== undefined) out.push(valueViolation(fieldPath(path, "default"), problem));
  return out;
});

const vssCatalogueUniquePaths = defineCheck<SignalCatalogue>((catalogue, path) => {
  const first = new Map<string, number>();
  const out: Violation[] = [];
  catalogue.signals.forEach((signal, j) => {
    // An empty path is the `length` rule's.
    if (signal.path === "") return;
    const key = signal.path.toLowerCase();
    const i = first.get(key);
    if (i === undefined) first.set(key, j);
    else {
      out.push({
        path: `${fieldPath(path, "signals")}[${j}].path`,
        rule: "vss-catalogue-unique-paths",
        value: signal.path,
        expected: `a path not equal, ignoring case, to signals[${i}].path`,
        clause: "VSS rule set, basics",
      });
    }
  });
  return out;
});

/** Named checks of the v2xh.vss.v1 schemas. */
export const VSS_CHECKS: Readonly<Record<string, MessageCheck>> = {
  "vss-path-syntax": vssPathSyntax,
  "vss-timestamp-iso8601-z": vssTimestampIso8601Z,
  "vss-get-filter-kinds": filterKindsCheck("get"),
  "vss-subscribe-filter-kinds": filterKindsCheck("subscribe"),
  "vss-get-filter-combination": filterCombinationCheck("get"),
  "vss-subscribe-filter-combination": filterCombinationCheck("subscribe"),
  "vss-range-combination": vssRangeCombination,
  "vss-number-string": vssNumberString,
  "vss-history-duration": vssHistoryDuration,
  "vss-version-features": vssVersionFeatures,
  "vss-signal-leaf-datatype": vssSignalLeafDatatype,
  "vss-signal-values": vssSignalValues,
  "vss-catalogue-unique-paths": vssCatalogueUniquePaths,
};
