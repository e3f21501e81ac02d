import protobuf from "protobufjs";
import { SchemaError, enumRule, fieldRule, messageRule, type FieldRule, type Registry } from "../../schema/index.ts";
import { protoName } from "../../schema/json-names.ts";
import { isChoice, isPlaceholder } from "../../schema/rules.ts";
import type { Component, Presence, SizeConstraint, UperType } from "./uper-type.ts";

const descriptions = new WeakMap<Registry, Map<string, UperType>>();

/**
 * The UPER description of a message type, derived once per registry from the proto and its rule
 * options: field order (or `component_order`) is component order, `optional` is OPTIONAL, a oneof
 * that holds every field is a CHOICE, `extensible` marks `...`, and ranges, sizes and bits come from
 * the field rules.
 */
export function describeMessageType(registry: Registry, typeName: string): UperType {
  let byName = descriptions.get(registry);
  if (byName === undefined) {
    byName = new Map();
    descriptions.set(registry, byName);
  }
  const type = registry.messageType(typeName);
  return describeMessage(type, byName, new Set());
}

function unsupported(where: string, why: string): SchemaError {
  return new SchemaError("SchemaLoadError", `${where}: no UPER mapping: ${why}`);
}

function describeMessage(type: protobuf.Type, byName: Map<string, UperType>, inProgress: Set<string>): UperType {
  const name = type.fullName.slice(1);
  const known = byName.get(name);
  if (known !== undefined) return known;
  if (inProgress.has(name)) throw unsupported(name, "the type contains itself");
  inProgress.add(name);
  const rule = messageRule(type);
  const fields = orderedFields(type, rule.componentOrder);
  const choices = type.oneofsArray.filter(isChoice);
  const describeField = (field: protobuf.Field): UperType => fieldType(field, byName, inProgress);
  let described: UperType;
  if (choices.length === 1 && choices[0]?.fieldsArray.length === fields.length) {
    described = { kind: "choice", name, extensible: rule.extensible, alternatives: fields.map((f) => ({ key: f.name, type: describeField(f) })) };
  } else if (choices.length > 0) {
    throw unsupported(name, "a oneof next to other fields (a CHOICE must be a message of its own)");
  } else if (fields.length === 0 && !rule.extensible) {
    described = { kind: "null" };
  } else {
    const components: Component[] = fields.map((f) => ({ key: f.name, type: describeField(f), presence: presenceOf(f) }));
    described = { kind: "sequence", name, extensible: rule.extensible, components };
  }
  inProgress.delete(name);
  byName.set(name, described);
  return described;
}

function orderedFields(type: protobuf.Type, componentOrder: readonly string[]): protobuf.Field[] {
  const byNumber = [...type.fieldsArray].sort((a, b) => a.id - b.id);
  if (componentOrder.length === 0) return byNumber;
  const ordered = componentOrder.map((entry) => byNumber.find((f) => protoName(f) === entry));
  if (ordered.length !== byNumber.length || ordered.some((f) => f === undefined)) {
    throw unsupported(type.fullName.slice(1), `component_order [${componentOrder.join(", ")}] must name every field once`);
  }
  return ordered as protobuf.Field[];
}

function presenceOf(field: protobuf.Field): Presence {
  if (field.partOf !== null) return "optional";
  if (field.repeated && fieldRule(field)?.emptyMeansAbsent === true) return "non-empty";
  return "mandatory";
}

function sizeOf(min: number | undefined, max: number | undefined, rule: FieldRule | undefined): SizeConstraint {
  return { min: min ?? 0, max, extensible: rule?.sizeExtensible ?? false };
}

function fieldType(field: protobuf.Field, byName: Map<string, UperType>, inProgress: Set<string>): UperType {
  const rule = fieldRule(field);
  const item = valueType(field, rule, byName, inProgress);
  if (!field.repeated) return item;
  return { kind: "sequence-of", size: sizeOf(rule?.minItems, rule?.maxItems, rule), item };
}

function valueType(field: protobuf.Field, rule: FieldRule | undefined, byName: Map<string, UperType>, inProgress: Set<string>): UperType {
  const where = `${field.parent?.fullName.slice(1) ?? "?"}.${field.name}`;
  const target = field.resolvedType;
  if (target instanceof protobuf.Type) return describeMessage(target, byName, inProgress);
  if (target instanceof protobuf.Enum) {
    const values = Object.entries(target.values)
      .filter(([valueName, value]) => !isPlaceholder(valueName, value))
      .map(([, value]) => value)
      .sort((a, b) => a - b);
    return { kind: "enumerated", name: target.fullName.slice(1), values, extensible: enumRule(target).extensible };
  }
  switch (field.type) {
    case "bool":
      return { kind: "boolean" };
    case "bytes":
      return { kind: "octet-string", size: sizeOf(rule?.minLength, rule?.maxLength, rule) };
    case "string":
      if (rule?.charset !== "ia5") throw unsupported(where, "a string must carry charset CHARSET_IA5");
      return { kind: "ia5-string", size: sizeOf(rule.minLength, rule.maxLength, rule) };
    case "int32":
    case "sint32":
    case "sfixed32":
    case "uint32":
    case "fixed32":
      if (rule?.bits !== undefined) return { kind: "bit-string", size: { min: rule.bits, max: rule.bits, extensible: rule.sizeExtensible } };
      return { kind: "integer", min: rule?.min, max: rule?.max, extensible: false };
    default:
      throw unsupported(where, `proto type ${field.type}`);
  }
}
