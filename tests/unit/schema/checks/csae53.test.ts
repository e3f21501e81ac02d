/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- the tests edit fixture JSON freely */
import { describe, expect, it } from "vitest";
import { decodeJson, loadRegistry, validateRules } from "../../../../src/schema/index.ts";
import { validFixtures } from "../../../helpers/fixtures.ts";

const registry = loadRegistry();
const FRAME = "v2xh.csae53.v1.MessageFrame";
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function fixture(name: string): Json {
  const found = validFixtures("csae53").find((f) => f.file.endsWith(`/${name}.json`));
  if (found === undefined) throw new Error(`no fixture ${name}`);
  return structuredClone(found.message);
}

function violations(frame: Json) {
  return validateRules(registry, FRAME, decodeJson(registry, FRAME, frame)).map((v) => ({ path: v.path, rule: v.rule }));
}

describe("spat-end-times-ordered", () => {
  const countingPath = "spatFrame.intersections[0].phases[0].phaseStates[0].timing.counting";

  function withCounting(counting: Json): Json {
    const spat = fixture("spat");
    spat["spatFrame"].intersections[0].phases[0].phaseStates[0].timing = { counting: { startTime: 0, ...counting } };
    return spat;
  }

  it("accepts min <= likely <= max and equal ends", () => {
    expect(violations(withCounting({ minEndTime: 50, likelyEndTime: 50, maxEndTime: 50 }))).toEqual([]);
  });

  it("reports likely after max", () => {
    expect(violations(withCounting({ minEndTime: 50, likelyEndTime: 300, maxEndTime: 200 }))).toEqual([{ path: countingPath, rule: "spat-end-times-ordered" }]);
  });

  it("skips 36000 (more than an hour) and 36001 (unknown)", () => {
    expect(violations(withCounting({ minEndTime: 50, likelyEndTime: 100, maxEndTime: 36001 }))).toEqual([]);
    expect(violations(withCounting({ minEndTime: 36000, likelyEndTime: 100 }))).toEqual([]);
  });

  it("orders UTC marks across the top of the hour", () => {
    const spat = fixture("spat");
    spat["spatFrame"].intersections[0].phases[0].phaseStates[0].timing = {
      utcTiming: { startUTCTime: 35900, minEndUTCTime: 35990, likelyEndUTCTime: 50, maxEndUTCTime: 150 },
    };
    expect(violations(spat)).toEqual([]);
    spat["spatFrame"].intersections[0].phases[0].phaseStates[0].timing.utcTiming.maxEndUTCTime = 35950;
    expect(violations(spat)).toEqual([{ path: "spatFrame.intersections[0].phases[0].phaseStates[0].timing.utcTiming", rule: "spat-end-times-ordered" }]);
  });
});

describe("map checks", () => {
  it("exempts laneID 0 (unknown) from uniqueness", () => {
    const map = fixture("map");
    const lanes = map["mapFrame"].nodes[0].inLinks[0].lanes as Json[];
    lanes[0] = { ...lanes[0], laneID: 0 };
    lanes[1] = { ...lanes[1], laneID: 0 };
    expect(violations(map)).toEqual([]);
  });

  /** The fixture's one node plus a second one at the same place with another id and no links. */
  function withSecondNode(id: Json): Json {
    const map = fixture("map");
    const nodes = map["mapFrame"].nodes as Json[];
    nodes.push({ id, refPos: nodes[0]?.["refPos"] });
    return map;
  }

  it("treats a node id without region as different from the same id with a region", () => {
    const map = fixture("map");
    const first = (map["mapFrame"].nodes as Json[])[0]?.["id"] as Json;
    expect(violations(withSecondNode({ id: first["id"] }))).toEqual([]);
    expect(violations(withSecondNode({ ...first }))).toEqual([{ path: "mapFrame.nodes[1].id", rule: "map-node-ids-unique" }]);
  });

  it("accepts a node with its OPTIONAL links absent, and a link with no optional lists", () => {
    const map = withSecondNode({ region: 110, id: 2001 });
    const nodes = map["mapFrame"].nodes as Json[];
    const link = nodes[0]?.["inLinks"][0] as Json;
    for (const optional of ["speedLimits", "points", "movements"]) delete link[optional];
    expect(violations(map)).toEqual([]);
  });
});

describe("rsi-priority-low-bits-zero", () => {
  it("accepts the highest priority 0xE0 and reports 0xE1", () => {
    const rsi = fixture("rsi");
    const rte = (rsi["rsiFrame"].rtes as Json[])[0] as Json;
    rte["priority"] = Buffer.from([0xe0]).toString("base64");
    expect(violations(rsi)).toEqual([]);
    rte["priority"] = Buffer.from([0xe1]).toString("base64");
    expect(violations(rsi)).toEqual([{ path: "rsiFrame.rtes[0].priority", rule: "rsi-priority-low-bits-zero" }]);
  });
});
