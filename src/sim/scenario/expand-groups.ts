import type { BsmOptions } from "../bsm.ts";
import { Random } from "../random.ts";
import type { AlarmSpec, TboxSpec } from "../tbox.ts";
import type { VehicleSpec } from "../vehicle.ts";
import { departureOf } from "./departures.ts";
import { atTime } from "./epoch-time.ts";
import { equippedVehicles, isEquipped } from "./equipment.ts";
import type { Distribution, ScenarioModel, TboxOptionsModel } from "./scenario-model.ts";
import { vehicleVin } from "./vin.ts";

/** Every vehicle of a scenario with the devices it carries. */
export interface Fleet {
  /** Group by group, vehicle 0 first. */
  readonly vehicles: VehicleSpec[];
  /** BSM options of each vehicle that has an OBU, by vehicle id. */
  readonly obus: Record<string, Partial<BsmOptions>>;
  /** T-Box of each vehicle that has one, by vehicle id. */
  readonly tboxes: Record<string, TboxSpec>;
}

/**
 * Expands the vehicle groups. Vehicle n of group g is `g-n`; whatever it draws at random (desired
 * speed, initial SOC and odometer) comes from its own stream `vehicle:g-n` of the scenario seed,
 * and its departure and devices depend only on n, so its spec is the same whatever the group's
 * size or the shard that runs it.
 */
export function expandGroups(model: ScenarioModel, start: number): Fleet {
  const root = new Random(model.seed);
  const alarms = alarmsByVehicle(model, start);
  const fleet: Fleet = { vehicles: [], obus: {}, tboxes: {} };
  for (const group of model.groups) {
    for (let n = 0; n < group.count; n++) {
      const id = `${group.name}-${n}`;
      const stream = root.fork(`vehicle:${id}`);
      fleet.vehicles.push({ id, ...group.vehicle, departAt: departureOf(group, n), desiredSpeed: draw(group.desiredSpeed, stream.fork("desiredSpeed")) });
      if (group.obu !== undefined && isEquipped(n, group.obu.share)) fleet.obus[id] = group.obu.options;
      if (group.tbox !== undefined && isEquipped(n, group.tbox.share)) fleet.tboxes[id] = tboxSpec(group.tbox.options, vehicleVin(group.name, n), stream, alarms.get(id) ?? []);
    }
  }
  return fleet;
}

function tboxSpec(options: TboxOptionsModel, vin: string, stream: Random, alarms: readonly AlarmSpec[]): TboxSpec {
  const { battery, initialSoc, initialOdometer, ...rest } = options;
  const soc = initialSoc === undefined ? {} : { initialSoc: draw(initialSoc, stream.fork("initialSoc")) };
  return {
    vin,
    ...rest,
    ...(battery === undefined && initialSoc === undefined ? {} : { battery: { ...battery, ...soc } }),
    ...(initialOdometer === undefined ? {} : { initialOdometer: draw(initialOdometer, stream.fork("initialOdometer")) }),
    ...(alarms.length === 0 ? {} : { alarms }),
  };
}

/** The alarm events as each targeted vehicle's AlarmSpecs, with epoch times. */
function alarmsByVehicle(model: ScenarioModel, start: number): Map<string, AlarmSpec[]> {
  const out = new Map<string, AlarmSpec[]>();
  for (const alarm of model.alarms) {
    const group = model.groups.find((g) => g.name === alarm.group);
    if (group?.tbox === undefined) continue;
    const spec: AlarmSpec = { from: atTime(start, alarm.from), until: atTime(start, alarm.until), level: alarm.level, flags: alarm.flags };
    for (const n of alarm.vehicles ?? equippedVehicles(group.count, group.tbox.share)) {
      const id = `${group.name}-${n}`;
      out.set(id, [...(out.get(id) ?? []), spec]);
    }
  }
  return out;
}

/** A value for one vehicle: the number itself, or a draw from the clipped normal distribution. */
function draw(value: Distribution, stream: Random): number {
  if (typeof value === "number") return value;
  return Math.min(value.max, Math.max(value.min, stream.normal(value.mean, value.sd)));
}
