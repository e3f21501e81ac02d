/** The golden ratio's fractional part: its multiples mod 1 are the most evenly spread sequence there is. */
const GOLDEN_FRACTION = (Math.sqrt(5) - 1) / 2;

/**
 * Where in each period the sender at `index` (its position in the whole, unsharded scenario)
 * sends, in whole ms within [0, period). Consecutive indexes fall far apart (a Weyl sequence), so
 * any run of senders — one vehicle group, or every n-th vehicle of a shard — is spread evenly over
 * the period instead of bunching, and a sender's phase never depends on the shard that runs it.
 */
export function phaseOffset(index: number, period: number): number {
  const fraction = (index * GOLDEN_FRACTION) % 1;
  return Math.min(Math.floor(fraction * period), Math.ceil(period) - 1);
}
