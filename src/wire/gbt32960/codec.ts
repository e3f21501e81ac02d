import type { ByteReader } from "./byte-reader.ts";
import type { ByteWriter } from "./byte-writer.ts";

/** Reads one value from the wire and writes it back byte for byte. */
export interface Codec<T> {
  read(reader: ByteReader): T;
  write(writer: ByteWriter, value: T): void;
}

export const u8: Codec<number> = { read: (r) => r.u8(), write: (w, v) => w.u8(v) };
export const u16: Codec<number> = { read: (r) => r.u16(), write: (w, v) => w.u16(v) };
export const u32: Codec<number> = { read: (r) => r.u32(), write: (w, v) => w.u32(v) };

/**
 * An enum byte. A byte the enum does not name is kept as it is (proto3 enums are open), so the frame
 * still round-trips and the rule validator reports the value.
 */
export function enumByte<E extends number>(): Codec<E> {
  return u8 as Codec<E>;
}

/** Fields written in the order of `fields`, each under its own name in error paths. */
export function struct<T extends object>(fields: { [K in keyof T]-?: Codec<T[K]> }): Codec<T> {
  const entries = Object.entries(fields) as [keyof T & string, Codec<unknown>][];
  return {
    read(reader) {
      const result: Record<string, unknown> = {};
      for (const [name, codec] of entries) {
        reader.path.enter(name);
        result[name] = codec.read(reader);
        reader.path.leave();
      }
      return result as T;
    },
    write(writer, value) {
      for (const [name, codec] of entries) {
        writer.path.enter(name);
        codec.write(writer, value[name]);
        writer.path.leave();
      }
    },
  };
}

/** A count (`count` codec, BYTE or WORD) followed by that many items; the count is the list length. */
export function list<T>(count: Codec<number>, item: Codec<T>): Codec<T[]> {
  return {
    read: (reader) => readEach(reader, undefined, count.read(reader), () => item.read(reader)),
    write(writer, items) {
      count.write(writer, items.length);
      writeEach(writer, undefined, items, (value) => item.write(writer, value));
    },
  };
}

/** Reads `count` items, each under its index (and under `field`, when given) in error paths. */
export function readEach<T>(reader: ByteReader, field: string | undefined, count: number, item: (index: number) => T): T[] {
  const items: T[] = [];
  if (field !== undefined) reader.path.enter(field);
  for (let i = 0; i < count; i++) {
    reader.path.enter(i);
    items.push(item(i));
    reader.path.leave();
  }
  if (field !== undefined) reader.path.leave();
  return items;
}

/** Writes each item under its index (and under `field`, when given) in error paths. */
export function writeEach<T>(writer: ByteWriter, field: string | undefined, items: readonly T[], item: (value: T) => void): void {
  if (field !== undefined) writer.path.enter(field);
  items.forEach((value, i) => {
    writer.path.enter(i);
    item(value);
    writer.path.leave();
  });
  if (field !== undefined) writer.path.leave();
}

/** A STRING of exactly `length` bytes, kept with its padding. */
export function fixedText(length: number): Codec<string> {
  return {
    read: (r) => r.latin1(length),
    write(w, text) {
      if (text.length !== length) w.fail("ValueError", undefined, `expected ${length} characters, got ${text.length}`);
      w.latin1(text);
    },
  };
}

/** A WORD length followed by that many bytes. */
export const wordSizedBytes: Codec<Uint8Array> = {
  read: (r) => r.bytesOf(r.u16()),
  write(w, bytes) {
    w.u16(bytes.length);
    w.bytes(bytes);
  },
};

/** Everything up to the end of the data unit. */
export const restOfUnit: Codec<Uint8Array> = {
  read: (r) => r.bytesOf(r.remaining),
  write: (w, bytes) => w.bytes(bytes),
};

/** A data unit with nothing in it. */
export function nothing<T extends object>(): Codec<T> {
  return { read: () => ({}) as T, write: () => undefined };
}

/** Several codecs that each read some fields of one object, in order; each writer gets the whole object. */
export function sequence<T extends object>(...parts: Codec<Partial<T>>[]): Codec<T> {
  return {
    read(reader) {
      const result = {};
      for (const part of parts) Object.assign(result, part.read(reader));
      return result as T;
    },
    write(writer, value) {
      for (const part of parts) part.write(writer, value);
    },
  };
}

/** Codes 0x80..0xFE are user-defined: information types (table 8), parameter IDs (B.12), control commands (B.15). */
export function isUserDefinedCode(code: number): boolean {
  return Number.isInteger(code) && code >= 0x80 && code <= 0xfe;
}
