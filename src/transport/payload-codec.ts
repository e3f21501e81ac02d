import type { Frame } from "../schema/gen/v2xh/gbt32960/v1/index.ts";
import { SchemaError, decodeJson, decodeProtobuf, encodeJson, encodeProtobuf, type Registry } from "../schema/index.ts";
import { decodeFrame, encodeFrame, isWireError, type DataUnitKeys } from "../wire/gbt32960/index.ts";
import { decodeUper, encodeUper, isUperError } from "../wire/uper/index.ts";
import type { Encoding } from "./observation.ts";

const GBT32960_FRAME = "v2xh.gbt32960.v1.Frame";

/** The types each encoding carries: UPER is the wire format of CSAE 53, a GB/T 32960 frame holds a Frame. */
const CARRIES: Readonly<Record<Encoding, { readonly fits: (typeName: string) => boolean; readonly types: string }>> = {
  protobuf: { fits: () => true, types: "every type" },
  json: { fits: () => true, types: "every type" },
  per: { fits: (typeName) => typeName.startsWith("v2xh.csae53."), types: "CSAE 53 types (v2xh.csae53.*)" },
  gbt32960: { fits: (typeName) => typeName === GBT32960_FRAME, types: GBT32960_FRAME },
};

export const ENCODINGS = Object.keys(CARRIES) as readonly Encoding[];

/** Why `encoding` cannot carry a message of `typeName`, e.g. "carries only v2xh.gbt32960.v1.Frame, not …"; undefined when it can. */
export function encodingMismatch(encoding: Encoding, typeName: string): string | undefined {
  const { fits, types } = CARRIES[encoding];
  return fits(typeName) ? undefined : `carries only ${types}, not ${typeName}`;
}

/**
 * Writes a message (the shape the decoders return) as payload bytes. A value the encoding cannot
 * hold throws an EncodeError naming the type and, for the wire formats, the field. `keys` encrypt a
 * GB/T 32960 data unit whose frame says AES or SM4.
 */
export function encodePayload(registry: Registry, typeName: string, message: object, encoding: Encoding, keys: DataUnitKeys = {}): Uint8Array {
  refuseMismatch("EncodeError", encoding, typeName);
  try {
    switch (encoding) {
      case "protobuf":
        return encodeProtobuf(registry, typeName, message);
      case "json":
        return Buffer.from(JSON.stringify(encodeJson(registry, typeName, message)), "utf8");
      case "per":
        return encodeUper(registry, typeName, message);
      case "gbt32960":
        return encodeFrame(message as Frame, { keys });
    }
  } catch (error) {
    throw wireFormatError("EncodeError", typeName, encoding, error);
  }
}

/**
 * Reads payload bytes as `typeName` into the shape decodeProtobuf returns. Unreadable input throws
 * a DecodeError naming the type and where it broke: the field and, for binary input, the offset.
 * `keys` decrypt an encrypted GB/T 32960 data unit; without its key it stays `encrypted`.
 */
export function decodePayload(registry: Registry, typeName: string, encoding: Encoding, payload: Uint8Array, keys: DataUnitKeys = {}): Record<string, unknown> {
  refuseMismatch("DecodeError", encoding, typeName);
  try {
    switch (encoding) {
      case "protobuf":
        return decodeProtobuf(registry, typeName, payload);
      case "json":
        return decodeJson(registry, typeName, Buffer.from(payload.buffer, payload.byteOffset, payload.length).toString("utf8"));
      case "per":
        return decodeUper(registry, typeName, payload);
      case "gbt32960":
        return decodeFrame(payload, { keys });
    }
  } catch (error) {
    throw wireFormatError("DecodeError", typeName, encoding, error);
  }
}

function refuseMismatch(name: "EncodeError" | "DecodeError", encoding: Encoding, typeName: string): void {
  const mismatch = encodingMismatch(encoding, typeName);
  if (mismatch !== undefined) throw new SchemaError(name, `${typeName}: the ${encoding} encoding ${mismatch}`, { typeName });
}

const WIRE_FORMATS = {
  per: { DecodeError: "not valid UPER", EncodeError: "cannot be written in UPER" },
  gbt32960: { DecodeError: "not a valid GB/T 32960 frame", EncodeError: "cannot be written as a GB/T 32960 frame" },
} as const;

/** A codec error of the wire formats as a SchemaError, so callers handle one family; schema errors pass through. */
function wireFormatError(name: "EncodeError" | "DecodeError", typeName: string, encoding: Encoding, error: unknown): unknown {
  if (encoding !== "per" && encoding !== "gbt32960") return error;
  const what = WIRE_FORMATS[encoding][name];
  if (isUperError(error)) {
    const { path, bitOffset } = error.details;
    return new SchemaError(name, `${typeName}: ${what}: ${error.message}`, { typeName, path, offset: Math.floor(bitOffset / 8) }, error);
  }
  if (isWireError(error)) {
    const { field, offset } = error.details;
    const details = { typeName, ...(field === undefined ? {} : { path: field }), ...(offset === undefined ? {} : { offset }) };
    return new SchemaError(name, `${typeName}: ${what}: ${error.message}`, details, error);
  }
  return error;
}
