import { describe, expect, it } from "vitest";
import { formatViolation, loadRegistry, validateRules } from "../../../src/schema/index.ts";
import { AlarmLevel2016, Command, Edition, GeneralAlarmBit2016, type Frame, type RealtimeData2016 } from "../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { Random } from "../../../src/sim/random.ts";
import { RoadNetwork } from "../../../src/sim/road-network.ts";
import { beijingTime, TboxModel, type TboxSpec } from "../../../src/sim/tbox.ts";
import type { VehicleState } from "../../../src/sim/vehicle.ts";
import { World } from "../../../src/sim/world.ts";
import { NETWORK, SIGNAL_PLAN, START } from "../../fixtures/sim/yizhuang.ts";

const registry = loadRegistry();
const VIN = "LSVAU2A37K2100001";

interface Report {
  readonly at: number;
  readonly state: VehicleState;
  readonly frame: Frame;
  readonly data: RealtimeData2016;
  readonly soc: number;
}

/** A looping vehicle with a small 2 kWh battery, a realtime report every second. */
function drive(seconds: number, spec: Partial<TboxSpec> = {}): Report[] {
  const random = new Random(5);
  const world = new World({
    network: new RoadNetwork(NETWORK),
    signalPlans: [SIGNAL_PLAN],
    vehicles: [{ id: "ev", route: { links: ["sw-in", "ne-out"] }, desiredSpeed: 15, loop: true }],
    random,
    start: START,
  });
  const tbox = new TboxModel({ vin: VIN, battery: { capacity: 2 }, initialOdometer: 12345.6, ...spec }, random.fork("vehicle:ev"));
  const reports: Report[] = [];
  for (let step = 1; step <= seconds * 10; step++) {
    world.step(0.1);
    const state = world.vehicles[0];
    if (state === undefined) continue;
    tbox.update(state, 0.1);
    if (step % 10 !== 0) continue;
    const frame = tbox.realtimeFrame(state, world.time);
    if (frame.realtime2016 === undefined) throw new Error("expected a realtime report");
    reports.push({ at: world.time, state, frame, data: frame.realtime2016, soc: tbox.soc });
  }
  return reports;
}

const unit = <K extends "vehicle" | "driveMotors" | "position" | "extremeValues" | "alarm" | "ressVoltages" | "ressTemperatures">(r: Report, key: K) => {
  const found = r.data.units.find((u) => u[key] !== undefined)?.[key];
  if (found === undefined) throw new Error(`no ${key} unit`);
  return found;
};

describe("TboxModel", () => {
  const reports = drive(150);

  it("builds GB/T 32960-2016 realtime frames that pass the rule validator", () => {
    expect(reports).toHaveLength(150);
    for (const r of reports) expect(validateRules(registry, "v2xh.gbt32960.v1.Frame", r.frame).map(formatViolation)).toEqual([]);
    const first = reports[0]?.frame;
    expect(first).toMatchObject({ edition: Edition.EDITION_2016, command: Command.REALTIME, uniqueId: VIN });
    expect(reports[0]?.data.units.map((u) => Object.keys(u)[0])).toEqual(["vehicle", "driveMotors", "position", "extremeValues", "alarm", "ressVoltages", "ressTemperatures"]);
  });

  it("stamps the collection time in Beijing time", () => {
    expect(beijingTime(START)).toEqual({ year: 25, month: 6, day: 2, hour: 16, minute: 0, second: 0 });
    expect(beijingTime(Date.UTC(2025, 11, 31, 16, 30, 5))).toEqual({ year: 26, month: 1, day: 1, hour: 0, minute: 30, second: 5 });
    for (const r of reports) expect(r.data.time).toEqual(beijingTime(r.at));
  });

  it("accumulates the odometer from the distance driven, never going back", () => {
    const odometers = reports.map((r) => unit(r, "vehicle").odometer.value ?? NaN);
    odometers.slice(1).forEach((o, i) => expect(o).toBeGreaterThanOrEqual(odometers[i] ?? Infinity));
    const driven = (reports.at(-1)?.state.odometer ?? 0) - (reports[0]?.state.odometer ?? 0);
    expect(driven).toBeGreaterThan(800);
    expect(((odometers.at(-1) ?? 0) - (odometers[0] ?? 0)) / 10).toBeCloseTo(driven / 1000, 0);
    expect(odometers[0]).toBeGreaterThanOrEqual(123456);
  });

  it("drains the battery while driving: SOC and its reported percentage fall", () => {
    const socs = reports.map((r) => r.soc);
    expect(socs.at(-1)).toBeLessThan((socs[0] ?? 0) - 0.03);
    const reported = reports.map((r) => unit(r, "vehicle").soc.value ?? NaN);
    expect(reported.at(-1)).toBeLessThanOrEqual((reported[0] ?? 0) - 3);
    // Only regenerative braking may raise it: over every second in which the vehicle did not slow down, it fell.
    let notSlowing = 0;
    reports.slice(1).forEach((r, i) => {
      const before = reports[i] as Report;
      if (r.state.speed < before.state.speed - 0.05) return;
      notSlowing++;
      expect(r.soc).toBeLessThan(before.soc);
    });
    expect(notSlowing).toBeGreaterThan(90);
  });

  it("reports speed, motor, pack and position consistent with the vehicle", () => {
    for (const r of reports) {
      const vehicle = unit(r, "vehicle");
      expect(vehicle.speed.value).toBe(Math.round(r.state.speed * 36));
      const motor = unit(r, "driveMotors").motors[0];
      const rpm = (motor?.speed.value ?? 0) - 20000;
      expect(rpm).toBeCloseTo(((r.state.speed / (2 * Math.PI * 0.33)) * 60 * 9.7), -1);
      const cells = unit(r, "ressVoltages").subsystems[0]?.cellVoltages.map((c) => c.value ?? NaN) ?? [];
      expect(cells).toHaveLength(96);
      const packVolts = cells.reduce((a, b) => a + b, 0) / 1000;
      expect((vehicle.totalVoltage.value ?? 0) / 10).toBeCloseTo(packVolts, 0);
      expect(packVolts).toBeGreaterThan(96 * 3.3);
      expect(packVolts).toBeLessThan(96 * 4.2);
      const extremes = unit(r, "extremeValues");
      expect(extremes.maxCellVoltage.value).toBe(Math.max(...cells));
      expect(extremes.minCellVoltage.value).toBe(Math.min(...cells));
      expect(cells[(extremes.maxVoltageCell.value ?? 0) - 1]).toBe(Math.max(...cells));
      const position = unit(r, "position");
      expect(position.status).toBe(0);
      expect(position.longitude.value).toBe(Math.round(r.state.geo.lon * 1e6));
      expect(position.latitude.value).toBe(Math.round(r.state.geo.lat * 1e6));
    }
    const driving = reports.find((r) => r.state.acceleration > 0.5);
    expect(driving && unit(driving, "vehicle").gear).toEqual({ state: { position: 14, brakingForce: false, drivingForce: true, reserved: 0 } });
    expect(driving && (unit(driving, "vehicle").totalCurrent.value ?? 0) > 10000).toBe(true);
  });

  it("reports no alarm normally, and the configured one while it is raised", () => {
    expect(unit(reports[0] as Report, "alarm")).toMatchObject({ maxAlarmLevel: AlarmLevel2016.NONE, generalAlarmFlags: 0 });
    const raised = drive(20, { alarms: [{ from: START + 5_000, until: START + 10_000, level: 2, flags: ["INSULATION", "MOTOR_TEMPERATURE"] }] });
    const levels = raised.map((r) => unit(r, "alarm").maxAlarmLevel);
    expect(levels.slice(0, 4).every((l) => l === AlarmLevel2016.NONE)).toBe(true);
    expect(levels.slice(4, 9).every((l) => l === AlarmLevel2016.LEVEL_2)).toBe(true);
    expect(levels.slice(9).every((l) => l === AlarmLevel2016.NONE)).toBe(true);
    expect(unit(raised[5] as Report, "alarm").generalAlarmFlags).toBe((1 << GeneralAlarmBit2016.INSULATION) | (1 << GeneralAlarmBit2016.MOTOR_TEMPERATURE));
    const low = drive(2, { battery: { capacity: 2, initialSoc: 0.05 } });
    expect(unit(low[0] as Report, "alarm")).toMatchObject({ maxAlarmLevel: AlarmLevel2016.LEVEL_1, generalAlarmFlags: 1 << GeneralAlarmBit2016.SOC_LOW });
  });

  it("rejects a VIN that is not 17 characters", () => {
    expect(() => new TboxModel({ vin: "SHORT" }, new Random(1))).toThrow(/17 printable ASCII characters/);
  });
});
