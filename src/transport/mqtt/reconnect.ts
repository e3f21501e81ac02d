import type { ReconnectOptions } from "./options.ts";

/** The delay before attempt `attempt` (1, 2, …), before jitter: initial × factor^(attempt−1), capped at max. */
export function backoffDelay(options: ReconnectOptions, attempt: number): number {
  return Math.min(options.maxDelayMs, options.initialDelayMs * options.factor ** (attempt - 1));
}

/**
 * Reconnect timing in three steps (the shape of MQTT.js's): `schedule` arms one timer unless one
 * is armed or reconnecting is disabled, the timer `fire`s the attempt, `clear` disarms it.
 * `succeeded` starts the backoff over.
 */
export class ReconnectSchedule {
  private timer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private readonly options: ReconnectOptions;
  private readonly fire: (attempt: number) => void;
  private readonly random: () => number;

  constructor(options: ReconnectOptions, fire: (attempt: number) => void, random: () => number = Math.random) {
    this.options = options;
    this.fire = fire;
    this.random = random;
  }

  get enabled(): boolean {
    return this.options.initialDelayMs > 0;
  }

  /** Arms the next attempt; returns its delay, or undefined when disabled or already armed. */
  schedule(): number | undefined {
    if (!this.enabled || this.timer !== undefined) return undefined;
    this.attempt += 1;
    const base = backoffDelay(this.options, this.attempt);
    const delay = Math.round(base * (1 - this.options.jitter * this.random()));
    const attempt = this.attempt;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.fire(attempt);
    }, delay);
    return delay;
  }

  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  succeeded(): void {
    this.clear();
    this.attempt = 0;
  }
}
