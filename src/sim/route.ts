import type { PointOnLine, Polyline } from "./polyline.ts";
import type { Random } from "./random.ts";
import type { Connection, Lane, NodeRef, RoadNetwork } from "./road-network.ts";
import { nodeKey } from "./road-network.ts";
import { SpecError } from "./spec-error.ts";

/** The links a vehicle drives, in order; consecutive links must meet at a node and be connected by lanes. */
export interface RouteSpec {
  readonly links: readonly string[];
  /**
   * The lane to use on each link, in the same order. Default: a lane that leads on to the next
   * link, chosen with the vehicle's random stream where there are several.
   */
  readonly lanes?: readonly number[];
}

/** Where a connection's signal is checked: the stop line at the end of a lane. */
export interface StopLine {
  /** Distance along the path, m. */
  readonly at: number;
  readonly node: NodeRef;
  readonly phase: number;
}

/** A stretch of the path: a lane of a link, or the connector across a node. */
export interface PathSegment {
  readonly kind: "lane" | "connector";
  /** Identifies the stretch for every vehicle that uses it ("link#lane" or "link#lane>link#lane"). */
  readonly key: string;
  readonly line: Polyline;
  /** Distance along the path where the segment starts, m. */
  readonly start: number;
  /** Speed limit on the segment, m/s (for a connector: also the speed the curve allows). */
  readonly speedLimit: number;
  /** For a connector: the lanes it joins, so vehicles on it can be seen from both. */
  readonly from?: { readonly key: string; readonly length: number };
  readonly to?: { readonly key: string };
}

/** A planned route: the segments end to end, measured from the start of the first lane. */
export interface Path {
  readonly segments: readonly PathSegment[];
  readonly length: number;
  /** Signalised stop lines in path order. */
  readonly stopLines: readonly StopLine[];
}

export const laneKey = (linkId: string, laneId: number): string => `${linkId}#${laneId}`;

/** Turns a route into a path: picks lanes, builds connectors, places stop lines. */
export function planRoute(network: RoadNetwork, route: RouteSpec, random: Random, lateralAcceleration: number): Path {
  const lanes = chooseLanes(network, route, random);
  const segments: PathSegment[] = [];
  const stopLines: StopLine[] = [];
  let at = 0;
  lanes.forEach(({ linkId, lane, connection }) => {
    const link = network.link(linkId);
    segments.push({ kind: "lane", key: laneKey(linkId, lane.id), line: lane.line, start: at, speedLimit: link.speedLimit });
    at += lane.line.length;
    if (connection === undefined) return;
    if (connection.phase !== undefined) stopLines.push({ at, node: link.to, phase: connection.phase });
    const line = network.connectorPath(lane, connection);
    const next = network.link(connection.link);
    segments.push({
      kind: "connector",
      key: `${laneKey(linkId, lane.id)}>${laneKey(connection.link, connection.lane)}`,
      line,
      start: at,
      speedLimit: Math.min(next.speedLimit, curveSpeed(line, lateralAcceleration)),
      from: { key: laneKey(linkId, lane.id), length: lane.line.length },
      to: { key: laneKey(connection.link, connection.lane) },
    });
    at += line.length;
  });
  return { segments, length: at, stopLines };
}

/** Index of the segment holding path distance `s` (the last one for s at or beyond the end). */
export function segmentIndexAt(path: Path, s: number): number {
  let lo = 0;
  let hi = path.segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((path.segments[mid] as PathSegment).start <= s) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The point `s` m along the path. */
export function pointOnPath(path: Path, s: number): PointOnLine {
  const segment = path.segments[segmentIndexAt(path, s)] as PathSegment;
  return segment.line.at(s - segment.start);
}

/** Speed at which a curve is driven at a given lateral acceleration (v² = a·r, r = length / turn angle). */
function curveSpeed(line: Polyline, lateralAcceleration: number): number {
  const turn = Math.abs(((line.endHeading - line.startHeading + 540) % 360) - 180) * (Math.PI / 180);
  return turn < 0.05 ? Infinity : Math.sqrt(lateralAcceleration * (line.length / turn));
}

interface LaneStep {
  readonly linkId: string;
  readonly lane: Lane;
  /** How the lane continues onto the next link; absent on the last link. */
  readonly connection?: Connection;
}

/**
 * Lanes that make the route drivable without lane changes inside a link: works backwards to find,
 * for each link, the lanes from which the rest of the route can be followed, then walks forwards
 * picking among them.
 */
function chooseLanes(network: RoadNetwork, route: RouteSpec, random: Random): LaneStep[] {
  const links = route.links.map((id) => network.link(id));
  if (links.length === 0) throw new SpecError("route.links", "at least one link", "none");
  links.forEach((link, i) => {
    const next = links[i + 1];
    if (next !== undefined && nodeKey(link.to) !== nodeKey(next.from)) {
      throw new SpecError(`route.links[${i + 1}]`, `a link leaving node ${nodeKey(link.to)} (where ${link.id} ends)`, next.id);
    }
  });
  const wanted = (i: number, lane: Lane): boolean => route.lanes?.[i] === undefined || route.lanes[i] === lane.id;
  const usable: Set<number>[] = [];
  for (let i = links.length - 1; i >= 0; i--) {
    const link = links[i] as (typeof links)[number];
    const next = links[i + 1];
    const after = usable[i + 1];
    const lanes = link.lanes.filter((lane) => wanted(i, lane) && (next === undefined || lane.connections.some((c) => c.link === next.id && after?.has(c.lane) === true)));
    if (lanes.length === 0) {
      throw new SpecError(`route.links[${i}]`, `a lane of ${link.id} from which the route can be followed${next === undefined ? "" : ` onto ${next.id}`}`, "none");
    }
    usable[i] = new Set(lanes.map((l) => l.id));
  }
  const steps: LaneStep[] = [];
  let lane = random.pick((links[0] as (typeof links)[number]).lanes.filter((l) => usable[0]?.has(l.id)));
  links.forEach((link, i) => {
    const next = links[i + 1];
    if (next === undefined) {
      steps.push({ linkId: link.id, lane });
      return;
    }
    const connection = random.pick(lane.connections.filter((c) => c.link === next.id && usable[i + 1]?.has(c.lane) === true));
    steps.push({ linkId: link.id, lane, connection });
    lane = network.lane(next.id, connection.lane);
  });
  return steps;
}
