import type protobuf from "protobufjs";
import { SchemaError, type Registry } from "../../schema/index.ts";

/**
 * Protobuf encoding of the simulator's own messages, once per message. Unlike encodeProtobuf it
 * skips protobufjs' fromObject step (about 40 % of the cost for a BSM): the simulator builds its
 * messages in the generated types' shape (numbers for enums, Uint8Array for bytes), which is
 * exactly what the encoder reads, so the bytes are the same (tests/unit/sim/fleet checks that).
 */
export class FrameEncoder {
  private readonly type: protobuf.Type;
  private readonly typeName: string;

  constructor(registry: Registry, typeName: string) {
    this.type = registry.messageType(typeName);
    this.typeName = typeName;
  }

  encode(message: object): Buffer {
    try {
      const bytes = this.type.encode(message).finish();
      // protobufjs hands out a Buffer under Node; a view keeps it copy-free either way.
      return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new SchemaError("EncodeError", `${this.typeName}: cannot encode: ${reason}`, { typeName: this.typeName }, cause);
    }
  }
}
