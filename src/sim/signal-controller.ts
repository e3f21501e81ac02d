import { LightState } from "../schema/gen/v2xh/csae53/v1/index.ts";
import type { NodeRef } from "./road-network.ts";
import { SpecError } from "./spec-error.ts";

/** One phase of a fixed-time plan. Phases run one after another in the order listed. */
export interface PhaseTimingSpec {
  /** PhaseID 1..254, as used by the MAP's movements and connections. */
  readonly id: number;
  /** Green time, s (> 0). */
  readonly green: number;
  /** Yellow (amber) time after the green, s (> 0: a green never turns straight to red). */
  readonly yellow: number;
  /** All-red clearance after the yellow, before the next phase's green, s (>= 0). */
  readonly allRed: number;
  /** "protected" (no conflicting traffic, the default) or "permissive" (yield to conflicting traffic). */
  readonly greenKind?: "protected" | "permissive";
}

/** A fixed-time signal plan for one intersection. The cycle length is the sum of all phase intervals. */
export interface SignalPlanSpec {
  /** The intersection (MAP node) the plan controls. */
  readonly node: NodeRef;
  /**
   * Where the cycle starts, s: the first phase's green begins at Unix time `offset` and every
   * cycle length after it. Plans of neighbouring intersections use offsets to coordinate.
   */
  readonly offset: number;
  readonly phases: readonly PhaseTimingSpec[];
}

/** One light state of a phase over an interval, relative to some time t: `start` and `end` are ms from t. */
export interface LightInterval {
  readonly light: LightState;
  /** ms from t until the state starts; 0 when it is active at t. */
  readonly start: number;
  /** ms from t until the state ends. */
  readonly end: number;
  /** Full length of the state, ms. */
  readonly duration: number;
}

interface PhaseWindow {
  readonly id: number;
  readonly greenLight: LightState;
  /** ms from the cycle start. */
  readonly greenStart: number;
  readonly yellowStart: number;
  readonly redStart: number;
}

/**
 * A fixed-time controller: every phase's light is a pure function of time, so any number of
 * controllers built from the same plan (the world's, the RSU's, a test's) agree exactly.
 */
export class SignalController {
  readonly plan: SignalPlanSpec;
  /** Cycle length, ms. */
  readonly cycle: number;
  private readonly windows: ReadonlyMap<number, PhaseWindow>;

  constructor(plan: SignalPlanSpec) {
    this.plan = plan;
    if (plan.phases.length < 1 || plan.phases.length > 16) throw new SpecError("signal plan phases", "1 to 16 phases", String(plan.phases.length));
    const windows = new Map<number, PhaseWindow>();
    let t = 0;
    plan.phases.forEach((phase, i) => {
      const where = `signal plan phases[${i}]`;
      if (!Number.isInteger(phase.id) || phase.id < 1 || phase.id > 254 || windows.has(phase.id)) {
        throw new SpecError(`${where}.id`, "a phase id 1..254, unique in the plan", String(phase.id));
      }
      if (!(phase.green > 0)) throw new SpecError(`${where}.green`, "a green time > 0 s", String(phase.green));
      if (!(phase.yellow > 0)) throw new SpecError(`${where}.yellow`, "a yellow time > 0 s", String(phase.yellow));
      if (!(phase.allRed >= 0)) throw new SpecError(`${where}.allRed`, "an all-red time >= 0 s", String(phase.allRed));
      const greenStart = t;
      const yellowStart = greenStart + Math.round(phase.green * 1000);
      const redStart = yellowStart + Math.round(phase.yellow * 1000);
      t = redStart + Math.round(phase.allRed * 1000);
      const greenLight = phase.greenKind === "permissive" ? LightState.PERMISSIVE_GREEN : LightState.PROTECTED_GREEN;
      windows.set(phase.id, { id: phase.id, greenLight, greenStart, yellowStart, redStart });
    });
    this.cycle = t;
    this.windows = windows;
  }

  get phaseIds(): number[] {
    return [...this.windows.keys()];
  }

  /** The light of a phase at `epochMs`. */
  light(phaseId: number, epochMs: number): LightState {
    return this.schedule(phaseId, epochMs, 1)[0]?.light ?? LightState.UNAVAILABLE;
  }

  /**
   * The current light state of a phase and the `count - 1` states after it, with their times
   * relative to `epochMs`. The sequence is always green → yellow → red → green.
   */
  schedule(phaseId: number, epochMs: number, count: number): LightInterval[] {
    const w = this.windows.get(phaseId);
    if (w === undefined) throw new SpecError("phase", `one of ${this.phaseIds.join(", ")}`, String(phaseId));
    const states = [
      { light: w.greenLight, start: w.greenStart, duration: w.yellowStart - w.greenStart },
      { light: LightState.YELLOW, start: w.yellowStart, duration: w.redStart - w.yellowStart },
      { light: LightState.RED, start: w.redStart, duration: this.cycle - (w.redStart - w.greenStart) },
    ];
    const inCycle = this.positionInCycle(epochMs);
    const since = (s: { start: number }): number => (((inCycle - s.start) % this.cycle) + this.cycle) % this.cycle;
    // The three states tile the cycle, so exactly one is active.
    const index = states.findIndex((s) => since(s) < s.duration);
    const active = states[index] as (typeof states)[number];
    const out: LightInterval[] = [];
    let start = -since(active);
    for (let k = 0; k < count; k++) {
      const s = states[(index + k) % states.length] as (typeof states)[number];
      out.push({ light: s.light, start: Math.max(0, start), end: start + s.duration, duration: s.duration });
      start += s.duration;
    }
    return out;
  }

  /** ms since the start of the current cycle. */
  positionInCycle(epochMs: number): number {
    const sinceOffset = epochMs - Math.round(this.plan.offset * 1000);
    return ((sinceOffset % this.cycle) + this.cycle) % this.cycle;
  }
}
