import { ExteriorLight, VehicleEventFlag, type BasicSafetyMessage, type MessageFrame } from "../../schema/gen/v2xh/csae53/v1/index.ts";
import { BsmSender, secMark, toPosition3D, type Random, type VehicleState } from "../../sim/index.ts";
import { POSITION_JUMP_METRES, type ObuBehaviour } from "./behaviour.ts";

/** Events the vehicle reports in safetyExt. */
export interface VehicleEvents {
  readonly hardBraking: boolean;
  readonly hazardLights: boolean;
}

export const NO_EVENTS: VehicleEvents = { hardBraking: false, hazardLights: false };

const METRES_PER_DEGREE_LATITUDE = 111_320;

/**
 * The BSMs of one OBU as its behaviour makes them: the simulator's BSM for the vehicle state, with
 * msgCnt, secMark, id and position as the behaviour says (the reference changes none of them).
 */
export class BsmStream {
  private readonly sender: BsmSender;
  private readonly behaviour: ObuBehaviour;
  private readonly random: Random;
  private msgCnt: number | undefined;
  private count = 0;

  /** `random` is the vehicle's own stream. */
  constructor(random: Random, behaviour: ObuBehaviour) {
    this.sender = new BsmSender(random, { pathHistory: true });
    this.random = random.fork("obu-device");
    this.behaviour = behaviour;
  }

  /** The temporary id the OBU keeps. */
  get id(): Uint8Array {
    return this.sender.id;
  }

  /** The next BSM, describing `state` as sent at `epochMs`. */
  next(state: VehicleState, epochMs: number, events: VehicleEvents = NO_EVENTS): MessageFrame {
    const b = this.behaviour;
    const built = this.sender.build(state, epochMs).bsmFrame;
    if (built === undefined) throw new Error("BsmSender built no BSM");
    this.count++;
    const repeats = b.msgCntRepeatEvery > 0 && this.count % b.msgCntRepeatEvery === 0;
    if (this.msgCnt === undefined) this.msgCnt = built.msgCnt % b.msgCntModulus;
    else if (!repeats) this.msgCnt = (this.msgCnt + b.msgCntStep) % b.msgCntModulus;
    const bsm: BasicSafetyMessage = { ...built, msgCnt: this.msgCnt, secMark: secMark(epochMs + b.secMarkOffsetMs) };
    if (b.sizeUnitFactor !== 1) bsm.size = { ...built.size, width: built.size.width * b.sizeUnitFactor, length: built.size.length * b.sizeUnitFactor };
    if (b.newIdEveryMessage) bsm.id = this.random.bytes(8);
    if (b.positionJumpEvery > 0 && this.count % b.positionJumpEvery === 0) {
      bsm.pos = toPosition3D({ ...state.geo, lat: state.geo.lat + POSITION_JUMP_METRES / METRES_PER_DEGREE_LATITUDE });
    }
    return { bsmFrame: withEvents(bsm, events) };
  }
}

function withEvents(bsm: BasicSafetyMessage, events: VehicleEvents): BasicSafetyMessage {
  if (!events.hardBraking && !events.hazardLights) return bsm;
  const flags = (events.hardBraking ? 1 << VehicleEventFlag.HARD_BRAKING : 0) | (events.hazardLights ? 1 << VehicleEventFlag.HAZARD_LIGHTS : 0);
  const lights = events.hazardLights ? { lights: 1 << ExteriorLight.HAZARD_SIGNAL } : {};
  return { ...bsm, safetyExt: { ...bsm.safetyExt, events: flags, ...lights } };
}
