import { describe, expect, it } from "vitest";
import { encodeProtobuf, formatViolation, loadRegistry, validateRules } from "../../../src/schema/index.ts";
import type { PositionOffsetLL } from "../../../src/schema/gen/v2xh/csae53/v1/index.ts";
import { buildMapData } from "../../../src/sim/map-message.ts";
import { RoadNetwork, type RoadNetworkSpec } from "../../../src/sim/road-network.ts";
import { SpecError } from "../../../src/sim/spec-error.ts";
import { CENTRE_NODE, NETWORK, START } from "../../fixtures/sim/yizhuang.ts";

const registry = loadRegistry();
const network = new RoadNetwork(NETWORK);

function lonLat(offset: PositionOffsetLL): [number, number] {
  const pair = offset.positionLl1 ?? offset.positionLl2 ?? offset.positionLl3 ?? offset.positionLl4 ?? offset.positionLl5 ?? offset.positionLl6;
  if (pair === undefined) throw new Error("expected a relative offset");
  return [pair.lon, pair.lat];
}

describe("buildMapData", () => {
  const map = buildMapData(network, 5, START);

  it("builds a MAP that passes the rule validator and encodes", () => {
    expect(validateRules(registry, "v2xh.csae53.v1.MessageFrame", { mapFrame: map }).map(formatViolation)).toEqual([]);
    expect(encodeProtobuf(registry, "v2xh.csae53.v1.MessageFrame", { mapFrame: map }).length).toBeGreaterThan(500);
  });

  it("lists each node with the links that end there, their lanes, movements and signal phases", () => {
    expect(map.nodes.map((n) => n.id)).toEqual([{ region: 110, id: 1001 }, ...[1002, 1003, 1004, 1005].map((id) => ({ region: 110, id }))]);
    const centre = map.nodes[0];
    expect(centre?.refPos).toEqual({ lat: 398003900, lon: 1164945800, elevation: 330 });
    expect(centre?.inLinks.map((l) => l.upstreamNodeId.id)).toEqual([1002, 1003, 1004, 1005]);
    const nw = centre?.inLinks[0];
    expect(nw?.lanes.map((l) => [l.laneID, l.maneuvers, l.laneWidth])).toEqual([
      [1, 0b10, 350],
      [2, 0b1, 350],
      [3, 0b101, 350],
    ]);
    expect(nw?.lanes[2]?.connectsTo).toEqual([
      { remoteIntersection: { region: 110, id: 1004 }, connectingLane: { lane: 3, maneuver: 1 }, phaseId: 1 },
      { remoteIntersection: { region: 110, id: 1005 }, connectingLane: { lane: 3, maneuver: 4 }, phaseId: 1 },
    ]);
    expect(nw?.movements).toEqual([
      { remoteIntersection: { region: 110, id: 1003 }, phaseId: 2 },
      { remoteIntersection: { region: 110, id: 1004 }, phaseId: 1 },
      { remoteIntersection: { region: 110, id: 1005 }, phaseId: 1 },
    ]);
    expect(nw?.speedLimits).toEqual([{ type: 5, speed: 833 }]);
    expect(nw?.linkWidth).toBe(1050);
    // Exits end at road-end nodes and lead nowhere further.
    expect(map.nodes[1]?.inLinks[0]?.lanes[0]?.connectsTo).toEqual([]);
  });

  it("gives lane points as offsets that lead back to the lane geometry within a centimetre", () => {
    const centre = map.nodes[0];
    const ref = centre?.refPos;
    if (centre === undefined || ref === undefined) throw new Error("no centre node");
    centre.inLinks.forEach((link, i) => {
      link.lanes.forEach((lane, j) => {
        const geometry = network.links[i]?.lanes[j]?.line.points ?? [];
        expect(lane.points).toHaveLength(geometry.length);
        lane.points.forEach((p, k) => {
          const [dLon, dLat] = lonLat(p.posOffset.offsetLL);
          const enu = network.frame.toEnu({ lat: (ref.lat + dLat) / 1e7, lon: (ref.lon + dLon) / 1e7, elevation: 33 });
          const expected = geometry[k];
          expect(Math.hypot(enu.east - (expected?.east ?? NaN), enu.north - (expected?.north ?? NaN))).toBeLessThan(0.01);
        });
      });
    });
  });

  it("spaces the lanes of a link by their widths", () => {
    const lanes = network.link("se-in").lanes;
    const [l1, l3] = [lanes[0]?.line.end, lanes[2]?.line.end];
    expect(Math.hypot((l1?.east ?? 0) - (l3?.east ?? 0), (l1?.north ?? 0) - (l3?.north ?? 0))).toBeCloseTo(7, 6);
  });

  it("sends only the nodes asked for", () => {
    expect(buildMapData(network, 0, START, [CENTRE_NODE]).nodes).toHaveLength(1);
  });
});

describe("RoadNetwork", () => {
  const bad = (change: (spec: RoadNetworkSpec) => RoadNetworkSpec): (() => RoadNetwork) => () => new RoadNetwork(change(NETWORK));

  it("rejects specs it cannot build, saying where and what was expected", () => {
    expect(bad((s) => ({ ...s, nodes: [...s.nodes, s.nodes[0] as (typeof s.nodes)[number]] }))).toThrow(/nodes\[5\]: expected a unique \(region, id\), got 110\/1001/);
    expect(bad((s) => ({ ...s, links: s.links.map((l, i) => (i === 0 ? { ...l, centreLine: l.centreLine.slice(0, 1) } : l)) }))).toThrow(/links\[0\]\.centreLine: expected 2 to 31 points, got 1/);
    expect(bad((s) => ({ ...s, links: s.links.map((l, i) => (i === 0 ? { ...l, lanes: [{ id: 0, width: 3.5 }] } : l)) }))).toThrow(SpecError);
    expect(
      bad((s) => ({ ...s, links: s.links.map((l, i) => (i === 0 ? { ...l, lanes: [{ id: 1, width: 3.5, connections: [{ link: "nw-in", lane: 1, maneuver: "left" }] }] } : l)) })),
    ).toThrow(/a link leaving node 110\/1001, got nw-in/);
    expect(bad((s) => ({ ...s, links: [...s.links, { ...(s.links[0] as (typeof s.links)[number]), id: "copy" }] }))).toThrow(/one link per \(from, to\) node pair/);
  });
});
