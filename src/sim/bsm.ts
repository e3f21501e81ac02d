import {
  AntiLockBrakeStatus,
  AuxiliaryBrakeStatus,
  BrakeBoostApplied,
  BrakePedalStatus,
  HeadingConfidence,
  SpeedConfidence,
  StabilityControlStatus,
  TractionControlStatus,
  TransmissionState,
  type BasicSafetyMessage,
  type BrakeSystemStatus,
  type MessageFrame,
  type PathHistoryPoint,
  type Position3D,
} from "../schema/gen/v2xh/csae53/v1/index.ts";
import { MsgCounter } from "./msg-count.ts";
import { positionOffset } from "./position-offset.ts";
import type { Random } from "./random.ts";
import type { VehicleState } from "./vehicle.ts";
import { accelerationSet, vehicleClassification, vehicleSize } from "./vehicle-fields.ts";
import { positionConfidence, secMark, toPosition3D, toWireHeading, toWireSpeed } from "./wire-units.ts";

/** How a vehicle's on-board unit reports. */
export interface BsmOptions {
  /** Horizontal position accuracy at 95 % confidence, m. Default: 1 (lane-level GNSS). */
  readonly positionAccuracy: number;
  /** Send safetyExt.pathHistory with the positions of the last seconds. Default: false. */
  readonly pathHistory: boolean;
  /** Time between path-history points, ms. Default: 1000. */
  readonly crumbInterval: number;
}

export const DEFAULT_BSM_OPTIONS: BsmOptions = { positionAccuracy: 1, pathHistory: false, crumbInterval: 1000 };

/** Deceleration from which the brakes count as applied, m/s². */
const BRAKING = 0.3;
/** Deceleration from which ABS counts as engaged, m/s². */
const ABS_ENGAGED = 6;
const ALL_WHEELS_BRAKING = 0b11110;
const MAX_CRUMBS = 23;
/** TimeOffset counts 10 ms steps up to 65534 (655.34 s). */
const MAX_CRUMB_AGE = 655_340;

interface Crumb {
  readonly at: number;
  readonly pos: Position3D;
  readonly speed: number;
  readonly heading: number;
}

/**
 * The BSM source of one vehicle: a stable 8-byte temporary id and a msgCnt starting point drawn
 * from the vehicle's random stream, and the path-history points seen so far.
 */
export class BsmSender {
  readonly id: Uint8Array;
  private readonly options: BsmOptions;
  private readonly counter: MsgCounter;
  private crumbs: Crumb[] = [];

  /** `random` is the vehicle's own stream; the sender forks "bsm" from it. */
  constructor(random: Random, options: Partial<BsmOptions> = {}) {
    const stream = random.fork("bsm");
    this.id = stream.bytes(8);
    this.counter = new MsgCounter(stream);
    this.options = { ...DEFAULT_BSM_OPTIONS, ...options };
  }

  /** The next BSM, describing `state` as generated at `epochMs`. */
  build(state: VehicleState, epochMs: number): MessageFrame {
    const bsm = bsmOf(state, this.id, this.counter.next(), epochMs, this.options.positionAccuracy);
    if (!this.options.pathHistory) return { bsmFrame: bsm };
    this.crumbs = this.crumbs.filter((c) => epochMs - c.at <= MAX_CRUMB_AGE).slice(-MAX_CRUMBS);
    // Newest first; every stored crumb is older than this message.
    const history = this.crumbs.map((c) => crumb(c, bsm.pos, epochMs)).reverse();
    const last = this.crumbs[this.crumbs.length - 1];
    if (last === undefined || epochMs - last.at >= this.options.crumbInterval) {
      this.crumbs.push({ at: epochMs, pos: bsm.pos, speed: bsm.speed, heading: state.heading });
    }
    return { bsmFrame: history.length === 0 ? bsm : { ...bsm, safetyExt: { pathHistory: { crumbData: history } } } };
  }
}

function bsmOf(state: VehicleState, id: Uint8Array, msgCnt: number, epochMs: number, positionAccuracy: number): BasicSafetyMessage {
  // Half the 95 % radius approximates the one-sigma ellipse of a circular error.
  const semiAxis = Math.min(254, Math.round(positionAccuracy / 2 / 0.05));
  return {
    msgCnt,
    id,
    secMark: secMark(epochMs),
    pos: toPosition3D(state.geo),
    posAccuracy: { semiMajor: semiAxis, semiMinor: semiAxis, orientation: 0 },
    posConfidence: positionConfidence(positionAccuracy),
    transmission: TransmissionState.FORWARD_GEARS,
    speed: toWireSpeed(state.speed),
    heading: toWireHeading(state.heading),
    motionCfd: { speedCfd: SpeedConfidence.PREC0P1MS, headingCfd: HeadingConfidence.PREC01DEG },
    accelSet: accelerationSet(state),
    brakes: brakes(state.acceleration),
    size: vehicleSize(state),
    vehicleClass: vehicleClassification(state),
  };
}

function brakes(acceleration: number): BrakeSystemStatus {
  const braking = acceleration <= -BRAKING;
  return {
    brakePedal: braking ? BrakePedalStatus.ON : BrakePedalStatus.OFF,
    wheelBrakes: braking ? ALL_WHEELS_BRAKING : 0,
    traction: TractionControlStatus.ON,
    abs: acceleration <= -ABS_ENGAGED ? AntiLockBrakeStatus.ENGAGED : AntiLockBrakeStatus.ON,
    scs: StabilityControlStatus.ON,
    brakeBoost: BrakeBoostApplied.OFF,
    auxBrakes: AuxiliaryBrakeStatus.OFF,
  };
}

function crumb(c: Crumb, current: Position3D, epochMs: number): PathHistoryPoint {
  return {
    llvOffset: positionOffset(current, c.pos),
    timeOffset: Math.min(65534, Math.max(1, Math.round((epochMs - c.at) / 10))),
    speed: c.speed,
    heading: Math.round(c.heading / 1.5) % 240,
  };
}
