import { describe, expect, it } from "vitest";
import { PHASE_OUTSIDE_MAP, REFERENCE_RSU, type RsuBehaviour } from "../../../../src/devices/rsu/behaviour.ts";
import { msgCntAsSent, rsmsAsSent, spatAsShown } from "../../../../src/devices/rsu/frames.ts";
import { testScenario } from "../../../../src/devices/shared/test-network.ts";
import { LightState, type MessageFrame, type ParticipantData, type SPAT } from "../../../../src/schema/gen/v2xh/csae53/v1/index.ts";
import { checkSpatAgainstMap, loadRegistry, validateRules } from "../../../../src/schema/index.ts";
import { buildMapData, buildSpat, RoadNetwork, SignalController } from "../../../../src/sim/index.ts";

const registry = loadRegistry();
const scenario = testScenario();
const plan = scenario.signalPlans[0];
if (plan === undefined) throw new Error("the test scenario has no signal plan");
const controller = new SignalController(plan);
const START = Date.UTC(2025, 5, 2, 8);

/** The SPAT every 100 ms through one whole cycle, as the behaviour shows it. */
function cycle(behaviour: RsuBehaviour): SPAT[] {
  return Array.from({ length: controller.cycle / 100 }, (_, i) => spatAsShown(buildSpat([controller], i % 128, START + i * 100), behaviour));
}

/** Per phase, the active light and likely end of each SPAT. */
function active(spats: readonly SPAT[], phaseId: number): { light: number; end: number }[] {
  return spats.map((spat) => {
    const state = spat.intersections[0]?.phases.find((p) => p.id === phaseId)?.phaseStates[0];
    return { light: state?.light ?? -1, end: state?.timing?.counting?.likelyEndTime ?? -1 };
  });
}

describe("spatAsShown", () => {
  it("reference: the simulator's SPAT unchanged", () => {
    const spat = buildSpat([controller], 5, START);
    expect(spatAsShown(spat, REFERENCE_RSU)).toEqual(spat);
  });

  it("yellow shown as red: no yellow anywhere, green followed by red, and a countdown that still falls by 0.1 s per 100 ms", () => {
    const spats = cycle({ ...REFERENCE_RSU, yellowShownAsRed: true });
    for (const spat of spats) expect(validateRules(registry, "v2xh.csae53.v1.SPAT", spat)).toEqual([]);
    const lights = spats.flatMap((s) => s.intersections.flatMap((i) => i.phases.flatMap((p) => p.phaseStates.map((st) => st.light))));
    expect(lights).not.toContain(LightState.YELLOW);
    for (const phaseId of controller.phaseIds) {
      const states = active(spats, phaseId);
      states.slice(1).forEach((state, i) => {
        const previous = states[i];
        if (previous !== undefined && state.light === previous.light) expect(previous.end - state.end, `phase ${phaseId} at ${i}`).toBe(1);
      });
      expect(states.some((s, i) => i > 0 && s.light === LightState.RED && states[i - 1]?.light === LightState.PROTECTED_GREEN)).toBe(true);
    }
  });

  it("frozen countdown: the active state's end stays put while its light lasts", () => {
    const states = active(cycle({ ...REFERENCE_RSU, countdownFrozen: true }), 1);
    expect(states.slice(1).every((s, i) => s.light !== states[i]?.light || s.end === states[i]?.end)).toBe(true);
  });

  it("min end after likely: every counting state's minEndTime is later than its likelyEndTime", () => {
    const spat = spatAsShown(buildSpat([controller], 0, START), { ...REFERENCE_RSU, minEndAfterLikely: true });
    const countings = spat.intersections.flatMap((i) => i.phases.flatMap((p) => p.phaseStates.map((st) => st.timing?.counting)));
    expect(countings.every((c) => c !== undefined && (c.minEndTime ?? 0) > c.likelyEndTime)).toBe(true);
  });

  it("a phase outside the MAP: the SPAT names phase 99, which the MAP does not know", () => {
    const map = buildMapData(new RoadNetwork(scenario.network), 0, START, [plan.node]);
    const reference = buildSpat([controller], 0, START);
    expect(checkSpatAgainstMap(reference, [map])).toEqual([]);
    const shown = spatAsShown(reference, { ...REFERENCE_RSU, phaseOutsideMap: true });
    expect(checkSpatAgainstMap(shown, [map]).map((v) => [v.rule, v.value])).toEqual([["spat-phase-in-map", PHASE_OUTSIDE_MAP]]);
  });
});

describe("rsmsAsSent", () => {
  const rsm = (ids: number[]): MessageFrame => ({ rsmFrame: { msgCnt: 0, id: new Uint8Array(8), refPos: { lat: 0, lon: 0 }, participants: ids.map((ptcId) => ({ ptcId }) as ParticipantData) } });
  const ids = (frames: readonly MessageFrame[]): number[][] => frames.map((f) => f.rsmFrame?.participants.map((p) => p.ptcId) ?? []);

  it("keeps the simulator's ptcIds for the reference and restarts them per message for the fault", () => {
    const frames = [rsm([3, 4, 9]), rsm([11, 12])];
    expect(ids(rsmsAsSent(frames, REFERENCE_RSU))).toEqual([[3, 4, 9], [11, 12]]);
    expect(ids(rsmsAsSent(frames, { ...REFERENCE_RSU, ptcIdsRestartPerMessage: true }))).toEqual([[1, 2, 3], [1, 2]]);
  });

  it("merges a period's RSMs into one when the behaviour says so", () => {
    expect(ids(rsmsAsSent([rsm([3, 4]), rsm([11])], { ...REFERENCE_RSU, rsmsMerged: true }))).toEqual([[3, 4, 11]]);
  });
});

describe("msgCntAsSent", () => {
  it("puts msgCnt out of range only in the message type the behaviour names", () => {
    const frame: MessageFrame = { rsmFrame: { msgCnt: 5, id: new Uint8Array(8), refPos: { lat: 0, lon: 0 }, participants: [] } };
    expect(msgCntAsSent("rsm", frame, REFERENCE_RSU)).toEqual(frame);
    expect(msgCntAsSent("rsm", frame, { ...REFERENCE_RSU, msgCntOutOfRangeIn: "rsm" }).rsmFrame?.msgCnt).toBeGreaterThan(127);
    expect(msgCntAsSent("rsm", frame, { ...REFERENCE_RSU, msgCntOutOfRangeIn: "map" })).toEqual(frame);
  });
});
