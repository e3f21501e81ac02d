import type { Filter, RangeBoundary, RangeFilter, StaticMetadataFilter } from "../../schema/gen/v2xh/vss/v1/filter_pb.ts";
import type { JsonValue } from "../../schema/index.ts";
import type { DialectSpelling } from "./viss-dialect.ts";
import type { FilterKind, VissWireNames } from "./viss-wire-names.ts";
import { checkMembers, expected, itemPath, memberPath, readObject, readString, readUintString, wireError, type JsonObject } from "./wire-json.ts";

/** Reads and writes the `filter` member: one filter object, or an array of two (spec A5). */
export class FilterWire {
  private readonly names: VissWireNames;
  private readonly dialect: DialectSpelling;
  /** Wire name → filter kind, in this dialect. */
  private readonly kindsByName: ReadonlyMap<string, FilterKind>;

  constructor(names: VissWireNames, dialect: DialectSpelling) {
    this.names = names;
    this.dialect = dialect;
    const kinds = new Map<string, FilterKind>();
    for (const kind of names.filterKinds.keys()) {
      const name = this.kindName(kind);
      if (name !== undefined) kinds.set(name, kind);
    }
    this.kindsByName = kinds;
  }

  write(filters: readonly Filter[], path: string): JsonValue {
    const written = filters.map((filter, i) => this.writeOne(filter, filters.length === 1 ? path : itemPath(path, i)));
    return written.length === 1 && written[0] !== undefined ? written[0] : written;
  }

  read(json: unknown, path: string): Filter[] {
    if (!Array.isArray(json)) return [this.readOne(json, path)];
    if (json.length < 1 || json.length > 2) throw expected(path, "a filter object or an array of two", json);
    return json.map((item, i) => this.readOne(item, itemPath(path, i)));
  }

  /** The wire name of a kind in this dialect; undefined for a kind the dialect does not have. */
  private kindName(kind: FilterKind): string | undefined {
    if (kind === "staticMetadata") return this.dialect.staticMetadataKind;
    if (kind === "dynamicMetadata" && this.dialect.staticMetadataKind === "metadata") return undefined;
    return this.names.filterKinds.get(kind);
  }

  private writeOne(filter: Filter, path: string): JsonObject {
    const [kind] = Object.keys(filter).filter((key) => filter[key as FilterKind] !== undefined) as FilterKind[];
    const name = kind === undefined ? undefined : this.kindName(kind);
    if (kind === undefined || name === undefined) throw wireError(path, `filter ${kind ?? "without a kind"} cannot be written in this VISS version`);
    return { [this.dialect.filterKindKey]: name, parameter: this.writeParameter(filter, memberPath(path, "parameter")) };
  }

  private writeParameter(filter: Filter, path: string): JsonValue {
    if (filter.paths !== undefined) return oneOrMany(filter.paths.paths);
    if (filter.timebased !== undefined) return { period: String(filter.timebased.period) };
    if (filter.change !== undefined) return { "logic-op": this.names.logicOp.write(filter.change.logicOp, memberPath(path, "logic-op")), diff: filter.change.diff };
    if (filter.range !== undefined) return this.writeRange(filter.range, path);
    if (filter.curvelog !== undefined) return { maxerr: filter.curvelog.maxerr, bufsize: String(filter.curvelog.bufsize) };
    if (filter.history !== undefined) return filter.history.period;
    if (filter.staticMetadata !== undefined) return this.writeStaticMetadata(filter.staticMetadata, path);
    return this.names.dynamicMetadataKind.write(filter.dynamicMetadata.kind, path);
  }

  private writeRange(range: RangeFilter, path: string): JsonValue {
    const boundaries = range.boundaries.map((boundary, i): JsonObject => {
      const here = range.boundaries.length === 1 ? path : itemPath(path, i);
      return { [this.dialect.rangeOpKey]: this.names.logicOp.write(boundary.boundaryOp, memberPath(here, this.dialect.rangeOpKey)), boundary: boundary.boundary };
    });
    const [first] = boundaries;
    if (first !== undefined && range.combinationOp !== undefined) {
      first["combination-op"] = this.names.combinationOp.write(range.combinationOp, memberPath(path, "combination-op"));
    }
    return oneOrMany(boundaries);
  }

  private writeStaticMetadata(filter: StaticMetadataFilter, path: string): JsonValue {
    if (this.dialect.staticMetadataKind === "metadata") {
      if (filter.depth === undefined) throw wireError(path, "VISS v3 needs the tree depth");
      return String(filter.depth);
    }
    if (filter.depth !== undefined) throw wireError(path, "VISS v2 has no depth parameter (that is VISS v3)");
    return filter.keys.length === 0 ? "" : oneOrMany(filter.keys);
  }

  private readOne(json: unknown, path: string): Filter {
    const object = readObject(json, path);
    const kindKey = this.dialect.filterKindKey;
    checkMembers(object, path, [kindKey, "parameter"]);
    const kindPath = memberPath(path, kindKey);
    const kind = this.kindsByName.get(readString(object[kindKey], kindPath));
    if (kind === undefined) throw expected(kindPath, `one of ${[...this.kindsByName.keys()].join(", ")}`, object[kindKey]);
    return this.readParameter(kind, object["parameter"], memberPath(path, "parameter"));
  }

  private readParameter(kind: FilterKind, json: unknown, path: string): Filter {
    switch (kind) {
      case "paths":
        return { paths: { paths: readStrings(json, path) } };
      case "timebased": {
        const object = readObject(json, path);
        checkMembers(object, path, ["period"]);
        return { timebased: { period: readUintString(object["period"], memberPath(path, "period")) } };
      }
      case "change": {
        const object = readObject(json, path);
        checkMembers(object, path, ["logic-op", "diff"]);
        return { change: { logicOp: this.names.logicOp.read(object["logic-op"], memberPath(path, "logic-op")), diff: readString(object["diff"], memberPath(path, "diff")) } };
      }
      case "range":
        return { range: this.readRange(json, path) };
      case "curvelog": {
        const object = readObject(json, path);
        checkMembers(object, path, ["maxerr", "bufsize"]);
        return { curvelog: { maxerr: readString(object["maxerr"], memberPath(path, "maxerr")), bufsize: readUintString(object["bufsize"], memberPath(path, "bufsize")) } };
      }
      case "history":
        return { history: { period: readString(json, path) } };
      case "staticMetadata":
        if (this.dialect.staticMetadataKind === "metadata") return { staticMetadata: { keys: [], depth: readUintString(json, path) } };
        return { staticMetadata: { keys: json === "" ? [] : readStrings(json, path) } };
      case "dynamicMetadata":
        return { dynamicMetadata: { kind: this.names.dynamicMetadataKind.read(json, path) } };
    }
  }

  private readRange(json: unknown, path: string): RangeFilter {
    const items = Array.isArray(json) ? json : [json];
    if (items.length < 1 || items.length > 2) throw expected(path, "a boundary object or an array of two", json);
    const range: RangeFilter = { boundaries: [] };
    items.forEach((item, i) => {
      const here = Array.isArray(json) ? itemPath(path, i) : path;
      const object = readObject(item, here);
      checkMembers(object, here, [this.dialect.rangeOpKey, "boundary"], i === 0 ? ["combination-op"] : []);
      const boundary: RangeBoundary = {
        boundaryOp: this.names.logicOp.read(object[this.dialect.rangeOpKey], memberPath(here, this.dialect.rangeOpKey)),
        boundary: readString(object["boundary"], memberPath(here, "boundary")),
      };
      range.boundaries.push(boundary);
      if (object["combination-op"] !== undefined) range.combinationOp = this.names.combinationOp.read(object["combination-op"], memberPath(here, "combination-op"));
    });
    return range;
  }
}

function oneOrMany<T extends JsonValue>(items: readonly T[]): JsonValue {
  return items.length === 1 && items[0] !== undefined ? items[0] : [...items];
}

function readStrings(json: unknown, path: string): string[] {
  if (typeof json === "string") return [json];
  if (Array.isArray(json) && json.length > 0) return json.map((item, i) => readString(item, itemPath(path, i)));
  throw expected(path, "a string or a non-empty array of strings", json);
}
