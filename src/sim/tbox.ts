import {
  AlarmLevel2016,
  ChargingState,
  Command,
  DcDcState,
  Edition,
  Encryption,
  GearPosition,
  GeneralAlarmBit2016,
  MotorState,
  ResponseFlag,
  RunningMode,
  VehicleState as VehicleRunState,
  type Alarm2016,
  type DriveMotors2016,
  type ExtremeValues2016,
  type Frame,
  type InfoUnit2016,
  type Position2016,
  type Time,
  type WholeVehicle2016,
} from "../schema/gen/v2xh/gbt32960/v1/index.ts";
import {
  batteryCurrent,
  batteryPower,
  cellOpenCircuitVoltage,
  DEFAULT_BATTERY,
  DEFAULT_POWERTRAIN,
  wheelForce,
  type BatterySpec,
  type PowertrainSpec,
} from "./powertrain.ts";
import type { Random } from "./random.ts";
import { SpecError } from "./spec-error.ts";
import type { VehicleState } from "./vehicle.ts";

export type GeneralAlarm = keyof typeof GeneralAlarmBit2016;

/** An alarm the T-Box raises for a while, e.g. to exercise a platform's alarm handling. */
export interface AlarmSpec {
  /** From (inclusive) and until (exclusive), ms since the Unix epoch. */
  readonly from: number;
  readonly until: number;
  /** 1 (driving unaffected) to 3 (stop at once). */
  readonly level: 1 | 2 | 3;
  /** General alarm flags set meanwhile (GB/T 32960.3-2016 table 18). */
  readonly flags: readonly GeneralAlarm[];
}

/** A vehicle's telematics box reporting GB/T 32960-2016 realtime data. */
export interface TboxSpec {
  /** Vehicle identification number, 17 characters (the frame's unique id). */
  readonly vin: string;
  readonly battery?: Partial<BatterySpec>;
  readonly powertrain?: Partial<PowertrainSpec>;
  /** Odometer reading at the start, km. Default: 0. */
  readonly initialOdometer?: number;
  /** Outside (and starting) temperature, °C. Default: 25. */
  readonly ambientTemperature?: number;
  /** Insulation resistance reported, kΩ. Default: 8000. */
  readonly insulationResistance?: number;
  /** SOC below which the "SOC low" alarm (level 1) is raised, 0..1. Default: 0.1. */
  readonly socLowThreshold?: number;
  /** Alarms raised at set times. Default: none. */
  readonly alarms?: readonly AlarmSpec[];
}

/** Pack heat capacity, J/K, and time constant of cooling towards ambient, s. */
const PACK_HEAT_CAPACITY = 320_000;
const PACK_COOLING = 1800;
/** Motor heat capacity, J/K, and time constant of its cooling, s. */
const MOTOR_HEAT_CAPACITY = 15_000;
const MOTOR_COOLING = 600;
/** Deceleration that counts as braking, m/s², and the one that is a full brake pedal. */
const BRAKING = 0.3;
const FULL_BRAKE = 8;
/** Beijing time is UTC+8 all year. */
const BEIJING_OFFSET = 8 * 3600 * 1000;

/**
 * The state a T-Box reports, integrated step by step from the vehicle's motion: odometer, battery
 * energy (so SOC falls while driving and rises a little when regenerating), pack and motor
 * temperatures. Cell-voltage and probe spreads are fixed per vehicle from its random stream.
 */
export class TboxModel {
  readonly spec: TboxSpec;
  private readonly battery: BatterySpec;
  private readonly powertrain: PowertrainSpec;
  private readonly ambient: number;
  /** Each cell's deviation from the pack's open-circuit cell voltage, V. */
  private readonly cellOffsets: readonly number[];
  /** Each probe's deviation from the pack temperature, °C. */
  private readonly probeOffsets: readonly number[];
  private energy: number;
  private odometerKm: number;
  private lastVehicleOdometer: number | undefined;
  private packTemperature: number;
  private motorTemperature: number;
  private speed = 0;
  private acceleration = 0;
  private force = 0;
  private current = 0;

  /** `random` is the vehicle's own stream; the T-Box forks "tbox" from it. */
  constructor(spec: TboxSpec, random: Random) {
    if (!/^[\x21-\x7e]{17}$/.test(spec.vin)) throw new SpecError("tbox.vin", "17 printable ASCII characters", JSON.stringify(spec.vin));
    this.spec = spec;
    this.battery = { ...DEFAULT_BATTERY, ...spec.battery };
    this.powertrain = { ...DEFAULT_POWERTRAIN, ...spec.powertrain };
    const { cells, temperatureProbes, initialSoc } = this.battery;
    if (!Number.isInteger(cells) || cells < 1 || cells > 200) throw new SpecError(`tbox ${spec.vin}.battery.cells`, "1 to 200 cells", String(cells));
    if (!Number.isInteger(temperatureProbes) || temperatureProbes < 1 || temperatureProbes > 250) {
      throw new SpecError(`tbox ${spec.vin}.battery.temperatureProbes`, "1 to 250 probes", String(temperatureProbes));
    }
    if (!(initialSoc >= 0 && initialSoc <= 1)) throw new SpecError(`tbox ${spec.vin}.battery.initialSoc`, "a fraction 0..1", String(initialSoc));
    const stream = random.fork("tbox");
    this.cellOffsets = Array.from({ length: cells }, () => stream.normal(0, 0.004));
    this.probeOffsets = Array.from({ length: temperatureProbes }, () => stream.normal(0, 1));
    this.ambient = spec.ambientTemperature ?? 25;
    this.energy = initialSoc * this.capacityJoules;
    this.odometerKm = spec.initialOdometer ?? 0;
    this.packTemperature = this.ambient;
    this.motorTemperature = this.ambient;
  }

  /** State of charge, 0..1. */
  get soc(): number {
    return Math.min(1, Math.max(0, this.energy / this.capacityJoules));
  }

  /** Odometer, km. */
  get odometer(): number {
    return this.odometerKm;
  }

  /** Integrates `dt` seconds of driving that ended in `vehicle`'s state; call after every world step. */
  update(vehicle: VehicleState, dt: number): void {
    const p = this.powertrain;
    const driven = this.lastVehicleOdometer === undefined ? 0 : Math.max(0, vehicle.odometer - this.lastVehicleOdometer);
    this.lastVehicleOdometer = vehicle.odometer;
    this.odometerKm += driven / 1000;
    this.speed = vehicle.speed;
    this.acceleration = vehicle.acceleration;
    this.force = wheelForce(p, vehicle.speed, vehicle.acceleration);
    const power = batteryPower(p, this.force * vehicle.speed);
    this.current = batteryCurrent(this.openCircuitVoltage, this.battery.internalResistance, power);
    this.energy = Math.min(this.capacityJoules, Math.max(0, this.energy - power * dt));
    const packHeat = this.current * this.current * this.battery.internalResistance;
    this.packTemperature += (packHeat / PACK_HEAT_CAPACITY - (this.packTemperature - this.ambient) / PACK_COOLING) * dt;
    const motorHeat = Math.abs(this.force * vehicle.speed) * (1 - p.driveEfficiency);
    this.motorTemperature += (motorHeat / MOTOR_HEAT_CAPACITY - (this.motorTemperature - this.ambient) / MOTOR_COOLING) * dt;
  }

  /** A GB/T 32960-2016 realtime report (command 0x02) collected at `epochMs` from `vehicle`. */
  realtimeFrame(vehicle: VehicleState, epochMs: number): Frame {
    const cellVoltages = this.cellVoltages();
    const probes = this.probeTemperatures();
    const units: InfoUnit2016[] = [
      { vehicle: this.wholeVehicle(cellVoltages) },
      { driveMotors: this.driveMotors(cellVoltages) },
      { position: position(vehicle) },
      { extremeValues: extremeValues(cellVoltages, probes) },
      { alarm: this.alarm(epochMs) },
      {
        ressVoltages: {
          subsystems: [
            {
              number: { value: 1 },
              voltage: { value: decivolts(sum(cellVoltages)) },
              current: { value: deciamps(this.current) },
              totalCells: { value: cellVoltages.length },
              firstCell: { value: 1 },
              cellVoltages: cellVoltages.map((v) => ({ value: Math.round(v * 1000) })),
            },
          ],
        },
      },
      { ressTemperatures: { subsystems: [{ number: { value: 1 }, probeTemperatures: probes.map((t) => ({ value: celsius(t) })) }] } },
    ];
    return {
      edition: Edition.EDITION_2016,
      command: Command.REALTIME,
      responseFlag: ResponseFlag.COMMAND,
      uniqueId: this.spec.vin,
      encryption: Encryption.NONE,
      realtime2016: { time: beijingTime(epochMs), units },
    };
  }

  private get capacityJoules(): number {
    return this.battery.capacity * 3.6e6;
  }

  private get openCircuitVoltage(): number {
    return this.battery.cells * cellOpenCircuitVoltage(this.soc);
  }

  private cellVoltages(): number[] {
    const sag = (this.current * this.battery.internalResistance) / this.battery.cells;
    const ocv = cellOpenCircuitVoltage(this.soc);
    return this.cellOffsets.map((offset) => ocv + offset - sag);
  }

  private probeTemperatures(): number[] {
    return this.probeOffsets.map((offset) => this.packTemperature + offset);
  }

  private wholeVehicle(cellVoltages: readonly number[]): WholeVehicle2016 {
    const p = this.powertrain;
    const wheelPower = this.force * this.speed;
    const braking = this.acceleration <= -BRAKING;
    return {
      vehicleState: VehicleRunState.STARTED,
      chargingState: ChargingState.NOT_CHARGING,
      runningMode: RunningMode.ELECTRIC,
      speed: { value: Math.min(2200, Math.round(this.speed * 36)) },
      // Rounded down, so the reported odometer never runs ahead of the distance driven.
      odometer: { value: Math.min(9999999, Math.floor(this.odometerKm * 10)) },
      totalVoltage: { value: decivolts(sum(cellVoltages)) },
      totalCurrent: { value: deciamps(this.current) },
      soc: { value: Math.round(this.soc * 100) },
      dcDcState: DcDcState.WORKING,
      gear: { state: { position: GearPosition.DRIVE, brakingForce: braking, drivingForce: wheelPower > 0, reserved: 0 } },
      insulationResistance: { value: Math.min(60000, Math.round(this.spec.insulationResistance ?? 8000)) },
      acceleratorPedal: { value: wheelPower > 0 ? clamp(Math.round((wheelPower / p.maxPower) * 100), 0, 100) : 0 },
      brakePedal: { value: braking ? clamp(Math.round((-this.acceleration / FULL_BRAKE) * 100), 1, 100) : 0 },
    };
  }

  private driveMotors(cellVoltages: readonly number[]): DriveMotors2016 {
    const p = this.powertrain;
    const rpm = (this.speed / (2 * Math.PI * p.wheelRadius)) * 60 * p.gearRatio;
    const torque = (this.force * p.wheelRadius) / p.gearRatio;
    const wheelPower = this.force * this.speed;
    const state = this.speed === 0 ? MotorState.READY : wheelPower >= 0 ? MotorState.CONSUMING : MotorState.GENERATING;
    const voltage = sum(cellVoltages);
    const motorCurrent = (batteryPower(p, wheelPower) - p.auxiliaryPower) / voltage;
    const controllerTemperature = this.ambient + 0.6 * (this.motorTemperature - this.ambient);
    return {
      motors: [
        {
          serial: { value: 1 },
          state,
          controllerTemperature: { value: celsius(controllerTemperature) },
          speed: { value: clamp(Math.round(rpm + 20000), 0, 65531) },
          torque: { value: clamp(Math.round(torque * 10 + 20000), 0, 65531) },
          temperature: { value: celsius(this.motorTemperature) },
          controllerInputVoltage: { value: clamp(Math.round(voltage * 10), 0, 60000) },
          controllerDcBusCurrent: { value: deciamps(motorCurrent) },
        },
      ],
    };
  }

  private alarm(epochMs: number): Alarm2016 {
    let level = 0;
    let flags = 0;
    if (this.soc < (this.spec.socLowThreshold ?? 0.1)) {
      level = 1;
      flags |= 1 << GeneralAlarmBit2016.SOC_LOW;
    }
    for (const alarm of this.spec.alarms ?? []) {
      if (epochMs < alarm.from || epochMs >= alarm.until) continue;
      level = Math.max(level, alarm.level);
      for (const flag of alarm.flags) flags |= 1 << GeneralAlarmBit2016[flag];
    }
    const none = { value: 0 };
    return {
      maxAlarmLevel: ([AlarmLevel2016.NONE, AlarmLevel2016.LEVEL_1, AlarmLevel2016.LEVEL_2, AlarmLevel2016.LEVEL_3] as const)[level] ?? AlarmLevel2016.NONE,
      generalAlarmFlags: flags >>> 0,
      ressFaultCount: none,
      ressFaultCodes: [],
      motorFaultCount: none,
      motorFaultCodes: [],
      engineFaultCount: none,
      engineFaultCodes: [],
      otherFaultCount: none,
      otherFaultCodes: [],
    };
  }
}

/** Collection time in Beijing time (GMT+8), as GB/T 32960 wants it. */
export function beijingTime(epochMs: number): Time {
  const t = new Date(epochMs + BEIJING_OFFSET);
  return { year: t.getUTCFullYear() - 2000, month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes(), second: t.getUTCSeconds() };
}

function position(vehicle: VehicleState): Position2016 {
  const { lat, lon } = vehicle.geo;
  return {
    // Bit 0 clear: a valid fix. Bits 1 and 2: southern and western hemisphere.
    status: (lat < 0 ? 1 << 1 : 0) | (lon < 0 ? 1 << 2 : 0),
    longitude: { value: Math.round(Math.abs(lon) * 1e6) },
    latitude: { value: Math.round(Math.abs(lat) * 1e6) },
  };
}

function extremeValues(cellVoltages: readonly number[], probes: readonly number[]): ExtremeValues2016 {
  const maxCell = indexOfExtreme(cellVoltages, 1);
  const minCell = indexOfExtreme(cellVoltages, -1);
  const maxProbe = indexOfExtreme(probes, 1);
  const minProbe = indexOfExtreme(probes, -1);
  return {
    maxVoltageSubsystem: { value: 1 },
    maxVoltageCell: { value: maxCell + 1 },
    maxCellVoltage: { value: clamp(Math.round((cellVoltages[maxCell] ?? 0) * 1000), 0, 15000) },
    minVoltageSubsystem: { value: 1 },
    minVoltageCell: { value: minCell + 1 },
    minCellVoltage: { value: clamp(Math.round((cellVoltages[minCell] ?? 0) * 1000), 0, 15000) },
    maxTemperatureSubsystem: { value: 1 },
    maxTemperatureProbe: { value: maxProbe + 1 },
    maxTemperature: { value: celsius(probes[maxProbe] ?? 0) },
    minTemperatureSubsystem: { value: 1 },
    minTemperatureProbe: { value: minProbe + 1 },
    minTemperature: { value: celsius(probes[minProbe] ?? 0) },
  };
}

/** Index of the largest (sign 1) or smallest (sign -1) value; the first one on ties. */
function indexOfExtreme(values: readonly number[], sign: 1 | -1): number {
  let best = 0;
  values.forEach((v, i) => {
    if (sign * v > sign * (values[best] as number)) best = i;
  });
  return best;
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
/** 0.1 V, 0..1000 V. */
const decivolts = (volts: number): number => clamp(Math.round(volts * 10), 0, 10000);
/** 0.1 A with a 1000 A offset, -1000..1000 A. */
const deciamps = (amps: number): number => clamp(Math.round((amps + 1000) * 10), 0, 20000);
/** 1 °C with a 40 °C offset, -40..210 °C. */
const celsius = (degrees: number): number => clamp(Math.round(degrees + 40), 0, 250);
