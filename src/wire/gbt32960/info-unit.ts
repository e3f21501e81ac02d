import type { UserDefinedBlock } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { isUserDefinedCode, wordSizedBytes, writeEach, type Codec } from "./codec.ts";
import { hex } from "./wire-error.ts";

/** One information type of a realtime data unit: its type byte, its member name and its layout. */
export interface UnitLayout {
  readonly type: number;
  readonly member: string;
  readonly codec: Codec<unknown>;
}

/**
 * An information unit (type byte + body) of one edition. Types 0x80..0xFE are user-defined blocks with
 * a WORD length; any other type the edition does not define has no known size, so reading stops there.
 */
export function infoUnit<U extends object>(layouts: readonly UnitLayout[]): Codec<U> {
  const byType = new Map(layouts.map((layout) => [layout.type, layout]));
  return {
    read(reader) {
      const at = reader.offset;
      const type = reader.u8("type");
      if (isUserDefinedCode(type)) {
        reader.path.enter("userDefined");
        const userDefined: UserDefinedBlock = { type, data: wordSizedBytes.read(reader) };
        reader.path.leave();
        return { userDefined } as U;
      }
      const layout = byType.get(type);
      if (layout === undefined) return reader.fail("UnknownCodeError", "type", `unknown information type ${hex(type)}; its size is unknown, so the units after it cannot be read`, at);
      reader.path.enter(layout.member);
      const body = layout.codec.read(reader);
      reader.path.leave();
      return { [layout.member]: body } as U;
    },
    write(writer, unit) {
      const members = unit as Record<string, unknown>;
      const block = members.userDefined as UserDefinedBlock | undefined;
      if (block !== undefined) {
        writer.path.enter("userDefined");
        if (!isUserDefinedCode(block.type)) {
          writer.fail("ValueError", "type", `expected a user-defined type 0x80..0xfe, got ${String(block.type)}`);
        }
        writer.u8(block.type);
        wordSizedBytes.write(writer, block.data);
        writer.path.leave();
        return;
      }
      const layout = layouts.find((candidate) => members[candidate.member] !== undefined);
      if (layout === undefined) return writer.fail("ValueError", undefined, "no information unit is set");
      writer.u8(layout.type);
      writer.path.enter(layout.member);
      layout.codec.write(writer, members[layout.member]);
      writer.path.leave();
    },
  };
}

/** Units up to the end of the data unit, or up to a unit whose type byte is `stopType`. */
export function unitsToEnd<U>(unit: Codec<U>, stopType?: number): Codec<U[]> {
  return {
    read(reader) {
      const units: U[] = [];
      while (reader.remaining > 0 && reader.peek() !== stopType) {
        reader.path.enter(units.length);
        units.push(unit.read(reader));
        reader.path.leave();
      }
      return units;
    },
    write: (writer, units) => writeEach(writer, undefined, units, (one) => unit.write(writer, one)),
  };
}
