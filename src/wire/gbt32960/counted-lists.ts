import type { Byte } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { readEach, writeEach, type Codec } from "./codec.ts";
import { byteReading } from "./elements.ts";

/**
 * Lists whose count is a BYTE reading (alarm tables 17 and 23): a count that is a value is followed by
 * that many items; a marker count (0xFE/0xFF) by none. Each pair is [count field, list field].
 */
export function countedLists<T extends object, I>(pairs: readonly (readonly [keyof T & string, keyof T & string])[], item: Codec<I>): Codec<Partial<T>> {
  return {
    read(reader) {
      const result: Record<string, unknown> = {};
      for (const [countField, listField] of pairs) {
        reader.path.enter(countField);
        const count = byteReading.read(reader);
        reader.path.leave();
        result[countField] = count;
        result[listField] = readEach(reader, listField, count.value ?? 0, () => item.read(reader));
      }
      return result as Partial<T>;
    },
    write(writer, value) {
      const fields = value as Record<string, unknown>;
      for (const [countField, listField] of pairs) {
        const count = fields[countField] as Byte;
        const items = fields[listField] as I[];
        writer.path.enter(countField);
        byteReading.write(writer, count);
        writer.path.leave();
        if (items.length !== (count.value ?? 0) && !writer.writesMismatchedCounts) {
          const expected = count.value === undefined ? `none (${countField} is a marker)` : `${countField} (${count.value})`;
          writer.fail("ValueError", listField, `expected ${expected} items, got ${items.length}`);
        }
        writeEach(writer, listField, items, (one) => item.write(writer, one));
      }
    },
  };
}

/** The four fault-code lists N1..N4 shared by the 2016 and 2025 alarm units. */
export const FAULT_LISTS = [
  ["ressFaultCount", "ressFaultCodes"],
  ["motorFaultCount", "motorFaultCodes"],
  ["engineFaultCount", "engineFaultCodes"],
  ["otherFaultCount", "otherFaultCodes"],
] as const;
