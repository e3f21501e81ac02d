/** A token bucket: `rate` tokens per second, holding at most `capacity`. Starts full. */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;
  readonly rate: number;
  readonly capacity: number;
  private readonly now: () => number;

  /** `now` is in milliseconds (monotonic); tests pass a fake one. */
  constructor(rate: number, capacity: number, now: () => number = () => performance.now()) {
    this.rate = rate;
    this.capacity = capacity;
    this.now = now;
    this.tokens = capacity;
    this.refilledAt = now();
  }

  /** Takes one token if there is one. */
  tryTake(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until a token is available (0 if one is). */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) * 1000) / this.rate;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.refilledAt) * this.rate) / 1000);
    this.refilledAt = now;
  }
}
