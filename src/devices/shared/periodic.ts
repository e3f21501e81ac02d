import { every, type Cancel, type Clock } from "../../sim/index.ts";

/** Runs a callback every period on a clock, from now; the period can change and the task can stop. */
export class Periodic {
  private readonly clock: Clock;
  private readonly run: (at: number) => void;
  private cancel: Cancel;
  private periodMs: number;
  private running = true;

  constructor(clock: Clock, periodMs: number, run: (at: number) => void, firstAt = clock.now()) {
    this.clock = clock;
    this.run = run;
    this.periodMs = periodMs;
    this.cancel = every(clock, firstAt, periodMs, run);
  }

  /** Runs at the new period from one new period after now; restarts a stopped task. */
  setPeriod(periodMs: number): void {
    if (periodMs === this.periodMs && this.running) return;
    this.cancel();
    this.periodMs = periodMs;
    this.running = true;
    this.cancel = every(this.clock, this.clock.now() + periodMs, periodMs, this.run);
  }

  stop(): void {
    this.running = false;
    this.cancel();
  }
}
