import type { MapData, NodeReferenceID, SPAT } from "../gen/v2xh/csae53/v1/index.ts";
import { fieldPath, type Violation } from "../violation.ts";

const CLAUSE = "T/CSAE 53-2020 DF_IntersectionState, DF_Movement, DF_Connection";

function nodeKey(id: NodeReferenceID | null | undefined): string {
  return id === null || id === undefined ? "?" : `${id.region ?? "-"}/${id.id}`;
}

function describeNode(id: NodeReferenceID): string {
  return id.region === undefined ? `node ${id.id}` : `node ${id.region}/${id.id}`;
}

/** Phase ids each MAP node's incoming links refer to, by node (region/id). */
function phasesByNode(maps: readonly MapData[]): Map<string, Set<number>> {
  const byNode = new Map<string, Set<number>>();
  for (const map of maps) {
    for (const node of map.nodes) {
      const phases = byNode.get(nodeKey(node.id)) ?? new Set<number>();
      for (const link of node.inLinks) {
        for (const movement of link.movements) if (movement.phaseId !== undefined) phases.add(movement.phaseId);
        for (const lane of link.lanes) for (const connection of lane.connectsTo) if (connection.phaseId !== undefined) phases.add(connection.phaseId);
      }
      byNode.set(nodeKey(node.id), phases);
    }
  }
  return byNode;
}

/**
 * SPAT and MAP tie together only through ids: every SPAT intersection must be a MAP node
 * ("spat-intersection-in-map"), and every phase of it must be the phaseId of a movement or a lane
 * connection on one of that node's incoming links ("spat-phase-in-map"). `path` is where the SPAT
 * sits in the caller's message, e.g. "spatFrame".
 */
export function checkSpatAgainstMap(spat: SPAT, maps: readonly MapData[], path = ""): Violation[] {
  const byNode = phasesByNode(maps);
  const known = [...byNode.keys()].join(", ") || "none";
  const out: Violation[] = [];
  spat.intersections.forEach((intersection, i) => {
    const here = `${fieldPath(path, "intersections")}[${i}]`;
    const phases = byNode.get(nodeKey(intersection.intersectionId));
    if (phases === undefined) {
      out.push({
        path: fieldPath(here, "intersectionId"),
        rule: "spat-intersection-in-map",
        value: intersection.intersectionId === null ? null : describeNode(intersection.intersectionId),
        expected: `a MAP node (region/id: ${known})`,
        clause: CLAUSE,
      });
      return;
    }
    intersection.phases.forEach((phase, j) => {
      if (!phases.has(phase.id)) {
        out.push({
          path: `${fieldPath(here, "phases")}[${j}].id`,
          rule: "spat-phase-in-map",
          value: phase.id,
          expected: `a phaseId of the MAP node's movements or connections (${[...phases].sort((a, b) => a - b).join(", ") || "none"})`,
          clause: CLAUSE,
        });
      }
    });
  });
  return out;
}
