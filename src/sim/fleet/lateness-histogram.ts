/** Below 1 ms: 100 buckets of 10 µs. */
const FINE_BUCKETS = 100;
/** Each range [2^k, 2^(k+1)) ms from 1 ms up is split into this many equal buckets (relative error ≤ 1/64). */
const SUB_BUCKETS = 64;
/** Ranges 1 ms … 2^25 ms (about 9 h); anything longer lands in the last bucket (max stays exact). */
const RANGES = 25;
const BUCKETS = FINE_BUCKETS + RANGES * SUB_BUCKETS;

/** Percentiles of a lateness histogram, ms; null when nothing was recorded. */
export interface LatenessStats {
  readonly count: number;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p99: number | null;
  readonly p999: number | null;
  readonly max: number | null;
  readonly mean: number | null;
}

/**
 * Send lateness in milliseconds, in fixed log-linear buckets: memory stays constant however many
 * sends are recorded, and a percentile is exact to 10 µs below 1 ms and within 1/64 above.
 * Percentiles report the upper edge of their bucket (never below the true value), capped at the
 * largest value seen.
 */
export class LatenessHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  private total = 0;
  private sum = 0;
  private largest = 0;

  get count(): number {
    return this.total;
  }

  /** Records one lateness; negative values (a clock read just before the due time) count as 0. */
  record(ms: number): void {
    const value = ms > 0 ? ms : 0;
    this.counts[bucketOf(value)]! += 1;
    this.total += 1;
    this.sum += value;
    if (value > this.largest) this.largest = value;
  }

  /** Adds every value recorded in `other`. */
  merge(other: LatenessHistogram): void {
    for (let i = 0; i < BUCKETS; i++) this.counts[i]! += other.counts[i]!;
    this.total += other.total;
    this.sum += other.sum;
    if (other.largest > this.largest) this.largest = other.largest;
  }

  reset(): void {
    this.counts.fill(0);
    this.total = 0;
    this.sum = 0;
    this.largest = 0;
  }

  /** The value below or at which a fraction `p` (0..1) of the recorded values lie; null when empty. */
  percentile(p: number): number | null {
    if (this.total === 0) return null;
    const rank = Math.max(1, Math.ceil(p * this.total));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      // The last bucket has no upper edge: it holds everything beyond the ranges.
      if (seen >= rank) return i === BUCKETS - 1 ? this.largest : Math.min(upperEdge(i), this.largest);
    }
    return this.largest;
  }

  /** The usual percentiles, rounded to the µs. */
  stats(): LatenessStats {
    const empty = this.total === 0;
    return {
      count: this.total,
      p50: toMicroseconds(this.percentile(0.5)),
      p90: toMicroseconds(this.percentile(0.9)),
      p99: toMicroseconds(this.percentile(0.99)),
      p999: toMicroseconds(this.percentile(0.999)),
      max: toMicroseconds(empty ? null : this.largest),
      mean: toMicroseconds(empty ? null : this.sum / this.total),
    };
  }
}

const toMicroseconds = (ms: number | null): number | null => (ms === null ? null : Math.round(ms * 1000) / 1000);

function bucketOf(ms: number): number {
  if (ms < 1) return Math.floor(ms * 100);
  const range = Math.min(RANGES - 1, Math.floor(Math.log2(ms)));
  const sub = Math.min(SUB_BUCKETS - 1, Math.floor((ms / 2 ** range - 1) * SUB_BUCKETS));
  return FINE_BUCKETS + range * SUB_BUCKETS + sub;
}

function upperEdge(bucket: number): number {
  if (bucket < FINE_BUCKETS) return (bucket + 1) / 100;
  const range = Math.floor((bucket - FINE_BUCKETS) / SUB_BUCKETS);
  const sub = (bucket - FINE_BUCKETS) % SUB_BUCKETS;
  return 2 ** range * (1 + (sub + 1) / SUB_BUCKETS);
}
