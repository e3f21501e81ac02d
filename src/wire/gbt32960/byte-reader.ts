import { FieldPath } from "./field-path.ts";
import { WireError, type WireErrorName } from "./wire-error.ts";

/**
 * Reads big-endian fields from a slice of a frame, checking every bound. Offsets in errors count from
 * the frame's first byte: `origin` is the frame offset of `bytes[0]`.
 */
export class ByteReader {
  readonly path = new FieldPath();
  private readonly bytes: Buffer;
  private readonly origin: number;
  private position = 0;

  constructor(bytes: Uint8Array, origin = 0) {
    this.bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.origin = origin;
  }

  /** Frame offset of the next byte. */
  get offset(): number {
    return this.origin + this.position;
  }

  get remaining(): number {
    return this.bytes.length - this.position;
  }

  /** The next byte, not consumed; undefined at the end. */
  peek(): number | undefined {
    return this.bytes[this.position];
  }

  u8(field?: string): number {
    this.need(1, field);
    return this.bytes[this.position++] as number;
  }

  u16(field?: string): number {
    this.need(2, field);
    const p = this.position;
    this.position += 2;
    return ((this.bytes[p] as number) << 8) | (this.bytes[p + 1] as number);
  }

  u32(field?: string): number {
    this.need(4, field);
    const p = this.position;
    this.position += 4;
    return (this.bytes[p] as number) * 0x1000000 + (((this.bytes[p + 1] as number) << 16) | ((this.bytes[p + 2] as number) << 8) | (this.bytes[p + 3] as number));
  }

  /** A copy of the next `length` bytes. */
  bytesOf(length: number, field?: string): Uint8Array {
    this.need(length, field);
    const start = this.position;
    this.position += length;
    return new Uint8Array(this.bytes.subarray(start, this.position));
  }

  /** `length` bytes as one character each (latin1), so that any byte survives a round trip. */
  latin1(length: number, field?: string): string {
    this.need(length, field);
    const start = this.position;
    this.position += length;
    return this.bytes.toString("latin1", start, this.position);
  }

  /** Index of the next `byte` at or after the current position, or -1. */
  indexOf(byte: number): number {
    const index = this.bytes.indexOf(byte, this.position);
    return index < 0 ? -1 : index - this.position;
  }

  /** Throws a WireError at the current offset (or `at`), naming `field` under the current path. */
  fail(name: WireErrorName, field: string | undefined, reason: string, at = this.offset): never {
    throw new WireError(name, reason, { offset: at, field: this.path.format(field) });
  }

  private need(length: number, field: string | undefined): void {
    if (this.position + length > this.bytes.length) {
      const left = this.bytes.length - this.position;
      this.fail("TruncatedError", field, `needs ${length} byte${length === 1 ? "" : "s"}, ${left} left in the data unit`);
    }
  }
}
