/**
 * The send times of a group of members that all repeat with the same period, each at its own
 * phase: member m is due at start + phase[m] + round(k · period) for k = 0, 1, … while that is
 * before `end`. Members come out in due-time order (equal times in member order), one at a time,
 * without allocating, however many there are.
 */
export class PeriodicSchedule {
  readonly period: number;
  private readonly start: number;
  private readonly end: number;
  private readonly phases: readonly number[];
  /** Member indexes sorted by phase, then index. */
  private readonly order: Int32Array;
  private cursor = 0;
  private cycle = 0;
  private due: number;

  /** `phases[m]` is member m's offset within the period, ms (0 <= phase < period). */
  constructor(options: { readonly start: number; readonly end: number; readonly period: number; readonly phases: readonly number[] }) {
    const { start, end, period, phases } = options;
    if (!(period > 0)) throw new RangeError(`PeriodicSchedule: expected a period > 0 ms, got ${period}`);
    const bad = phases.findIndex((p) => !(p >= 0 && p < period));
    if (bad >= 0) throw new RangeError(`PeriodicSchedule: member ${bad} has phase ${phases[bad]}, expected 0 <= phase < ${period}`);
    this.start = start;
    this.end = end;
    this.period = period;
    this.phases = phases;
    this.order = Int32Array.from(phases.keys()).sort((a, b) => phases[a]! - phases[b]! || a - b);
    this.due = this.dueAt(0, 0);
  }

  /** When the next member is due, ms; Infinity once the schedule has run out. */
  get nextDue(): number {
    return this.due;
  }

  /** The member due at nextDue. */
  get nextMember(): number {
    return this.order[this.cursor]!;
  }

  /** Moves past the member at nextDue. */
  advance(): void {
    this.cursor += 1;
    if (this.cursor === this.order.length) {
      this.cursor = 0;
      this.cycle += 1;
    }
    this.due = this.dueAt(this.cursor, this.cycle);
  }

  private dueAt(cursor: number, cycle: number): number {
    if (this.order.length === 0) return Infinity;
    const due = this.start + this.phases[this.order[cursor]!]! + Math.round(cycle * this.period);
    return due < this.end ? due : Infinity;
  }
}
