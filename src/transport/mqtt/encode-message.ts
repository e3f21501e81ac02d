import type { Registry } from "../../schema/index.ts";
import { contentType } from "../content-type.ts";
import type { Encoding } from "../observation.ts";
import { encodePayload } from "../payload-codec.ts";

/** A message as payload bytes, plus the MQTT 5 content type announcing them. */
export function encodeMessage(registry: Registry, typeName: string, message: object, encoding: Encoding): { payload: Buffer; contentType: string } {
  const bytes = encodePayload(registry, typeName, message, encoding);
  return { payload: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), contentType: contentType(encoding, typeName) };
}
