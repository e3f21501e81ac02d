import type protobuf from "protobufjs";
import { DEFAULT_CODEC_OPTIONS, OBJECT_SHAPE, tooLarge, type CodecOptions } from "./codec-options.ts";
import { SchemaError } from "./errors.ts";
import type { Registry } from "./registry.ts";

/**
 * Reads protobuf binary as `typeName`. The result has every scalar field present (proto3 defaults),
 * 64-bit integers as bigint, enums as numbers and bytes as Uint8Array; an absent mandatory message
 * field is null (validateRules reports it). Unreadable input throws a DecodeError naming the type
 * and, where protobufjs tells it, the byte offset.
 */
export function decodeProtobuf<T = Record<string, unknown>>(
  registry: Registry,
  typeName: string,
  bytes: Uint8Array,
  options: Partial<CodecOptions> = {},
): T {
  const type = registry.messageType(typeName);
  const limit = options.maxInputSize ?? DEFAULT_CODEC_OPTIONS.maxInputSize;
  if (bytes.length > limit) {
    const name = type.fullName.slice(1);
    throw new SchemaError("DecodeError", tooLarge(name, bytes.length, "bytes", limit), { typeName: name });
  }
  let message: protobuf.Message;
  try {
    message = type.decode(bytes);
  } catch (cause) {
    const name = type.fullName.slice(1);
    throw new SchemaError("DecodeError", `${name}: not valid protobuf binary: ${describe(cause)}`, { typeName: name, ...offsetOf(cause) }, cause);
  }
  return type.toObject(message, OBJECT_SHAPE) as T;
}

function describe(cause: unknown): string {
  // protobufjs recurses once per nested message; a crafted input can nest until the stack runs out.
  if (cause instanceof RangeError && /call stack/i.test(cause.message)) return "messages nest too deeply";
  return cause instanceof Error ? cause.message : String(cause);
}

function offsetOf(cause: unknown): { offset?: number } {
  const match = cause instanceof Error ? /(?:at offset|range:) (\d+)/.exec(cause.message) : null;
  return match?.[1] === undefined ? {} : { offset: Number(match[1]) };
}
