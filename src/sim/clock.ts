/** Cancels a scheduled callback; calling it after the callback ran, or twice, does nothing. */
export type Cancel = () => void;

/**
 * Where simulated components get the time. Real runs use RealClock; tests and fast offline runs use
 * VirtualClock, which only moves when told to.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Runs `callback` once when the clock reaches `at` (ms since the epoch); a past time runs as soon as possible. */
  schedule(at: number, callback: () => void): Cancel;
}

// setTimeout's delay is a signed 32-bit number of milliseconds.
const MAX_TIMEOUT = 2 ** 31 - 1;

/**
 * Wall-clock time from the process's high-resolution monotonic timer anchored at its start time,
 * so it never jumps back when the system clock is adjusted during a run.
 */
export class RealClock implements Clock {
  now(): number {
    return performance.timeOrigin + performance.now();
  }

  schedule(at: number, callback: () => void): Cancel {
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      const delay = at - this.now();
      if (delay > MAX_TIMEOUT) timer = setTimeout(arm, MAX_TIMEOUT);
      else timer = setTimeout(callback, Math.max(0, delay));
    };
    arm();
    return () => clearTimeout(timer);
  }
}

interface Scheduled {
  readonly at: number;
  /** Insertion order: events due at the same time run in the order they were scheduled. */
  readonly seq: number;
  readonly callback: () => void;
  cancelled: boolean;
}

const earlier = (a: Scheduled, b: Scheduled): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/** Simulated time: starts at `start` and advances only through advance() and runUntil(). */
export class VirtualClock implements Clock {
  private time: number;
  private seq = 0;
  // A binary min-heap ordered by (at, seq).
  private readonly heap: Scheduled[] = [];

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  schedule(at: number, callback: () => void): Cancel {
    const event: Scheduled = { at: Math.max(at, this.time), seq: this.seq++, callback, cancelled: false };
    this.push(event);
    return () => {
      event.cancelled = true;
    };
  }

  /** Number of scheduled callbacks not yet run or cancelled. */
  get pending(): number {
    return this.heap.filter((e) => !e.cancelled).length;
  }

  /** Moves time forward by `ms`, running every callback that falls due on the way. */
  advance(ms: number): void {
    this.runUntil(this.time + ms);
  }

  /**
   * Runs every callback due at or before `at`, in time order (same-time callbacks in the order they
   * were scheduled, including ones scheduled by callbacks), with now() at each one's time; then
   * leaves the clock at `at`.
   */
  runUntil(at: number): void {
    if (at < this.time) throw new RangeError(`VirtualClock.runUntil: cannot go back from ${this.time} to ${at}`);
    for (let next = this.heap[0]; next !== undefined && next.at <= at; next = this.heap[0]) {
      this.pop();
      if (next.cancelled) continue;
      this.time = next.at;
      next.callback();
    }
    this.time = at;
  }

  private push(event: Scheduled): void {
    const heap = this.heap;
    heap.push(event);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as Scheduled;
      if (!earlier(event, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = event;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && earlier(heap[right] as Scheduled, heap[left] as Scheduled) ? right : left;
      const c = heap[child] as Scheduled;
      if (!earlier(c, last)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
  }
}

/**
 * Runs `callback` at `start`, `start + period`, `start + 2·period`, … on `clock`. Each time is
 * computed from `start`, so lateness never accumulates into drift. The callback receives the
 * scheduled time.
 */
export function every(clock: Clock, start: number, period: number, callback: (at: number) => void): Cancel {
  if (!(period > 0)) throw new RangeError(`every: expected a period > 0 ms, got ${period}`);
  let cancel: Cancel = () => undefined;
  let stopped = false;
  const run = (n: number): void => {
    const at = start + n * period;
    cancel = clock.schedule(at, () => {
      if (stopped) return;
      callback(at);
      if (!stopped) run(n + 1);
    });
  };
  run(0);
  return () => {
    stopped = true;
    cancel();
  };
}
