import { bitWidth } from "./bit-width.ts";
import type { BitReader } from "./bit-reader.ts";
import { readLength, readSize } from "./length.ts";
import { type UperError, uperError, underComponent } from "./uper-error.ts";
import type { BitStringType, ChoiceType, Component, EnumeratedType, IntegerType, SequenceType, SizeConstraint, UperType } from "./uper-type.ts";
import { readConstrained, readNormallySmall, readSemiConstrained, readUnconstrained } from "./whole-number.ts";

/** Reads one value of `type`, in the shape decodeProtobuf returns (absent OPTIONAL scalars and messages left out). */
export function decodeValue(reader: BitReader, type: UperType): unknown {
  switch (type.kind) {
    case "integer":
      return decodeInteger(reader, type);
    case "enumerated":
      return decodeEnumerated(reader, type);
    case "boolean":
      return reader.readBit();
    case "null":
      return {};
    case "bit-string":
      return decodeBitString(reader, type);
    case "octet-string": {
      const octets = reader.readOctets(readSize(reader, type.size));
      // A Buffer view, as protobufjs returns bytes under Node, so both decoders give equal objects.
      return Buffer.from(octets.buffer, octets.byteOffset, octets.length);
    }
    case "ia5-string":
      return decodeIa5String(reader, type.size);
    case "sequence":
      return decodeSequence(reader, type);
    case "sequence-of": {
      const count = readSize(reader, type.size);
      const items: unknown[] = [];
      for (let index = 0; index < count; index++) {
        try {
          items.push(decodeValue(reader, type.item));
        } catch (error) {
          throw underComponent(error, `[${index}]`);
        }
      }
      return items;
    }
    case "choice":
      return decodeChoice(reader, type);
  }
}

function decodeInteger(reader: BitReader, type: IntegerType): number {
  const { min, max } = type;
  // With `...`, a 1 bit announces a value outside the root, written unconstrained (X.691 13.2.6).
  if (type.extensible && reader.readBit()) return readUnconstrained(reader);
  if (min !== undefined && max !== undefined) return readConstrained(reader, min, max);
  if (min !== undefined) return readSemiConstrained(reader, min);
  const start = reader.bitOffset;
  const value = readUnconstrained(reader);
  if (max !== undefined && value > max) {
    throw uperError("ValueOutOfRangeError", `expected MIN..${max}, got ${value}`, start);
  }
  return value;
}

function unknownExtension(what: string, index: number, bitOffset: number): UperError {
  return uperError("UnknownExtensionError", `${what} extension ${index} is not defined by this schema`, bitOffset);
}

function decodeEnumerated(reader: BitReader, type: EnumeratedType): number {
  const start = reader.bitOffset;
  if (type.extensible && reader.readBit()) throw unknownExtension("ENUMERATED", readNormallySmall(reader), start);
  const index = reader.readBits(bitWidth(type.values.length));
  const value = type.values[index];
  if (value === undefined) {
    throw uperError("ValueOutOfRangeError", `enumeration index ${index} is beyond the ${type.values.length} root values`, start);
  }
  return value;
}

function decodeBitString(reader: BitReader, type: BitStringType): number {
  const length = readSize(reader, type.size);
  const start = reader.bitOffset;
  let value = 0;
  for (let bit = 0; bit < length; bit++) {
    if (!reader.readBit()) continue;
    if (bit >= 32) {
      throw uperError("ValueOutOfRangeError", `bit ${bit} is set; the schema holds bits 0..31`, start + bit);
    }
    value += 2 ** bit;
  }
  return value;
}

function decodeIa5String(reader: BitReader, size: SizeConstraint): string {
  const length = readSize(reader, size);
  const codes: number[] = [];
  for (let i = 0; i < length; i++) codes.push(reader.readBits(7));
  return String.fromCharCode(...codes);
}

function decodeSequence(reader: BitReader, type: SequenceType): Record<string, unknown> {
  const extended = type.extensible && reader.readBit();
  const { components } = type;
  const present: boolean[] = [];
  for (const component of components) present.push(component.presence === "mandatory" || reader.readBit());
  const fields: Record<string, unknown> = {};
  for (let index = 0; index < components.length; index++) {
    const component = components[index] as Component;
    if (present[index] === true) {
      try {
        fields[component.key] = decodeValue(reader, component.type);
      } catch (error) {
        throw underComponent(error, component.key);
      }
    } else if (component.presence === "non-empty") {
      fields[component.key] = [];
    }
  }
  if (extended) skipExtensionAdditions(reader);
  return fields;
}

/**
 * Extension additions from a later edition (X.691 19.7-19.9): a normally small count, a presence
 * bitmap, then each present addition as an open type, whose octets are skipped.
 */
function skipExtensionAdditions(reader: BitReader): void {
  const start = reader.bitOffset;
  const count = readNormallySmall(reader) + 1;
  if (count > reader.bitsLeft) {
    throw uperError("PrematureEndError", `input ends inside the presence bitmap of ${count} extension additions`, start);
  }
  const present: boolean[] = [];
  for (let i = 0; i < count; i++) present.push(reader.readBit());
  for (const isPresent of present) if (isPresent) reader.skip(readLength(reader, 0, undefined) * 8);
}

function decodeChoice(reader: BitReader, type: ChoiceType): Record<string, unknown> {
  const start = reader.bitOffset;
  if (type.extensible && reader.readBit()) throw unknownExtension("CHOICE", readNormallySmall(reader), start);
  const index = reader.readBits(bitWidth(type.alternatives.length));
  const alternative = type.alternatives[index];
  if (alternative === undefined) {
    throw uperError("ChoiceIndexError", `alternative index ${index} is beyond the ${type.alternatives.length} alternatives`, start);
  }
  try {
    return { [alternative.key]: decodeValue(reader, alternative.type) };
  } catch (error) {
    throw underComponent(error, alternative.key);
  }
}
