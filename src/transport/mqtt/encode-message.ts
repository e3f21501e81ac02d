import { encodeJson, encodeProtobuf, type Registry } from "../../schema/index.ts";
import { contentType } from "../content-type.ts";

/** A message as payload bytes, plus the MQTT 5 content type announcing them. */
export function encodeMessage(registry: Registry, typeName: string, message: object, encoding: "protobuf" | "json"): { payload: Buffer; contentType: string } {
  let payload: Buffer;
  if (encoding === "protobuf") {
    const bytes = encodeProtobuf(registry, typeName, message);
    payload = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  } else {
    payload = Buffer.from(JSON.stringify(encodeJson(registry, typeName, message)), "utf8");
  }
  return { payload, contentType: contentType(encoding, typeName) };
}
