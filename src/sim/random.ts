/**
 * A seeded pseudo-random generator (xoshiro128**, Blackman & Vigna 2018): fast, 2^128 period,
 * and identical on every platform because it uses only 32-bit integer arithmetic.
 *
 * `fork(label)` gives an independent stream that depends only on this stream's seed path and the
 * label, never on how many numbers were drawn before, so each vehicle or RSU gets the same stream
 * whatever else the scenario contains.
 */
export class Random {
  /** The seed and fork labels that define this stream, e.g. "42/vehicle:car-7/bsm". */
  readonly path: string;
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number | string) {
    this.path = String(seed);
    const words = seedWords(this.path);
    [this.s0, this.s1, this.s2, this.s3] = words;
  }

  /** An independent, reproducible stream for one entity. */
  fork(label: string): Random {
    return new Random(`${this.path}/${label}`);
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A float in [0, 1) with 53 random bits. */
  float(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** A float in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  /** An integer in [min, max], both inclusive, without modulo bias. */
  integer(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min || max - min >= 2 ** 32) {
      throw new RangeError(`Random.integer: expected integers min <= max within 2^32, got ${min}..${max}`);
    }
    const range = max - min + 1;
    const limit = 2 ** 32 - (2 ** 32 % range);
    for (;;) {
      const value = this.nextUint32();
      if (value < limit) return min + (value % range);
    }
  }

  /** A normally distributed float (Box-Muller). */
  normal(mean = 0, standardDeviation = 1): number {
    const u = 1 - this.float();
    const v = this.float();
    return mean + standardDeviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** One item chosen uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("Random.pick: expected a non-empty list");
    return items[this.integer(0, items.length - 1)] as T;
  }

  /** `length` random bytes. */
  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.nextUint32() >>> 24;
    return out;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** 128 bits of state from a string: FNV-1a folds the text, splitmix32 spreads it over four words. */
function seedWords(text: string): [number, number, number, number] {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  let state = hash >>> 0;
  const next = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  // splitmix32 never yields four zero words in a row, so the xoshiro state is never all zero.
  return [next(), next(), next(), next()];
}
