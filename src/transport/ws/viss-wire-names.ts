import { fieldRule, type Registry } from "../../schema/index.ts";
import type { AccessValidation, Datatype, NodeType } from "../../schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import type { CombinationOp, DynamicMetadataKind, Filter, LogicOp } from "../../schema/gen/v2xh/vss/v1/filter_pb.ts";
import type { AccessControlCapability, Availability, FilterCapability, TransportProtocol } from "../../schema/gen/v2xh/vss/v1/messages_pb.ts";
import { expected, wireError } from "./wire-json.ts";

const ASN_NAME = "(v2xh.rules.v1.enum_value).asn_name";

/** The VISS spellings of one enum's values, read from their `asn_name` options in proto/. */
export class EnumWireNames<T extends number = number> {
  private readonly byNumber: ReadonlyMap<number, string>;
  private readonly byName: ReadonlyMap<string, number>;

  constructor(entries: readonly (readonly [number, string])[], aliases: readonly (readonly [string, number])[] = []) {
    this.byNumber = new Map(entries);
    this.byName = new Map([...entries.map(([n, name]) => [name, n] as const), ...aliases]);
  }

  /** Every spelling written on the wire. */
  get names(): string[] {
    return [...this.byNumber.values()];
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The wire spelling of `value`; a value without one (an *_UNSPECIFIED placeholder) cannot be sent. */
  write(value: number, path: string): string {
    const name = this.byNumber.get(value);
    if (name === undefined) throw wireError(path, `${value} has no VISS spelling (one of ${this.names.join(", ")} is needed)`);
    return name;
  }

  read(value: unknown, path: string): T {
    const n = typeof value === "string" ? this.byName.get(value) : undefined;
    if (n === undefined) throw expected(path, `one of ${this.names.join(", ")}`, value);
    return n as T;
  }
}

/** The member of `Filter` that holds each filter kind. */
export type FilterKind = keyof Filter;

/** Every wire spelling of VISS v2 the codec needs, derived once from the schema. */
export interface VissWireNames {
  readonly logicOp: EnumWireNames<LogicOp>;
  readonly combinationOp: EnumWireNames<CombinationOp>;
  readonly dynamicMetadataKind: EnumWireNames<DynamicMetadataKind>;
  readonly nodeType: EnumWireNames<NodeType>;
  /** Scalar and scalar-array datatypes; struct datatypes are written as their struct type's name. */
  readonly datatype: EnumWireNames<Datatype>;
  readonly accessValidation: EnumWireNames<AccessValidation>;
  readonly availability: EnumWireNames<Availability>;
  readonly filterCapability: EnumWireNames<FilterCapability>;
  readonly accessControlCapability: EnumWireNames<AccessControlCapability>;
  readonly transportProtocol: EnumWireNames<TransportProtocol>;
  /** Filter kind → its v2 `type` value ("staticMetadata" → "static-metadata"). */
  readonly filterKinds: ReadonlyMap<FilterKind, string>;
}

const cache = new WeakMap<Registry, VissWireNames>();

export function vissWireNames(registry: Registry): VissWireNames {
  let names = cache.get(registry);
  if (names === undefined) {
    names = readWireNames(registry);
    cache.set(registry, names);
  }
  return names;
}

function readWireNames(registry: Registry): VissWireNames {
  const read = <T extends number>(name: string): EnumWireNames<T> => new EnumWireNames<T>(enumSpellings(registry, name));
  const filterCapabilities = enumSpellings(registry, "v2xh.vss.v1.FilterCapability");
  return {
    logicOp: read("v2xh.vss.v1.LogicOp"),
    combinationOp: read("v2xh.vss.v1.CombinationOp"),
    dynamicMetadataKind: read("v2xh.vss.v1.DynamicMetadataKind"),
    nodeType: read("v2xh.vss.v1.NodeType"),
    datatype: read("v2xh.vss.v1.Datatype"),
    accessValidation: read("v2xh.vss.v1.AccessValidation"),
    availability: read("v2xh.vss.v1.Availability"),
    // Servers also spell these with hyphens, as in filter objects (spec A9); both are read.
    filterCapability: new EnumWireNames(
      filterCapabilities,
      filterCapabilities.map(([n, name]) => [name.replace(/_/g, "-"), n] as const),
    ),
    accessControlCapability: read("v2xh.vss.v1.AccessControlCapability"),
    transportProtocol: read("v2xh.vss.v1.TransportProtocol"),
    filterKinds: filterKindNames(registry),
  };
}

function enumSpellings(registry: Registry, fullName: string): [number, string][] {
  const type = registry.root.lookupEnum(fullName);
  const out: [number, string][] = [];
  for (const [name, number] of Object.entries(type.values)) {
    const spelling: unknown = type.valuesOptions?.[name]?.[ASN_NAME];
    if (typeof spelling === "string") out.push([number, spelling]);
  }
  return out;
}

function filterKindNames(registry: Registry): Map<FilterKind, string> {
  const filter = registry.messageType("v2xh.vss.v1.Filter");
  const kinds = new Map<FilterKind, string>();
  for (const field of filter.fieldsArray) kinds.set(field.name as FilterKind, fieldRule(field)?.asnName ?? field.name);
  return kinds;
}
