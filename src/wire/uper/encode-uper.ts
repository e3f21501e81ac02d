import type { Registry } from "../../schema/index.ts";
import { BitWriter } from "./bit-writer.ts";
import { describeMessageType } from "./describe-schema.ts";
import { encodeValue } from "./encode-value.ts";

/**
 * Writes a message (the shape decodeProtobuf returns, or a generated type) in ASN.1 UPER, e.g. a
 * `v2xh.csae53.v1.MessageFrame`. A value the constraints do not allow throws a UperError naming the
 * component path and the bit offset.
 */
export function encodeUper(registry: Registry, typeName: string, message: unknown): Uint8Array {
  const writer = new BitWriter();
  encodeValue(writer, describeMessageType(registry, typeName), message);
  return writer.finish();
}
