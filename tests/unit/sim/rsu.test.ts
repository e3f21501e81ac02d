import { describe, expect, it } from "vitest";
import { formatViolation, loadRegistry, validateRules } from "../../../src/schema/index.ts";
import { SourceType, type RoadsideSafetyMessage } from "../../../src/schema/gen/v2xh/csae53/v1/index.ts";
import { BsmSender } from "../../../src/sim/bsm.ts";
import { geodesicInverse } from "../../../src/sim/geo.ts";
import { Random } from "../../../src/sim/random.ts";
import { RoadNetwork } from "../../../src/sim/road-network.ts";
import type { RsiItemSpec } from "../../../src/sim/rsi-message.ts";
import { Rsu, type RsuSpec } from "../../../src/sim/rsu.ts";
import { SpecError } from "../../../src/sim/spec-error.ts";
import { minuteOfTheYear } from "../../../src/sim/wire-units.ts";
import { World } from "../../../src/sim/world.ts";
import { NETWORK, rsuSpec, SIGNAL_PLAN, START } from "../../fixtures/sim/yizhuang.ts";
import { traffic } from "./scenario.ts";

const registry = loadRegistry();
const FRAME = "v2xh.csae53.v1.MessageFrame";
const network = new RoadNetwork(NETWORK);
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

function setup(overrides: Partial<RsuSpec> = {}) {
  const random = new Random(99);
  const vehicles = traffic(12, 2);
  const world = new World({ network, signalPlans: [SIGNAL_PLAN], vehicles, random, start: START });
  const senders = new Map(vehicles.map((v) => [v.id, new BsmSender(random.fork(`vehicle:${v.id}`))]));
  const rsu = new Rsu(rsuSpec(overrides), network, random.fork("rsu"));
  return { world, rsu, senders, bsmId: (id: string) => senders.get(id)?.id };
}

const rsmsOf = (frames: readonly { rsmFrame?: RoadsideSafetyMessage }[]): RoadsideSafetyMessage[] => frames.flatMap((f) => (f.rsmFrame === undefined ? [] : [f.rsmFrame]));

describe("Rsu RSM", () => {
  it("lists exactly the vehicles within range (checked against the geodesic distance), with stable ptcIds", () => {
    const { world, rsu, senders, bsmId } = setup();
    const ptcIdOf = new Map<string, number>();
    let checked = 0;
    let outside = 0;
    for (let step = 1; step <= 900; step++) {
      world.step(0.1);
      if (step % 10 !== 0) continue;
      const rsms = rsmsOf(rsu.rsmFrames(world.vehicles, world.time, bsmId));
      const listed = rsms.flatMap((m) => m.participants);
      const expected = world.vehicles.filter((v) => geodesicInverse(rsu.spec.position, v.geo).distance <= rsu.spec.range);
      outside += world.vehicles.length - expected.length;
      expect(listed.map((p) => hex(p.id ?? new Uint8Array())).sort()).toEqual(expected.map((v) => hex(senders.get(v.id)?.id ?? new Uint8Array())).sort());
      const ptcIds = listed.map((p) => p.ptcId);
      expect(new Set(ptcIds).size).toBe(ptcIds.length);
      expect(ptcIds).not.toContain(0);
      for (const p of listed) {
        const vehicle = expected.find((v) => hex(senders.get(v.id)?.id ?? new Uint8Array()) === hex(p.id ?? new Uint8Array()));
        if (vehicle === undefined) continue;
        const before = ptcIdOf.get(vehicle.id);
        if (before !== undefined) expect(p.ptcId).toBe(before);
        ptcIdOf.set(vehicle.id, p.ptcId);
      }
      checked += listed.length;
    }
    expect(checked).toBeGreaterThan(500);
    expect(outside).toBeGreaterThan(100);
  });

  it("splits more than 16 participants over several RSMs with consecutive msgCnt", () => {
    const { world, rsu, bsmId } = setup({ range: 1000 });
    for (let i = 0; i < 300; i++) world.step(0.1);
    const rsms = rsmsOf(rsu.rsmFrames(world.vehicles, world.time, bsmId));
    expect(world.vehicles.length).toBeGreaterThan(32);
    expect(rsms.length).toBe(Math.ceil(world.vehicles.length / 16));
    for (const m of rsms) {
      expect(m.participants.length).toBeLessThanOrEqual(16);
      expect(validateRules(registry, FRAME, { rsmFrame: m }).map(formatViolation)).toEqual([]);
    }
    rsms.slice(1).forEach((m, i) => expect(m.msgCnt).toBe(((rsms[i]?.msgCnt ?? 0) + 1) % 128));
    const ptcIds = rsms.flatMap((m) => m.participants.map((p) => p.ptcId));
    expect(ptcIds).toEqual([...ptcIds].sort((a, b) => a - b));
    expect(new Set(ptcIds).size).toBe(world.vehicles.length);
  });

  it("places participants relative to refPos and reports a sensor source without BSM ids", () => {
    const { world, rsu, bsmId } = setup({ rsmSource: "lidar" });
    for (let i = 0; i < 100; i++) world.step(0.1);
    const [rsm] = rsmsOf(rsu.rsmFrames(world.vehicles, world.time, bsmId));
    expect(rsm?.refPos).toEqual(rsu.refPos);
    expect(rsm?.id).toEqual(rsu.id);
    for (const p of rsm?.participants ?? []) {
      expect(p.source).toBe(SourceType.LIDAR);
      expect(p.id).toBeUndefined();
      expect(p.secMark).toBe(world.time % 60000);
    }
    const p = rsm?.participants[0];
    const offset = p?.pos.offsetLL.positionLl1 ?? p?.pos.offsetLL.positionLl2 ?? p?.pos.offsetLL.positionLl3;
    const lat = ((rsm?.refPos.lat ?? 0) + (offset?.lat ?? NaN)) / 1e7;
    const lon = ((rsm?.refPos.lon ?? 0) + (offset?.lon ?? NaN)) / 1e7;
    expect(world.vehicles.some((v) => geodesicInverse(v.geo, { lat, lon }).distance < 0.02)).toBe(true);
  });

  it("sends nothing when no vehicle is in range", () => {
    const { world, rsu } = setup({ range: 1 });
    world.step(0.1);
    expect(rsu.rsmFrames(world.vehicles, world.time)).toEqual([]);
  });
});

describe("Rsu RSI", () => {
  const { rsu } = setup();

  it("announces an event and a sign only inside their time window", () => {
    expect(rsu.rsiFrame(START + 9_999)).toBeUndefined();
    expect(rsu.rsiFrame(START + 40_000)).toBeUndefined();
    const rsi = rsu.rsiFrame(START + 10_000)?.rsiFrame;
    expect(validateRules(registry, FRAME, { rsiFrame: rsi }).map(formatViolation)).toEqual([]);
    expect(rsi?.id).toEqual(rsu.id);
    expect(rsi?.refPos).toEqual(rsu.refPos);
    const event = rsi?.rtes[0];
    expect(event).toMatchObject({ rteId: 1, eventType: 401, eventRadius: 300, description: { textString: "Road works, right lane closed" } });
    expect(event?.priority).toEqual(Uint8Array.of(0xa0));
    expect(event?.referencePaths[0]?.activePath).toHaveLength(2);
    expect(event?.referencePaths[0]?.pathRadius).toBe(50);
    expect(event?.referenceLinks).toEqual([{ upstreamNodeId: { region: 110, id: 1001 }, downstreamNodeId: { region: 110, id: 1003 }, referenceLanes: 1 << 3 }]);
    expect(event?.timeDetails).toEqual({ startTime: minuteOfTheYear(START + 10_000), endTime: minuteOfTheYear(START + 40_000) });
    expect(rsi?.rtss[0]).toMatchObject({ rtsId: 1, signType: 38 });
  });

  it("rejects a malformed event", () => {
    const bad = (events: readonly RsiItemSpec[]) => () => new Rsu(rsuSpec({ events }), network, new Random(1));
    expect(bad([{ kind: "sign", id: 1, signType: 38, activeFrom: 10, activeUntil: 5 }])).toThrow(/activeUntil/);
    expect(bad([{ kind: "sign", id: 1, signType: 38, activeFrom: 0, activeUntil: 5, description: "施工" }])).toThrow(/ASCII/);
    expect(bad([{ kind: "sign", id: 1, signType: 38, activeFrom: 0, activeUntil: 5, links: [{ link: "nowhere" }] }])).toThrow(SpecError);
  });
});

describe("Rsu", () => {
  it("sends each message kind at its period", () => {
    const { world, rsu, bsmId } = setup();
    // Ten seconds in, vehicles have come within range and the roadwork is announced.
    for (let i = 0; i < 100; i++) world.step(0.1);
    const counts = new Map<string, number>();
    for (let t = START + 10_000; t < START + 12_000; t += 100) {
      for (const m of rsu.due(t, world.vehicles, bsmId)) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toMatchObject({ map: 2, spat: 20, rsi: 2 });
    expect(counts.get("rsm")).toBeGreaterThanOrEqual(20);
  });

  it("counts msgCnt separately per message kind", () => {
    const { rsu } = setup();
    const spat = [0, 1, 2].map((i) => rsu.spatFrame(START + i * 100)?.spatFrame?.msgCnt ?? NaN);
    const map = rsu.mapFrame(START).mapFrame?.msgCnt ?? NaN;
    expect(spat).toEqual([spat[0], ((spat[0] ?? 0) + 1) % 128, ((spat[0] ?? 0) + 2) % 128]);
    expect(rsu.mapFrame(START).mapFrame?.msgCnt).toBe((map + 1) % 128);
  });

  it("refuses a signal plan whose phases the MAP does not use, and a malformed id", () => {
    const plan = { ...SIGNAL_PLAN, phases: [...SIGNAL_PLAN.phases, { id: 9, green: 10, yellow: 3, allRed: 1 }] };
    expect(() => new Rsu(rsuSpec({ signalPlans: [plan] }), network, new Random(1))).toThrow(/phase 9/);
    expect(() => new Rsu(rsuSpec({ id: "RSU-1" }), network, new Random(1))).toThrow(/16 hex digits/);
  });
});
