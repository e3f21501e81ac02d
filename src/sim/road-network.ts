import { LocalFrame, type GeoPoint } from "./geo.ts";
import { connectorBetween, Polyline } from "./polyline.ts";
import { SpecError } from "./spec-error.ts";

// ---- Spec: plain JSON-friendly data, SI units (m, m/s), WGS-84 degrees ----

/** Identifies a node the way the MAP does: road-authority region plus node number. */
export interface NodeRef {
  /** RoadRegulatorID, 0..65535 (0 is for testing only). */
  readonly region: number;
  /** NodeID, 0..65535 (0..255 are for testing only). */
  readonly id: number;
}

/** An intersection or a road end. */
export interface NodeSpec extends NodeRef {
  readonly name?: string;
  /** Centre of the node; every MAP offset inside the node is measured from here. */
  readonly position: GeoPoint;
}

/** A manoeuvre at the end of a lane (bits of CSAE 53 AllowedManeuvers). */
export type Maneuver = "straight" | "left" | "right" | "uTurn";

/** Where a lane leads across the downstream node. */
export interface ConnectionSpec {
  /** The id of the link leaving the node. */
  readonly link: string;
  /** The lane of that link that is reached. */
  readonly lane: number;
  readonly maneuver: Maneuver;
  /** The signal phase controlling this connection; absent when it is not signalised. */
  readonly phase?: number;
}

/** One lane of a link. Lanes are numbered from the left (median side) to the right (kerb side). */
export interface LaneSpec {
  /** LaneID 1..254, unique within the link. */
  readonly id: number;
  /** m */
  readonly width: number;
  /** Manoeuvres allowed at the end of the lane. Default: those of its connections. */
  readonly maneuvers?: readonly Maneuver[];
  /** Lanes of links leaving the downstream node that this lane leads to. */
  readonly connections?: readonly ConnectionSpec[];
}

/** A directed road section from one node to another. */
export interface LinkSpec {
  /** Unique name, used by routes and connections, e.g. "nw-in". */
  readonly id: string;
  readonly name?: string;
  readonly from: NodeRef;
  readonly to: NodeRef;
  /** Maximum speed, m/s. */
  readonly speedLimit: number;
  /**
   * Centre line of the link's carriageway from upstream to downstream, 2 to 31 points. The last
   * point is on the stop line (the downstream end of every lane).
   */
  readonly centreLine: readonly GeoPoint[];
  /** Lanes from left to right; their widths add up to the link width. */
  readonly lanes: readonly LaneSpec[];
}

/** A road network: the source of the MAP and of every vehicle's geometry. */
export interface RoadNetworkSpec {
  readonly nodes: readonly NodeSpec[];
  readonly links: readonly LinkSpec[];
}

// ---- Compiled network: validated, with local ENU geometry ----

export interface Connection extends ConnectionSpec {
  /** The node the connection leads to (the downstream end of `link`). */
  readonly remote: NodeRef;
}

export interface Lane {
  readonly id: number;
  readonly width: number;
  readonly maneuvers: readonly Maneuver[];
  readonly connections: readonly Connection[];
  /** Lane centre line in the network's local frame; its end is the stop line. */
  readonly line: Polyline;
}

export interface Link {
  readonly id: string;
  readonly name?: string;
  readonly from: NodeRef;
  readonly to: NodeRef;
  readonly speedLimit: number;
  readonly width: number;
  readonly centreLine: readonly GeoPoint[];
  readonly line: Polyline;
  readonly lanes: readonly Lane[];
}

export const nodeKey = (ref: NodeRef): string => `${ref.region}/${ref.id}`;

/** A validated road network with its geometry in a local ENU frame centred on the first node. */
export class RoadNetwork {
  readonly spec: RoadNetworkSpec;
  readonly frame: LocalFrame;
  readonly nodes: readonly NodeSpec[];
  readonly links: readonly Link[];
  private readonly linksById: ReadonlyMap<string, Link>;
  private readonly nodesByKey: ReadonlyMap<string, NodeSpec>;

  constructor(spec: RoadNetworkSpec) {
    const first = spec.nodes[0];
    if (first === undefined) throw new SpecError("nodes", "at least one node", "none");
    this.spec = spec;
    this.frame = new LocalFrame(first.position);
    this.nodes = spec.nodes;
    this.nodesByKey = indexNodes(spec.nodes);
    const links = spec.links.map((link, i) => this.compileLink(link, `links[${i}]`));
    this.linksById = new Map(links.map((l) => [l.id, l]));
    this.links = links;
    checkLinks(links);
  }

  node(ref: NodeRef): NodeSpec {
    const node = this.nodesByKey.get(nodeKey(ref));
    if (node === undefined) throw new SpecError("node", `a node of the network`, nodeKey(ref));
    return node;
  }

  link(id: string): Link {
    const link = this.linksById.get(id);
    if (link === undefined) throw new SpecError("link", `one of ${[...this.linksById.keys()].join(", ")}`, id);
    return link;
  }

  lane(linkId: string, laneId: number): Lane {
    const lane = this.link(linkId).lanes.find((l) => l.id === laneId);
    if (lane === undefined) throw new SpecError(`link ${linkId} lane`, "a lane of that link", String(laneId));
    return lane;
  }

  /** Links whose downstream end is the node. */
  linksInto(ref: NodeRef): Link[] {
    const key = nodeKey(ref);
    return this.links.filter((l) => nodeKey(l.to) === key);
  }

  /** The path across the node from the end of a lane to the start of the lane a connection reaches. */
  connectorPath(lane: Lane, connection: Connection): Polyline {
    const target = this.lane(connection.link, connection.lane).line;
    return connectorBetween(lane.line.end, lane.line.endHeading, target.start, target.startHeading);
  }

  private compileLink(spec: LinkSpec, path: string): Link {
    this.node(spec.from);
    this.node(spec.to);
    if (!(spec.speedLimit > 0)) throw new SpecError(`${path}.speedLimit`, "a speed > 0 m/s", String(spec.speedLimit));
    if (spec.centreLine.length < 2 || spec.centreLine.length > 31) {
      throw new SpecError(`${path}.centreLine`, "2 to 31 points", `${spec.centreLine.length}`);
    }
    if (spec.lanes.length < 1 || spec.lanes.length > 32) throw new SpecError(`${path}.lanes`, "1 to 32 lanes", `${spec.lanes.length}`);
    const line = new Polyline(spec.centreLine.map((p) => this.frame.toEnu(p)));
    const width = spec.lanes.reduce((sum, lane) => sum + lane.width, 0);
    let leftEdge = -width / 2;
    const seen = new Set<number>();
    const lanes = spec.lanes.map((lane, j): Lane => {
      const lanePath = `${path}.lanes[${j}]`;
      if (!Number.isInteger(lane.id) || lane.id < 1 || lane.id > 254 || seen.has(lane.id)) {
        throw new SpecError(`${lanePath}.id`, "a lane id 1..254 unique within the link", String(lane.id));
      }
      seen.add(lane.id);
      if (!(lane.width > 0)) throw new SpecError(`${lanePath}.width`, "a width > 0 m", String(lane.width));
      if ((lane.connections?.length ?? 0) > 16) throw new SpecError(`${lanePath}.connections`, "at most 16 connections", String(lane.connections?.length));
      const connections = (lane.connections ?? []).map((c, k): Connection => {
        const target = this.spec.links.find((l) => l.id === c.link);
        if (target === undefined || nodeKey(target.from) !== nodeKey(spec.to)) {
          throw new SpecError(`${lanePath}.connections[${k}].link`, `a link leaving node ${nodeKey(spec.to)}`, c.link);
        }
        if (!target.lanes.some((l) => l.id === c.lane)) throw new SpecError(`${lanePath}.connections[${k}].lane`, `a lane of link ${c.link}`, String(c.lane));
        return { ...c, remote: target.to };
      });
      const centreOffset = leftEdge + lane.width / 2;
      leftEdge += lane.width;
      return {
        id: lane.id,
        width: lane.width,
        maneuvers: lane.maneuvers ?? [...new Set(connections.map((c) => c.maneuver))],
        connections,
        line: line.offset(centreOffset),
      };
    });
    return {
      id: spec.id,
      ...(spec.name === undefined ? {} : { name: spec.name }),
      from: spec.from,
      to: spec.to,
      speedLimit: spec.speedLimit,
      width,
      centreLine: spec.centreLine,
      line,
      lanes,
    };
  }
}

function checkLinks(links: readonly Link[]): void {
  const ids = new Set<string>();
  const pairs = new Set<string>();
  const into = new Map<string, number>();
  for (const link of links) {
    const count = (into.get(nodeKey(link.to)) ?? 0) + 1;
    if (count > 32) throw new SpecError(`node ${nodeKey(link.to)}`, "at most 32 links ending there (MAP LinkList)", String(count));
    into.set(nodeKey(link.to), count);
    if (ids.has(link.id)) throw new SpecError("links", "unique link ids", link.id);
    ids.add(link.id);
    const pair = `${nodeKey(link.from)}->${nodeKey(link.to)}`;
    // The MAP names a link only by its two nodes, so two links between the same nodes would be ambiguous.
    if (pairs.has(pair)) throw new SpecError(`link ${link.id}`, "one link per (from, to) node pair", pair);
    pairs.add(pair);
  }
}

function indexNodes(nodes: readonly NodeSpec[]): Map<string, NodeSpec> {
  const byKey = new Map<string, NodeSpec>();
  nodes.forEach((node, i) => {
    for (const [name, value] of [
      ["region", node.region],
      ["id", node.id],
    ] as const) {
      if (!Number.isInteger(value) || value < 0 || value > 65535) throw new SpecError(`nodes[${i}].${name}`, "an integer 0..65535", String(value));
    }
    if (byKey.has(nodeKey(node))) throw new SpecError(`nodes[${i}]`, "a unique (region, id)", nodeKey(node));
    byKey.set(nodeKey(node), node);
  });
  return byKey;
}
