import {
  SpeedLimitType,
  type Lane as MapLane,
  type Link as MapLink,
  type MapData,
  type Movement,
  type Node as MapNode,
  type NodeReferenceID,
  type Position3D,
  type RoadPoint,
} from "../schema/gen/v2xh/csae53/v1/index.ts";
import type { Enu } from "./geo.ts";
import { positionOffset } from "./position-offset.ts";
import { nodeKey, type Lane, type Link, type Maneuver, type NodeRef, type RoadNetwork } from "./road-network.ts";
import { minuteOfTheYear, toCentimetres, toPosition3D, toWireSpeed } from "./wire-units.ts";

/** Bits of AllowedManeuvers (bit n is `1 << n`). */
const MANEUVER_BITS: Readonly<Record<Maneuver, number>> = { straight: 1 << 0, left: 1 << 1, right: 1 << 2, uTurn: 1 << 3 };
/** LaneSharing bit 3, individualMotorizedVehicleTraffic. */
const SHARED_WITH_MOTOR_VEHICLES = 1 << 3;
const MAX_LANE_WIDTH = 32767;

export function maneuverBits(maneuvers: readonly Maneuver[]): number {
  return maneuvers.reduce((bits, m) => bits | MANEUVER_BITS[m], 0);
}

export function nodeReference(ref: NodeRef): NodeReferenceID {
  return { region: ref.region, id: ref.id };
}

/**
 * The MAP of the network: one Node per network node (or per node in `nodes`), each listing the
 * links that end there with their lanes, centre lines, movements and connections. Points are
 * offsets from the node's refPos.
 */
export function buildMapData(network: RoadNetwork, msgCnt: number, epochMs: number, nodes: readonly NodeRef[] = network.nodes): MapData {
  return {
    msgCnt,
    timeStamp: minuteOfTheYear(epochMs),
    nodes: nodes.map((ref) => mapNode(network, ref)),
  };
}

function mapNode(network: RoadNetwork, ref: NodeRef): MapNode {
  const node = network.node(ref);
  const refPos = toPosition3D(node.position);
  return {
    ...(node.name === undefined ? {} : { name: node.name }),
    id: nodeReference(node),
    refPos,
    inLinks: network.linksInto(node).map((link) => mapLink(network, link, refPos)),
  };
}

function mapLink(network: RoadNetwork, link: Link, refPos: Position3D): MapLink {
  const speedLimits = [{ type: SpeedLimitType.VEHICLE_MAX_SPEED, speed: toWireSpeed(link.speedLimit) }];
  return {
    ...(link.name === undefined ? {} : { name: link.name }),
    upstreamNodeId: nodeReference(link.from),
    speedLimits,
    linkWidth: toCentimetres(link.width, MAX_LANE_WIDTH),
    points: link.centreLine.map((p) => ({ posOffset: positionOffset(refPos, toPosition3D(p)) })),
    movements: movements(link),
    lanes: link.lanes.map((lane) => mapLane(network, lane, refPos)),
  };
}

/** One movement per (downstream node, phase) pair that the link's lanes lead to. */
function movements(link: Link): Movement[] {
  const seen = new Map<string, Movement>();
  for (const lane of link.lanes) {
    for (const c of lane.connections) {
      const key = `${nodeKey(c.remote)}#${c.phase ?? "-"}`;
      if (!seen.has(key)) seen.set(key, { remoteIntersection: nodeReference(c.remote), ...(c.phase === undefined ? {} : { phaseId: c.phase }) });
    }
  }
  return [...seen.values()];
}

function mapLane(network: RoadNetwork, lane: Lane, refPos: Position3D): MapLane {
  return {
    laneID: lane.id,
    laneWidth: toCentimetres(lane.width, MAX_LANE_WIDTH),
    laneAttributes: { shareWith: SHARED_WITH_MOTOR_VEHICLES, laneType: { vehicle: 0 } },
    // No bit set would mean "unknown", so a lane that leads nowhere says nothing instead.
    ...(lane.maneuvers.length === 0 ? {} : { maneuvers: maneuverBits(lane.maneuvers) }),
    connectsTo: lane.connections.map((c) => ({
      remoteIntersection: nodeReference(c.remote),
      connectingLane: { lane: c.lane, maneuver: MANEUVER_BITS[c.maneuver] },
      ...(c.phase === undefined ? {} : { phaseId: c.phase }),
    })),
    speedLimits: [],
    points: lane.line.points.map((p) => roadPoint(network, p, refPos)),
  };
}

function roadPoint(network: RoadNetwork, point: Enu, refPos: Position3D): RoadPoint {
  return { posOffset: positionOffset(refPos, toPosition3D(network.frame.toGeodetic(point))) };
}
