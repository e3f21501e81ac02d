import { type UperError, uperError } from "./uper-error.ts";

/** 2^24: the widest part written with 32-bit shifts. */
export const FIELD_PART = 16777216;

/** Appends bit fields most significant bit first, with no alignment (X.691 unaligned variant). */
export class BitWriter {
  // Large enough for most CSAE 53 messages (a BSM is about 120 octets), so growing is rare.
  private bytes = new Uint8Array(512);
  private bitLength = 0;

  /** Bits written so far. */
  get bitOffset(): number {
    return this.bitLength;
  }

  /** Writes `value` (an integer in 0..2^width-1, width at most 53) as a `width`-bit field. */
  writeBits(value: number, width: number): void {
    // Fields wider than 24 bits go in two parts so that the shifts below stay within 32 bits.
    if (width > 24) {
      if (!(width <= 53 && Number.isInteger(value) && value >= 0 && value < 2 ** width)) throw this.doesNotFit(value, width);
      const low = value % FIELD_PART;
      this.writeBits((value - low) / FIELD_PART, width - 24);
      this.writeBits(low, 24);
      return;
    }
    if (!(width >= 0 && (value | 0) === value && value >= 0 && value < 1 << width)) throw this.doesNotFit(value, width);
    if (((this.bitLength + width) >>> 3) >= this.bytes.length) this.grow();
    let remaining = width;
    while (remaining > 0) {
      const free = 8 - (this.bitLength & 7);
      const take = remaining < free ? remaining : free;
      remaining -= take;
      const chunk = (value >>> remaining) & ((1 << take) - 1);
      const at = this.bitLength >>> 3;
      this.bytes[at] = (this.bytes[at] ?? 0) | (chunk << (free - take));
      this.bitLength += take;
    }
  }

  writeBit(bit: boolean): void {
    this.writeBits(bit ? 1 : 0, 1);
  }

  writeOctets(octets: Uint8Array): void {
    for (const octet of octets) this.writeBits(octet, 8);
  }

  /** The encoding padded with zero bits to whole octets; an empty encoding is one zero octet (X.691 11.1.3). */
  finish(): Uint8Array {
    const length = Math.max(1, Math.ceil(this.bitLength / 8));
    return this.bytes.slice(0, length);
  }

  private doesNotFit(value: number, width: number): UperError {
    return uperError("ValueOutOfRangeError", `${value} does not fit in ${width} bits`, this.bitLength);
  }

  /** Doubles the buffer; one call always makes room for a 24-bit field. */
  private grow(): void {
    const grown = new Uint8Array(this.bytes.length * 2);
    grown.set(this.bytes);
    this.bytes = grown;
  }
}
