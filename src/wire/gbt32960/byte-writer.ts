import { FieldPath } from "./field-path.ts";
import { WireError, type WireErrorName } from "./wire-error.ts";

/** Writes big-endian fields into a growing buffer, refusing any value its field cannot hold. */
export class ByteWriter {
  readonly path = new FieldPath();
  /** Whether a count whose list has another length is written as given (Gbt32960Options.mismatchedCounts). */
  readonly writesMismatchedCounts: boolean;
  private buffer: Uint8Array;
  private length = 0;

  constructor(initialSize = 256, writesMismatchedCounts = false) {
    this.buffer = new Uint8Array(initialSize);
    this.writesMismatchedCounts = writesMismatchedCounts;
  }

  /** Bytes written so far. */
  get size(): number {
    return this.length;
  }

  u8(value: number, field?: string): void {
    this.check(value, 0xff, field);
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  u16(value: number, field?: string): void {
    this.check(value, 0xffff, field);
    this.reserve(2);
    this.buffer[this.length++] = value >>> 8;
    this.buffer[this.length++] = value & 0xff;
  }

  u32(value: number, field?: string): void {
    this.check(value, 0xffffffff, field);
    this.reserve(4);
    this.buffer[this.length++] = value >>> 24;
    this.buffer[this.length++] = (value >>> 16) & 0xff;
    this.buffer[this.length++] = (value >>> 8) & 0xff;
    this.buffer[this.length++] = value & 0xff;
  }

  bytes(value: Uint8Array): void {
    this.reserve(value.length);
    this.buffer.set(value, this.length);
    this.length += value.length;
  }

  /** One byte per character; a character above U+00FF has no byte and is refused. */
  latin1(text: string, field?: string): void {
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code > 0xff) this.fail("ValueError", field, `character ${i} (U+${code.toString(16).padStart(4, "0").toUpperCase()}) does not fit one byte`);
      this.buffer[this.length++] = code;
    }
  }

  /** Overwrites a WORD written earlier (a length known only once what follows is written). */
  patchU16(at: number, value: number, field?: string): void {
    this.check(value, 0xffff, field);
    this.buffer[at] = value >>> 8;
    this.buffer[at + 1] = value & 0xff;
  }

  /** The bytes written, from `start`. */
  view(start = 0): Uint8Array {
    return this.buffer.subarray(start, this.length);
  }

  /** Forgets everything after `size` bytes (to replace a plain data unit by its ciphertext). */
  truncate(size: number): void {
    this.length = size;
  }

  fail(name: WireErrorName, field: string | undefined, reason: string): never {
    throw new WireError(name, reason, { offset: this.length, field: this.path.format(field) });
  }

  private check(value: number, max: number, field: string | undefined): void {
    if (!Number.isInteger(value) || value < 0 || value > max) this.fail("ValueError", field, `expected an integer 0..${max}, got ${String(value)}`);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}
