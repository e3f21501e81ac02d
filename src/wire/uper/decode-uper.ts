import { DEFAULT_CODEC_OPTIONS, type CodecOptions, type Registry } from "../../schema/index.ts";
import { BitReader } from "./bit-reader.ts";
import { decodeValue } from "./decode-value.ts";
import { describeMessageType } from "./describe-schema.ts";
import { uperError } from "./uper-error.ts";

/**
 * Reads ASN.1 UPER as `typeName` into the shape decodeProtobuf returns. Input that breaks the
 * encoding throws a UperError naming the component path and the bit offset; extension additions
 * from later editions are skipped, and octets left over after the message are an error.
 */
export function decodeUper<T = Record<string, unknown>>(registry: Registry, typeName: string, bytes: Uint8Array, options: Partial<CodecOptions> = {}): T {
  const limit = options.maxInputSize ?? DEFAULT_CODEC_OPTIONS.maxInputSize;
  if (bytes.length > limit) {
    throw uperError("LengthMismatchError", `input of ${bytes.length} bytes is larger than the limit of ${limit} bytes`, 0);
  }
  const reader = new BitReader(bytes);
  const message = decodeValue(reader, describeMessageType(registry, typeName));
  const used = Math.max(1, Math.ceil(reader.bitOffset / 8));
  if (bytes.length > used) {
    throw uperError("LengthMismatchError", `${bytes.length - used} octets follow the end of the message`, used * 8);
  }
  return message as T;
}
