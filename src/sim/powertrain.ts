/**
 * A battery-electric powertrain as longitudinal physics: road load → wheel power → battery power
 * → current and voltage. Pure functions over SI values.
 */

/** The vehicle body and drive. */
export interface PowertrainSpec {
  /** Vehicle mass with load, kg. Default: 1800. */
  readonly mass: number;
  /** Drag coefficient times frontal area, m². Default: 0.65. */
  readonly dragArea: number;
  /** Rolling-resistance coefficient. Default: 0.011. */
  readonly rollingResistance: number;
  /** Battery-to-wheel efficiency when driving. Default: 0.88. */
  readonly driveEfficiency: number;
  /** Share of braking power recovered into the battery. Default: 0.6. */
  readonly regenEfficiency: number;
  /** Constant consumption of everything else (heating, electronics), W. Default: 800. */
  readonly auxiliaryPower: number;
  /** Peak motor power, W (100 % accelerator). Default: 150000. */
  readonly maxPower: number;
  /** Motor revolutions per wheel revolution. Default: 9.7. */
  readonly gearRatio: number;
  /** Dynamic wheel radius, m. Default: 0.33. */
  readonly wheelRadius: number;
}

/** The traction battery. */
export interface BatterySpec {
  /** Usable energy, kWh. Default: 60. */
  readonly capacity: number;
  /** Cells in series (at most 200, one GB/T 32960 voltage record). Default: 96. */
  readonly cells: number;
  /** Temperature probes (at most 250). Default: 16. */
  readonly temperatureProbes: number;
  /** Pack internal resistance, Ω. Default: 0.12. */
  readonly internalResistance: number;
  /** State of charge at the start, 0..1. Default: 0.8. */
  readonly initialSoc: number;
}

export const DEFAULT_POWERTRAIN: PowertrainSpec = {
  mass: 1800,
  dragArea: 0.65,
  rollingResistance: 0.011,
  driveEfficiency: 0.88,
  regenEfficiency: 0.6,
  auxiliaryPower: 800,
  maxPower: 150000,
  gearRatio: 9.7,
  wheelRadius: 0.33,
};

export const DEFAULT_BATTERY: BatterySpec = { capacity: 60, cells: 96, temperatureProbes: 16, internalResistance: 0.12, initialSoc: 0.8 };

const GRAVITY = 9.81;
const AIR_DENSITY = 1.2;

/** Force the wheels must put on the road to drive at `speed` with `acceleration` on the level, N. */
export function wheelForce(p: PowertrainSpec, speed: number, acceleration: number): number {
  const rolling = speed > 0 ? p.mass * GRAVITY * p.rollingResistance : 0;
  return p.mass * acceleration + rolling + 0.5 * AIR_DENSITY * p.dragArea * speed * speed;
}

/** Power drawn from the battery (negative when regenerating) for a given wheel power, W. */
export function batteryPower(p: PowertrainSpec, wheelPower: number): number {
  const drive = wheelPower >= 0 ? wheelPower / p.driveEfficiency : wheelPower * p.regenEfficiency;
  return drive + p.auxiliaryPower;
}

/** Open-circuit voltage of one NMC cell, V: a linear 3.4 V (empty) to 4.2 V (full) approximation. */
export function cellOpenCircuitVoltage(soc: number): number {
  return 3.4 + 0.8 * Math.min(1, Math.max(0, soc));
}

/**
 * Battery current for a power demand, A (discharge positive): solves P = (U₀ − I·R)·I, capped at
 * the maximum power transfer point I = U₀ / 2R.
 */
export function batteryCurrent(openCircuitVoltage: number, resistance: number, power: number): number {
  const discriminant = openCircuitVoltage * openCircuitVoltage - 4 * resistance * power;
  return (openCircuitVoltage - Math.sqrt(Math.max(0, discriminant))) / (2 * resistance);
}
