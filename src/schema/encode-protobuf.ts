import { SchemaError } from "./errors.ts";
import type { Registry } from "./registry.ts";

/** Writes a message (the shape the decoders return, or a generated type) as protobuf binary. */
export function encodeProtobuf(registry: Registry, typeName: string, message: unknown): Uint8Array {
  const type = registry.messageType(typeName);
  try {
    return type.encode(type.fromObject(message as Record<string, unknown>)).finish();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new SchemaError("EncodeError", `${type.fullName.slice(1)}: cannot encode: ${reason}`, { typeName: type.fullName.slice(1) }, cause);
  }
}
