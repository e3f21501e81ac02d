/**
 * Longitudinal driver model: the Intelligent Driver Model (Treiber, Hennecke & Helbing 2000), with
 * the ballistic position update. Pure functions over SI values.
 */

/** How a driver accelerates, brakes and follows. */
export interface DriverSpec {
  /** IDM maximum acceleration a, m/s². Default: 1.5. */
  readonly maxAcceleration: number;
  /** IDM comfortable deceleration b, m/s²; also the largest braking a driver accepts to stop at a yellow light. Default: 2.5. */
  readonly comfortableDeceleration: number;
  /** The hardest braking the vehicle can do, m/s². Default: 8. */
  readonly maxDeceleration: number;
  /** IDM minimum bumper-to-bumper gap when stopped, s0, m. Default: 2. */
  readonly minGap: number;
  /** IDM desired time headway T, s. Default: 1.5. */
  readonly timeHeadway: number;
  /** IDM acceleration exponent δ. Default: 4. */
  readonly exponent: number;
  /** Largest lateral acceleration the driver takes a curve at, m/s² (sets turning speeds). Default: 2. */
  readonly lateralAcceleration: number;
}

export const DEFAULT_DRIVER: DriverSpec = {
  maxAcceleration: 1.5,
  comfortableDeceleration: 2.5,
  maxDeceleration: 8,
  minGap: 2,
  timeHeadway: 1.5,
  exponent: 4,
  lateralAcceleration: 2,
};

/** Something ahead to follow: a vehicle's rear, or a stop line treated as a standing obstacle. */
export interface Obstacle {
  /** Bumper-to-bumper distance, m. */
  readonly gap: number;
  /** Its speed, m/s. */
  readonly speed: number;
}

/** IDM acceleration, clamped to what the vehicle can do. */
export function idmAcceleration(driver: DriverSpec, speed: number, desiredSpeed: number, obstacle: Obstacle | undefined): number {
  const free = desiredSpeed > 0 ? 1 - (speed / desiredSpeed) ** driver.exponent : -Infinity;
  let interaction = 0;
  if (obstacle !== undefined) {
    if (obstacle.gap <= 0) return -driver.maxDeceleration;
    const dynamicGap = speed * driver.timeHeadway + (speed * (speed - obstacle.speed)) / (2 * Math.sqrt(driver.maxAcceleration * driver.comfortableDeceleration));
    const desiredGap = driver.minGap + Math.max(0, dynamicGap);
    interaction = (desiredGap / obstacle.gap) ** 2;
  }
  const a = driver.maxAcceleration * (free - interaction);
  return Math.min(driver.maxAcceleration, Math.max(-driver.maxDeceleration, Number.isFinite(a) ? a : -driver.maxDeceleration));
}

/**
 * The highest speed from which a driver braking at `deceleration` slows to `targetSpeed` within
 * `distance`: how fast one may approach a slower zone or a stop.
 */
export function approachSpeed(targetSpeed: number, distance: number, deceleration: number): number {
  return Math.sqrt(targetSpeed * targetSpeed + 2 * deceleration * Math.max(0, distance));
}

/** Position and speed after `dt` s of constant acceleration; a braking vehicle stops and stays stopped. */
export function integrate(position: number, speed: number, acceleration: number, dt: number): { position: number; speed: number } {
  const next = speed + acceleration * dt;
  if (next >= 0) return { position: position + speed * dt + 0.5 * acceleration * dt * dt, speed: next };
  return { position: position - (speed * speed) / (2 * acceleration), speed: 0 };
}
