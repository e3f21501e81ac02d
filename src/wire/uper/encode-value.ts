import type { BitWriter } from "./bit-writer.ts";
import { writeSize } from "./length.ts";
import { type UperError, uperError, underComponent } from "./uper-error.ts";
import type { BitStringType, ChoiceType, EnumeratedType, IntegerType, Presence, SequenceType, SizeConstraint, UperType } from "./uper-type.ts";
import { writeConstrained, writeSemiConstrained, writeUnconstrained } from "./whole-number.ts";

type Fields = Record<string, unknown>;

function invalid(writer: BitWriter, reason: string): UperError {
  return uperError("InvalidValueError", reason, writer.bitOffset);
}

/** Writes `value` (the shape decodeProtobuf returns for the type) as `type`. */
export function encodeValue(writer: BitWriter, type: UperType, value: unknown): void {
  switch (type.kind) {
    case "integer":
      return encodeInteger(writer, type, integerOf(writer, value));
    case "enumerated":
      return encodeEnumerated(writer, type, integerOf(writer, value));
    case "boolean":
      if (typeof value !== "boolean") throw invalid(writer, `expected a boolean, got ${typeof value}`);
      return writer.writeBit(value);
    case "null":
      return;
    case "bit-string":
      return encodeBitString(writer, type, integerOf(writer, value));
    case "octet-string":
      if (!(value instanceof Uint8Array)) throw invalid(writer, `expected bytes (Uint8Array), got ${typeof value}`);
      writeSize(writer, value.length, type.size);
      return writer.writeOctets(value);
    case "ia5-string":
      return encodeIa5String(writer, type.size, value);
    case "sequence":
      return encodeSequence(writer, type, fieldsOf(writer, value));
    case "sequence-of": {
      if (!Array.isArray(value)) throw invalid(writer, `expected a list, got ${typeof value}`);
      writeSize(writer, value.length, type.size);
      value.forEach((item: unknown, index) => {
        try {
          encodeValue(writer, type.item, item);
        } catch (error) {
          throw underComponent(error, `[${index}]`);
        }
      });
      return;
    }
    case "choice":
      return encodeChoice(writer, type, fieldsOf(writer, value));
  }
}

function outOfRange(writer: BitWriter, reason: string): UperError {
  return uperError("ValueOutOfRangeError", reason, writer.bitOffset);
}

function integerOf(writer: BitWriter, value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) throw invalid(writer, `expected an integer, got ${String(value)}`);
  return value;
}

function fieldsOf(writer: BitWriter, value: unknown): Fields {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalid(writer, `expected a message object, got ${String(value)}`);
  return value as Fields;
}

function encodeInteger(writer: BitWriter, type: IntegerType, value: number): void {
  const { min, max } = type;
  if (type.extensible) {
    const inRoot = (min === undefined || value >= min) && (max === undefined || value <= max);
    writer.writeBit(!inRoot);
    if (!inRoot) return writeUnconstrained(writer, value);
  }
  if (min !== undefined && max !== undefined) writeConstrained(writer, value, min, max);
  else if (min !== undefined) writeSemiConstrained(writer, value, min);
  else if (max !== undefined && value > max) throw outOfRange(writer, `expected MIN..${max}, got ${value}`);
  // An upper bound alone does not constrain the PER form (X.691 13.2.4).
  else writeUnconstrained(writer, value);
}

function encodeEnumerated(writer: BitWriter, type: EnumeratedType, value: number): void {
  const index = type.values.indexOf(value);
  if (index < 0) {
    throw outOfRange(writer, `expected one of ${type.values.join(", ")}, got ${value}`);
  }
  if (type.extensible) writer.writeBit(false);
  writeConstrained(writer, index, 0, type.values.length - 1);
}

/** Bits 0..width-1 of `value` in wire order: bit 0 becomes the most significant of the field. */
function reverseBits(value: number, width: number): number {
  let reversed = 0;
  for (let bit = 0; bit < width; bit++) reversed = reversed * 2 + (bit < 32 ? (value >>> bit) & 1 : 0);
  return reversed;
}

function encodeBitString(writer: BitWriter, type: BitStringType, value: number): void {
  if (value < 0 || value > 0xffffffff) throw invalid(writer, `expected a uint32 holding the bits, got ${value}`);
  const { size } = type;
  const used = value === 0 ? 0 : 32 - Math.clz32(value);
  // Named bits: trailing zero bits are dropped or added to reach the smallest size the constraint allows (X.691 16.3).
  const length = Math.max(size.min, used);
  if (size.max !== undefined && length > size.max && !size.extensible) {
    throw outOfRange(writer, `bit ${used - 1} is set but the BIT STRING has ${size.max} bits`);
  }
  writeSize(writer, length, size);
  for (let done = 0; done < length; done += 32) {
    const width = Math.min(32, length - done);
    writer.writeBits(done === 0 ? reverseBits(value, width) : 0, width);
  }
}

function encodeIa5String(writer: BitWriter, size: SizeConstraint, value: unknown): void {
  if (typeof value !== "string") throw invalid(writer, `expected a string, got ${typeof value}`);
  writeSize(writer, value.length, size);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0x7f) {
      throw outOfRange(writer, `character ${i} (U+${code.toString(16).toUpperCase().padStart(4, "0")}) is not in IA5String`);
    }
    writer.writeBits(code, 7);
  }
}

/** The proto3 value of an absent scalar, so a message with defaults left out encodes as protobuf would read it. */
function protoDefault(type: UperType): unknown {
  switch (type.kind) {
    case "integer":
    case "enumerated":
    case "bit-string":
      return 0;
    case "boolean":
      return false;
    case "octet-string":
      return new Uint8Array(0);
    case "ia5-string":
      return "";
    case "sequence-of":
      return [];
    case "null":
      return {};
    default:
      return undefined;
  }
}

function isPresent(presence: Presence, value: unknown): boolean {
  if (presence === "non-empty") return Array.isArray(value) && value.length > 0;
  return value !== undefined && value !== null;
}

function encodeSequence(writer: BitWriter, type: SequenceType, fields: Fields): void {
  // No schema type has extension additions yet, so the extension bit is always 0.
  if (type.extensible) writer.writeBit(false);
  for (const component of type.components) {
    if (component.presence !== "mandatory") writer.writeBit(isPresent(component.presence, fields[component.key]));
  }
  for (const component of type.components) {
    const value = fields[component.key];
    const present = isPresent(component.presence, value);
    if (component.presence !== "mandatory" && !present) continue;
    const written = present ? value : protoDefault(component.type);
    try {
      if (written === undefined) throw invalid(writer, "mandatory component is missing");
      encodeValue(writer, component.type, written);
    } catch (error) {
      throw underComponent(error, component.key);
    }
  }
}

function encodeChoice(writer: BitWriter, type: ChoiceType, fields: Fields): void {
  let index = -1;
  for (let i = 0; i < type.alternatives.length; i++) {
    if (!isPresent("optional", fields[type.alternatives[i]?.key ?? ""])) continue;
    if (index >= 0) throw uperError("ChoiceIndexError", "more than one alternative is set, a CHOICE takes one", writer.bitOffset);
    index = i;
  }
  const alternative = type.alternatives[index];
  if (alternative === undefined) {
    const expected = type.alternatives.map((a) => a.key).join(", ");
    throw uperError("ChoiceIndexError", `no alternative is set (expected one of ${expected})`, writer.bitOffset);
  }
  if (type.extensible) writer.writeBit(false);
  writeConstrained(writer, index, 0, type.alternatives.length - 1);
  try {
    encodeValue(writer, alternative.type, fields[alternative.key]);
  } catch (error) {
    throw underComponent(error, alternative.key);
  }
}
