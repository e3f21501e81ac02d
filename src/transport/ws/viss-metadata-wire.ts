import { Datatype, type Signal } from "../../schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import type { DynamicMetadata, MetadataResult, ServerCapabilities } from "../../schema/gen/v2xh/vss/v1/messages_pb.ts";
import { readValue, writeValue } from "./viss-values-wire.ts";
import type { EnumWireNames, VissWireNames } from "./viss-wire-names.ts";
import { checkMembers, expected, isObject, itemPath, memberPath, readObject, readString, wireError, type JsonObject } from "./wire-json.ts";

const DYNAMIC_KEYS = ["samplerate", "availability", "validate", "filter", "access_ctrl", "transport_protocol"];
const CAPABILITY_KEYS = ["filter", "access_ctrl", "transport_protocol"];
/** Members of one node in the VSS JSON tree (as vss-tools exports it); `uuid` is read and dropped. */
const NODE_KEYS = ["type", "datatype", "unit", "min", "max", "allowed", "default", "description", "comment", "deprecation", "arraysize", "pattern", "validate", "children", "uuid"];

/**
 * The `metadata` member of a read response. Dynamic metadata is an object of lower-case keys
 * (`samplerate`, `availability`, `validate`, or the server capabilities `filter`, `access_ctrl`,
 * `transport_protocol`); static metadata is the addressed part of the VSS tree in the VSS JSON
 * form, `{"Vehicle": {"type": "branch", "description": …, "children": {…}}}`.
 */
export class MetadataWire {
  private readonly names: VissWireNames;

  constructor(names: VissWireNames) {
    this.names = names;
  }

  write(metadata: MetadataResult, path: string): JsonObject {
    if (metadata.dynamicMetadata !== undefined) return this.writeDynamic(metadata.dynamicMetadata, path);
    return this.writeTree(metadata.staticMetadata.nodes);
  }

  read(json: unknown, path: string): MetadataResult {
    const object = readObject(json, path);
    if (Object.keys(object).some((key) => DYNAMIC_KEYS.includes(key))) return { dynamicMetadata: this.readDynamic(object, path) };
    const nodes: Signal[] = [];
    this.readTree(object, "", path, nodes);
    return { staticMetadata: { nodes } };
  }

  private writeDynamic(metadata: DynamicMetadata, path: string): JsonObject {
    if (metadata.samplerate !== undefined) return { samplerate: metadata.samplerate };
    if (metadata.availability !== undefined) return { availability: this.names.availability.write(metadata.availability, memberPath(path, "availability")) };
    if (metadata.validate !== undefined) return { validate: this.names.accessValidation.write(metadata.validate, memberPath(path, "validate")) };
    const capabilities = metadata.serverCapabilities;
    return {
      filter: writeAll(this.names.filterCapability, capabilities.filter, memberPath(path, "filter")),
      access_ctrl: writeAll(this.names.accessControlCapability, capabilities.accessCtrl, memberPath(path, "access_ctrl")),
      transport_protocol: writeAll(this.names.transportProtocol, capabilities.transportProtocol, memberPath(path, "transport_protocol")),
    };
  }

  private readDynamic(object: Record<string, unknown>, path: string): DynamicMetadata {
    if (object["samplerate"] !== undefined) {
      checkMembers(object, path, ["samplerate"]);
      return { samplerate: readString(object["samplerate"], memberPath(path, "samplerate")) };
    }
    if (object["availability"] !== undefined) {
      checkMembers(object, path, ["availability"]);
      return { availability: this.names.availability.read(object["availability"], memberPath(path, "availability")) };
    }
    if (object["validate"] !== undefined) {
      checkMembers(object, path, ["validate"]);
      return { validate: this.names.accessValidation.read(object["validate"], memberPath(path, "validate")) };
    }
    checkMembers(object, path, [], CAPABILITY_KEYS);
    const capabilities: ServerCapabilities = {
      filter: readAll(this.names.filterCapability, object["filter"], memberPath(path, "filter")),
      accessCtrl: readAll(this.names.accessControlCapability, object["access_ctrl"], memberPath(path, "access_ctrl")),
      transportProtocol: readAll(this.names.transportProtocol, object["transport_protocol"], memberPath(path, "transport_protocol")),
    };
    return { serverCapabilities: capabilities };
  }

  /** Nodes whose parent is not in the list hang below bare `{"children": …}` containers. */
  private writeTree(nodes: readonly Signal[]): JsonObject {
    const root: JsonObject = {};
    for (const node of nodes) {
      const segments = node.path.split(".");
      const last = segments.pop() ?? node.path;
      let level = root;
      for (const segment of segments) level = childrenOf(entryIn(level, segment));
      Object.assign(entryIn(level, last), this.writeNode(node));
    }
    return root;
  }

  private writeNode(node: Signal): JsonObject {
    const out: JsonObject = {};
    if (node.type !== 0) out["type"] = this.names.nodeType.write(node.type, "type");
    if (node.datatype !== undefined) out["datatype"] = this.writeDatatype(node);
    if (node.unit !== undefined) out["unit"] = node.unit;
    if (node.min !== undefined) out["min"] = node.min;
    if (node.max !== undefined) out["max"] = node.max;
    if (node.allowed.length > 0) out["allowed"] = [...node.allowed];
    if (node.default !== undefined) out["default"] = writeValue(node.default);
    if (node.description !== "") out["description"] = node.description;
    if (node.comment !== undefined) out["comment"] = node.comment;
    if (node.deprecation !== undefined) out["deprecation"] = node.deprecation;
    if (node.arraysize !== undefined) out["arraysize"] = node.arraysize;
    if (node.pattern !== undefined) out["pattern"] = node.pattern;
    if (node.validate !== undefined) out["validate"] = this.names.accessValidation.write(node.validate, "validate");
    return out;
  }

  private writeDatatype(node: Signal): string {
    if (node.datatype === Datatype.STRUCT || node.datatype === Datatype.STRUCT_ARRAY) {
      if (node.structType === undefined) throw wireError(node.path, "a struct datatype needs structType");
      return node.datatype === Datatype.STRUCT ? node.structType : `${node.structType}[]`;
    }
    return this.names.datatype.write(node.datatype ?? 0, `${node.path}.datatype`);
  }

  private readTree(level: Record<string, unknown>, parentPath: string, path: string, out: Signal[]): void {
    for (const [name, json] of Object.entries(level)) {
      const here = memberPath(path, name);
      const node = readObject(json, here);
      checkMembers(node, here, [], NODE_KEYS);
      const vssPath = parentPath === "" ? name : `${parentPath}.${name}`;
      if (Object.keys(node).some((key) => key !== "children" && key !== "uuid")) out.push(this.readNode(node, vssPath, here));
      if (node["children"] !== undefined) this.readTree(readObject(node["children"], memberPath(here, "children")), vssPath, memberPath(here, "children"), out);
    }
  }

  private readNode(node: Record<string, unknown>, vssPath: string, path: string): Signal {
    const at = (key: string): string => memberPath(path, key);
    const text = (key: string): string | undefined => (node[key] === undefined ? undefined : readString(node[key], at(key)));
    const signal: Signal = {
      path: vssPath,
      type: node["type"] === undefined ? 0 : this.names.nodeType.read(node["type"], at("type")),
      allowed: node["allowed"] === undefined ? [] : readAllowed(node["allowed"], at("allowed")),
      description: text("description") ?? "",
    };
    if (node["datatype"] !== undefined) Object.assign(signal, this.readDatatype(node["datatype"], at("datatype")));
    const unit = text("unit");
    if (unit !== undefined) signal.unit = unit;
    if (node["min"] !== undefined) signal.min = readLimit(node["min"], at("min"));
    if (node["max"] !== undefined) signal.max = readLimit(node["max"], at("max"));
    if (node["default"] !== undefined) signal.default = readValue(scalarsAsStrings(node["default"]), at("default"));
    const comment = text("comment");
    if (comment !== undefined) signal.comment = comment;
    const deprecation = text("deprecation");
    if (deprecation !== undefined) signal.deprecation = deprecation;
    if (node["arraysize"] !== undefined) signal.arraysize = readArraySize(node["arraysize"], at("arraysize"));
    const pattern = text("pattern");
    if (pattern !== undefined) signal.pattern = pattern;
    if (node["validate"] !== undefined) signal.validate = this.names.accessValidation.read(node["validate"], at("validate"));
    return signal;
  }

  private readDatatype(json: unknown, path: string): Pick<Signal, "datatype" | "structType"> {
    const name = readString(json, path);
    if (this.names.datatype.has(name)) return { datatype: this.names.datatype.read(name, path) };
    const structType = name.endsWith("[]") ? name.slice(0, -2) : name;
    if (!/^[A-Za-z0-9]+(\.[A-Za-z0-9]+)+$/.test(structType)) {
      throw expected(path, `one of ${this.names.datatype.names.join(", ")} or a struct type such as "Types.Location"`, json);
    }
    return { datatype: name.endsWith("[]") ? Datatype.STRUCT_ARRAY : Datatype.STRUCT, structType };
  }
}

function entryIn(level: JsonObject, name: string): JsonObject {
  const existing = level[name];
  if (isObject(existing)) return existing;
  const created: JsonObject = {};
  level[name] = created;
  return created;
}

function childrenOf(entry: JsonObject): JsonObject {
  return entryIn(entry, "children");
}

function writeAll<T extends number>(names: EnumWireNames<T>, values: readonly T[], path: string): string[] {
  return values.map((value, i) => names.write(value, itemPath(path, i)));
}

function readAll<T extends number>(names: EnumWireNames<T>, json: unknown, path: string): T[] {
  if (json === undefined) return [];
  if (!Array.isArray(json)) throw expected(path, "an array", json);
  return json.map((item, i) => names.read(item, itemPath(path, i)));
}

// vss-tools writes limits, allowed values and defaults as JSON numbers and booleans; VISS (and
// the typed model) carries them as strings, so both are read.

function scalarsAsStrings(json: unknown): unknown {
  if (typeof json === "number" || typeof json === "boolean") return String(json);
  return Array.isArray(json) ? json.map(scalarsAsStrings) : json;
}

function readLimit(json: unknown, path: string): string {
  if (typeof json === "number") return String(json);
  return readString(json, path);
}

function readAllowed(json: unknown, path: string): string[] {
  if (!Array.isArray(json)) throw expected(path, "an array", json);
  return json.map((item, i) => readString(scalarsAsStrings(item), itemPath(path, i)));
}

function readArraySize(json: unknown, path: string): number {
  const n = typeof json === "string" && /^\d+$/.test(json) ? Number(json) : json;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0) throw expected(path, "a whole number", json);
  return n;
}
