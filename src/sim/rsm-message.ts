import {
  ParticipantType,
  SourceType,
  TransmissionState,
  type ParticipantData,
  type Position3D,
  type RoadsideSafetyMessage,
} from "../schema/gen/v2xh/csae53/v1/index.ts";
import { positionOffset } from "./position-offset.ts";
import type { VehicleState } from "./vehicle.ts";
import { accelerationSet, vehicleClassification, vehicleSize } from "./vehicle-fields.ts";
import { positionConfidence, secMark, toPosition3D, toWireHeading, toWireSpeed } from "./wire-units.ts";

/** How an RSU learned of the participants it reports. */
export type RsmSource = "v2x" | "video" | "microwaveRadar" | "loop" | "lidar" | "integrated";

export const RSM_SOURCES: Readonly<Record<RsmSource, SourceType>> = {
  v2x: SourceType.V2X,
  video: SourceType.VIDEO,
  microwaveRadar: SourceType.MICROWAVE_RADAR,
  loop: SourceType.LOOP,
  lidar: SourceType.LIDAR,
  integrated: SourceType.INTEGRATED,
};

/** A participant list may hold at most 16 entries. */
export const MAX_PARTICIPANTS = 16;

/** One detected vehicle: its RSU-assigned number and, when known, the temporary id of its BSMs. */
export interface DetectedVehicle {
  readonly ptcId: number;
  readonly state: VehicleState;
  readonly bsmId?: Uint8Array;
}

/** What an RSM needs to know about its sender. */
export interface RsmSender {
  readonly id: Uint8Array;
  readonly refPos: Position3D;
  readonly source: RsmSource;
  /** Position accuracy of the detections, m at 95 %. */
  readonly accuracy: number;
}

/** One RSM per 16 participants (in the order given); none when nothing was detected. `msgCnt` numbers them. */
export function buildRsms(sender: RsmSender, detected: readonly DetectedVehicle[], epochMs: number, msgCnt: () => number): RoadsideSafetyMessage[] {
  const out: RoadsideSafetyMessage[] = [];
  for (let i = 0; i < detected.length; i += MAX_PARTICIPANTS) {
    out.push({
      msgCnt: msgCnt(),
      id: sender.id,
      refPos: sender.refPos,
      participants: detected.slice(i, i + MAX_PARTICIPANTS).map((d) => participant(sender, d, epochMs)),
    });
  }
  return out;
}

function participant(sender: RsmSender, { ptcId, state, bsmId }: DetectedVehicle, epochMs: number): ParticipantData {
  return {
    ptcType: ParticipantType.MOTOR,
    ptcId,
    source: RSM_SOURCES[sender.source],
    // Only a participant heard over V2X is known by its BSM id.
    ...(sender.source === "v2x" && bsmId !== undefined ? { id: bsmId } : {}),
    secMark: secMark(epochMs),
    pos: positionOffset(sender.refPos, toPosition3D(state.geo)),
    posConfidence: positionConfidence(sender.accuracy),
    transmission: TransmissionState.FORWARD_GEARS,
    speed: toWireSpeed(state.speed),
    heading: toWireHeading(state.heading),
    accelSet: accelerationSet(state),
    size: vehicleSize(state),
    vehicleClass: vehicleClassification(state),
  };
}
