import { describe, expect, it } from "vitest";
import { formatViolation, loadRegistry, validateRules } from "../../../src/schema/index.ts";
import { BrakePedalStatus, type BasicSafetyMessage } from "../../../src/schema/gen/v2xh/csae53/v1/index.ts";
import { BsmSender } from "../../../src/sim/bsm.ts";
import { every, VirtualClock } from "../../../src/sim/clock.ts";
import { Random } from "../../../src/sim/random.ts";
import { RoadNetwork } from "../../../src/sim/road-network.ts";
import type { VehicleState } from "../../../src/sim/vehicle.ts";
import { World } from "../../../src/sim/world.ts";
import { NETWORK, SIGNAL_PLAN, START } from "../../fixtures/sim/yizhuang.ts";

const registry = loadRegistry();
const FRAME = "v2xh.csae53.v1.MessageFrame";

interface Sample {
  readonly at: number;
  readonly state: VehicleState;
  readonly bsm: BasicSafetyMessage;
}

/** One vehicle from the NW approach to the SE exit, a BSM every 100 ms, starting 45 s into a minute. */
function drive(seed: number, seconds: number, pathHistory = false): Sample[] {
  const start = START + 45_000;
  const clock = new VirtualClock(start);
  const random = new Random(seed);
  const world = new World({
    network: new RoadNetwork(NETWORK),
    signalPlans: [SIGNAL_PLAN],
    vehicles: [{ id: "car", route: { links: ["nw-in", "se-out"] }, desiredSpeed: 15 }],
    random,
    start,
  });
  const sender = new BsmSender(random.fork("vehicle:car"), { pathHistory });
  const samples: Sample[] = [];
  every(clock, start + 100, 100, (at) => {
    world.step(0.1);
    const state = world.vehicles[0];
    if (state === undefined) return;
    const frame = sender.build(state, at);
    if (frame.bsmFrame !== undefined) samples.push({ at, state, bsm: frame.bsmFrame });
  });
  clock.runUntil(start + seconds * 1000);
  return samples;
}

describe("BsmSender", () => {
  const samples = drive(11, 40);

  it("builds BSMs that pass the rule validator (which does reject a broken one)", () => {
    for (const { bsm } of samples) expect(validateRules(registry, FRAME, { bsmFrame: bsm }).map(formatViolation)).toEqual([]);
    const broken = { ...(samples[0] as Sample).bsm, msgCnt: 128, speed: 9000 };
    expect(validateRules(registry, FRAME, { bsmFrame: broken }).map((v) => v.path)).toEqual(["bsmFrame.msgCnt", "bsmFrame.speed"]);
  });

  it("counts msgCnt up by one per message, wrapping 127 → 0", () => {
    expect(samples).toHaveLength(400);
    let wraps = 0;
    samples.slice(1).forEach((s, i) => {
      const previous = (samples[i] as Sample).bsm.msgCnt;
      expect(s.bsm.msgCnt).toBe((previous + 1) % 128);
      if (previous === 127) wraps++;
    });
    expect(wraps).toBeGreaterThanOrEqual(3);
  });

  it("stamps secMark with the millisecond of the UTC minute, across the minute boundary", () => {
    for (const s of samples) expect(s.bsm.secMark).toBe(s.at % 60000);
    expect(samples.some((s) => s.bsm.secMark < 1000)).toBe(true);
  });

  it("keeps one 8-byte id per vehicle, drawn from its seeded stream", () => {
    const id = (samples[0] as Sample).bsm.id;
    expect(id).toHaveLength(8);
    for (const s of samples) expect(s.bsm.id).toEqual(id);
    expect(drive(11, 1)[0]?.bsm.id).toEqual(id);
    expect(drive(12, 1)[0]?.bsm.id).not.toEqual(id);
    expect(drive(11, 1)[0]?.bsm.msgCnt).toBe((samples[0] as Sample).bsm.msgCnt);
  });

  it("reports position, speed, heading, size and class in the standard's units", () => {
    for (const { state, bsm } of samples) {
      expect(bsm.pos.lat).toBe(Math.round(state.geo.lat * 1e7));
      expect(bsm.pos.lon).toBe(Math.round(state.geo.lon * 1e7));
      expect(bsm.pos.elevation).toBe(Math.round(state.geo.elevation * 10));
      expect(bsm.speed).toBe(Math.round(state.speed / 0.02));
      expect(bsm.heading).toBe(Math.round(state.heading / 0.0125) % 28800);
      expect(bsm.accelSet.lon).toBe(Math.round(state.acceleration * 100));
    }
    const cruising = samples.find((s) => s.state.speed > 14);
    // Heading 148° is the NW approach's direction of travel, towards the south-east.
    expect(cruising?.bsm.heading).toBe(148 / 0.0125);
    expect(cruising?.bsm.size).toEqual({ width: 185, length: 460, height: 30 });
    expect(cruising?.bsm.vehicleClass).toEqual({ classification: 10, fuelType: 4 });
    expect(cruising?.bsm.posAccuracy).toEqual({ semiMajor: 10, semiMinor: 10, orientation: 0 });
    expect(cruising?.bsm.motionCfd).toBeDefined();
  });

  it("shows the brakes applied while slowing for the red light", () => {
    const braking = samples.filter((s) => s.state.acceleration < -1);
    expect(braking.length).toBeGreaterThan(0);
    for (const s of braking) expect(s.bsm.brakes.brakePedal).toBe(BrakePedalStatus.ON);
    const steady = samples.filter((s) => Math.abs(s.state.acceleration) < 0.01);
    for (const s of steady) expect(s.bsm.brakes.brakePedal).toBe(BrakePedalStatus.OFF);
  });

  it("adds a path history of earlier positions, newest first, when asked", () => {
    const withHistory = drive(11, 30, true);
    expect(withHistory[0]?.bsm.safetyExt).toBeUndefined();
    const last = (withHistory.at(-1) as Sample).bsm;
    const crumbs = last.safetyExt?.pathHistory?.crumbData ?? [];
    expect(crumbs).toHaveLength(23);
    const offsets = crumbs.map((c) => c.timeOffset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(offsets[0]).toBeGreaterThan(0);
    expect(offsets[0]).toBeLessThanOrEqual(100);
    for (const { bsm } of withHistory) expect(validateRules(registry, FRAME, { bsmFrame: bsm })).toEqual([]);
  });
});
