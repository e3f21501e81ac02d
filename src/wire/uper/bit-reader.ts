import { FIELD_PART } from "./bit-writer.ts";
import { uperError } from "./uper-error.ts";

/** Reads bit fields most significant bit first; never reads past the end of its input. */
export class BitReader {
  private readonly bytes: Uint8Array;
  private position = 0;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /** Bits read so far. */
  get bitOffset(): number {
    return this.position;
  }

  get bitsLeft(): number {
    return this.bytes.length * 8 - this.position;
  }

  /** Reads a `width`-bit field (width at most 53) as a non-negative integer. */
  readBits(width: number): number {
    this.require(width);
    if (width > 24) {
      const high = this.readBits(width - 24);
      return high * FIELD_PART + this.readBits(24);
    }
    let value = 0;
    let remaining = width;
    while (remaining > 0) {
      const available = 8 - (this.position & 7);
      const take = remaining < available ? remaining : available;
      const byte = this.bytes[this.position >>> 3] ?? 0;
      value = (value << take) | ((byte >>> (available - take)) & ((1 << take) - 1));
      this.position += take;
      remaining -= take;
    }
    return value;
  }

  readBit(): boolean {
    return this.readBits(1) === 1;
  }

  readOctets(count: number): Uint8Array {
    this.require(count * 8);
    const octets = new Uint8Array(count);
    for (let i = 0; i < count; i++) octets[i] = this.readBits(8);
    return octets;
  }

  /** Moves past `count` bits without reading them. */
  skip(count: number): void {
    this.require(count);
    this.position += count;
  }

  private require(width: number): void {
    if (width > this.bitsLeft) {
      throw uperError("PrematureEndError", `input ends after ${this.bitsLeft} more bits, ${width} needed`, this.position);
    }
  }
}
