import { describe, expect, it } from "vitest";
import { checkSpatAgainstMap, formatViolation, loadRegistry, validateRules } from "../../../src/schema/index.ts";
import { LightState, type TimeCountingDown } from "../../../src/schema/gen/v2xh/csae53/v1/index.ts";
import { buildMapData } from "../../../src/sim/map-message.ts";
import { RoadNetwork } from "../../../src/sim/road-network.ts";
import { SignalController } from "../../../src/sim/signal-controller.ts";
import { buildSpat } from "../../../src/sim/spat-message.ts";
import { SpecError } from "../../../src/sim/spec-error.ts";
import { NETWORK, SIGNAL_PLAN, START } from "../../fixtures/sim/yizhuang.ts";

const registry = loadRegistry();
const controller = new SignalController(SIGNAL_PLAN);
const { GREEN, YELLOW, RED } = { GREEN: LightState.PROTECTED_GREEN, YELLOW: LightState.YELLOW, RED: LightState.RED };
// START is a whole number of 100 s cycles after the epoch, so it is the start of a cycle.
const at = (seconds: number): number => START + seconds * 1000;

describe("SignalController", () => {
  it("runs the phases one after another over a 100 s cycle", () => {
    expect(controller.cycle).toBe(100_000);
    expect([0, 24.9, 25, 27.9, 28, 29.9, 30, 99.9].map((s) => controller.light(1, at(s)))).toEqual([GREEN, GREEN, YELLOW, YELLOW, RED, RED, RED, RED]);
    expect([29.9, 30, 44.9, 45, 48, 100].map((s) => controller.light(2, at(s)))).toEqual([RED, GREEN, GREEN, YELLOW, RED, RED]);
    expect(controller.light(3, at(50))).toBe(GREEN);
    expect(controller.light(4, at(80))).toBe(GREEN);
  });

  it("only ever changes green → yellow → red → green, never shows two greens at once, and has an all-red gap", () => {
    const legal = new Set([`${GREEN}>${YELLOW}`, `${YELLOW}>${RED}`, `${RED}>${GREEN}`]);
    const previous = new Map<number, LightState>();
    let allRed = 0;
    for (let t = 0; t < 250_000; t += 100) {
      const lights = controller.phaseIds.map((id) => controller.light(id, START + 12_345 + t));
      expect(lights.filter((l) => l === GREEN).length).toBeLessThanOrEqual(1);
      if (lights.every((l) => l === RED)) allRed++;
      controller.phaseIds.forEach((id, i) => {
        const before = previous.get(id);
        const now = lights[i] as LightState;
        if (before !== undefined && before !== now) expect(legal.has(`${before}>${now}`)).toBe(true);
        previous.set(id, now);
      });
    }
    // 2 s of all-red after each of the four phases: 8 % of the time.
    expect(allRed).toBe(200);
  });

  it("tells each state's remaining time and the states after it", () => {
    expect(controller.schedule(1, at(10), 3)).toEqual([
      { light: GREEN, start: 0, end: 15_000, duration: 25_000 },
      { light: YELLOW, start: 15_000, end: 18_000, duration: 3_000 },
      { light: RED, start: 18_000, end: 90_000, duration: 72_000 },
    ]);
    expect(controller.schedule(2, at(10), 2)).toEqual([
      { light: RED, start: 0, end: 20_000, duration: 82_000 },
      { light: GREEN, start: 20_000, end: 35_000, duration: 15_000 },
    ]);
  });

  it("shifts the cycle by the plan offset", () => {
    const shifted = new SignalController({ ...SIGNAL_PLAN, offset: 7 });
    expect(shifted.light(1, at(6.9))).toBe(RED);
    expect(shifted.light(1, at(7))).toBe(GREEN);
  });

  it("rejects a phase without yellow, a repeated phase id and an empty plan", () => {
    expect(() => new SignalController({ ...SIGNAL_PLAN, phases: [{ id: 1, green: 20, yellow: 0, allRed: 2 }] })).toThrow(/yellow: expected a yellow time > 0 s/);
    expect(() => new SignalController({ ...SIGNAL_PLAN, phases: [{ id: 1, green: 20, yellow: 3, allRed: 2 }, { id: 1, green: 20, yellow: 3, allRed: 2 }] })).toThrow(SpecError);
    expect(() => new SignalController({ ...SIGNAL_PLAN, phases: [] })).toThrow(SpecError);
  });
});

describe("buildSpat", () => {
  const map = buildMapData(new RoadNetwork(NETWORK), 0, START);
  const counting = (spatTime: number, phase: number, state = 0): TimeCountingDown => {
    const spat = buildSpat([controller], 0, spatTime);
    const timing = spat.intersections[0]?.phases.find((p) => p.id === phase)?.phaseStates[state]?.timing;
    if (timing?.counting === undefined) throw new Error("expected counting timing");
    return timing.counting;
  };

  it("passes the rule validator and matches the MAP at every 100 ms of a cycle", () => {
    for (let t = 0; t < 100_000; t += 100) {
      const spat = buildSpat([controller], (t / 100) % 128, START + t);
      const violations = validateRules(registry, "v2xh.csae53.v1.MessageFrame", { spatFrame: spat });
      if (violations.length > 0) expect(violations.map(formatViolation)).toEqual([]);
      expect(checkSpatAgainstMap(spat, [map])).toEqual([]);
    }
  });

  it("identifies the MAP node, flags fixed-time operation and carries the clock's time", () => {
    const t = at(12.345);
    const spat = buildSpat([controller], 9, t);
    const state = spat.intersections[0];
    expect(state?.intersectionId).toEqual({ region: 110, id: 1001 });
    expect(state?.status).toBe(1 << 5);
    expect(spat.timeStamp).toBe(12_345);
    expect(state?.timeStamp).toBe(12_345);
    expect(state?.moy).toBe(spat.moy);
    expect(state?.phases.map((p) => p.id)).toEqual([1, 2, 3, 4]);
    expect(state?.phases[0]?.phaseStates.map((s) => s.light)).toEqual([GREEN, YELLOW, RED]);
  });

  it("counts down by exactly the elapsed time, with min = likely = max under fixed time", () => {
    const first = counting(at(3), 1);
    for (const elapsed of [0.1, 1, 5.5, 21.9]) {
      const later = counting(at(3 + elapsed), 1);
      expect(first.likelyEndTime - later.likelyEndTime).toBe(Math.round(elapsed * 10));
      expect(later.startTime).toBe(0);
      expect(later.minEndTime).toBe(later.likelyEndTime);
      expect(later.maxEndTime).toBe(later.likelyEndTime);
    }
    expect(first.likelyEndTime).toBe(220);
  });

  it("times the coming states from now and says when the active one returns", () => {
    expect(counting(at(3), 1, 0)).toMatchObject({ startTime: 0, likelyEndTime: 220, nextStartTime: 220 + 750, nextDuration: 250 });
    expect(counting(at(3), 1, 1)).toMatchObject({ startTime: 220, likelyEndTime: 250 });
    expect(counting(at(3), 1, 2)).toMatchObject({ startTime: 250, likelyEndTime: 970 });
    expect(counting(at(3), 2, 0)).toMatchObject({ startTime: 0, likelyEndTime: 270, nextDuration: 820 });
  });
});
