import type { TokenBucket } from "./token-bucket.ts";

export type Admission = "now" | "delayed" | "refused";

export interface ThrottleLimits {
  /** Most items admitted and not yet `finished`. */
  readonly maxInFlight: number;
  /** Most items waiting for admission; past it, `admit` refuses. */
  readonly maxBacklog: number;
}

interface Waiting {
  readonly owner: object;
  readonly go: () => void;
}

/**
 * Admits work in arrival order while the token bucket has a token and fewer than maxInFlight
 * admitted items are unfinished. What cannot go now waits in a bounded backlog, released by a
 * timer as tokens refill or as items finish; past the bound, work is refused. Work belongs to an
 * owner; `abandon(owner)` drops the owner's waiting work.
 *
 * The embedded broker admits each inbound PUBLISH through one of these (the owner is the client's
 * connection) and calls `finished` once aedes has delivered it to every subscriber. While a
 * publish waits, aedes reads nothing more from that client's socket, so TCP backpressure slows
 * the publisher down; and aedes' own delivery queue (mqemitter) never fills, which is where it
 * otherwise overflows the stack.
 */
export class PublishThrottle {
  private readonly bucket: TokenBucket;
  private readonly limits: ThrottleLimits;
  private queue: Waiting[] = [];
  private head = 0;
  private readonly waitingByOwner = new Map<object, number>();
  private readonly abandoned = new WeakSet<object>();
  private waitingCount = 0;
  private inFlightCount = 0;
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;

  constructor(bucket: TokenBucket, limits: ThrottleLimits) {
    this.bucket = bucket;
    this.limits = limits;
  }

  get backlog(): number {
    return this.waitingCount;
  }

  get inFlight(): number {
    return this.inFlightCount;
  }

  /** Runs `go` now if nothing waits and the limits allow, later if the backlog has room; else returns "refused" without running it. */
  admit(owner: object, go: () => void): Admission {
    if (this.waitingCount === 0 && this.inFlightCount < this.limits.maxInFlight && this.bucket.tryTake()) {
      this.start(go);
      return "now";
    }
    if (this.waitingCount >= this.limits.maxBacklog) return "refused";
    this.queue.push({ owner, go });
    this.waitingByOwner.set(owner, (this.waitingByOwner.get(owner) ?? 0) + 1);
    this.waitingCount += 1;
    this.armTimer();
    return "delayed";
  }

  /** Forgets the owner's waiting work: it is never run and no longer counts against maxBacklog. */
  abandon(owner: object): void {
    this.abandoned.add(owner);
    this.waitingCount -= this.waitingByOwner.get(owner) ?? 0;
    this.waitingByOwner.delete(owner);
  }

  /** One admitted item is done. Waiting items are released on the next turn of the event loop, never from inside this call. */
  finished(): void {
    this.inFlightCount -= 1;
    if (this.waitingCount > 0 && this.immediate === undefined) {
      this.immediate = setImmediate(() => {
        this.immediate = undefined;
        this.release();
      });
    }
  }

  /** Stops the timers and forgets the backlog (on broker shutdown). */
  stop(): void {
    clearTimeout(this.timer);
    clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
    this.queue = [];
    this.head = 0;
    this.waitingByOwner.clear();
    this.waitingCount = 0;
  }

  private start(go: () => void): void {
    this.inFlightCount += 1;
    go();
  }

  private armTimer(): void {
    if (this.timer === undefined && this.inFlightCount < this.limits.maxInFlight) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.release();
      }, Math.max(1, this.bucket.waitMs()));
    }
  }

  private release(): void {
    while (this.head < this.queue.length && this.inFlightCount < this.limits.maxInFlight) {
      const next = this.queue[this.head] as Waiting;
      if (this.abandoned.has(next.owner)) {
        this.head += 1;
        continue;
      }
      if (!this.bucket.tryTake()) break;
      this.head += 1;
      this.unwait(next.owner);
      this.start(next.go);
    }
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
      return;
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    // Waiting for tokens: the timer. Waiting for deliveries to finish: `finished` releases.
    this.armTimer();
  }

  private unwait(owner: object): void {
    const left = (this.waitingByOwner.get(owner) ?? 1) - 1;
    if (left === 0) this.waitingByOwner.delete(owner);
    else this.waitingByOwner.set(owner, left);
    this.waitingCount -= 1;
  }
}
