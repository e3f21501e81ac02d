import { describe, expect, it } from "vitest";
import { loadScenario } from "../../../../src/sim/scenario/load-scenario.ts";
import { formatScenarioError } from "../../../../src/sim/scenario/scenario-error.ts";
import { set, smallScenarioYaml } from "./small-scenario.ts";

const FILE = "scenarios/x.yaml";

function errorLines(text: string): string[] {
  const result = loadScenario({ text, file: FILE });
  return result.ok ? [] : result.errors.map(formatScenarioError);
}

function warningLines(text: string): string[] {
  const result = loadScenario({ text, file: FILE });
  return result.ok ? result.warnings.map(formatScenarioError) : result.errors.map((e) => `unexpected error: ${formatScenarioError(e)}`);
}

interface Case {
  readonly name: string;
  readonly text: string;
  readonly errors: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: "YAML syntax error, placed by line and column",
    text: "name: x\nseed: [1, 2\nduration: 3\n",
    errors: [`${FILE}: line 3, column 1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`],
  },
  {
    name: "repeated key",
    text: "name: x\nseed: 1\nseed: 2\n",
    errors: [`${FILE}: line 3, column 1: YAML: Map keys must be unique`],
  },
  {
    name: "unknown key",
    text: smallScenarioYaml((s) => set(s.vehicleGroups[0]!, "colour", "red")),
    errors: [`${FILE}: /vehicleGroups/0/colour: unknown key (expected one of name, count, route, departure, desiredSpeed, vehicleClass, fuelType, size, driver, obu, tbox, loop)`],
  },
  {
    name: "wrong type",
    text: smallScenarioYaml((s) => set(s.vehicleGroups[0]!, "count", "ten")),
    errors: [`${FILE}: /vehicleGroups/0/count: wrong type (expected an integer, got "ten")`],
  },
  {
    name: "count 0",
    text: smallScenarioYaml((s) => (s.vehicleGroups[0]!.count = 0)),
    errors: [`${FILE}: /vehicleGroups/0/count: must be >= 1 (got 0)`],
  },
  {
    name: "missing key and malformed start",
    text: smallScenarioYaml((s) => {
      Reflect.deleteProperty(s, "duration");
      s.start = "tomorrow";
    }),
    errors: [`${FILE}: /duration: required key is missing`, `${FILE}: /start: malformed (expected an ISO 8601 date-time with a time zone, e.g. 2025-06-02T16:00:00+08:00, got "tomorrow")`],
  },
  {
    name: "a route through a link that does not exist",
    text: smallScenarioYaml((s) => (s.vehicleGroups[0]!.route.links = ["w-in", "nowhere"])),
    errors: [`${FILE}: /vehicleGroups/0/route/links/1: unknown link (expected a link of the network: "w-in", "e-out", "n-out", got "nowhere")`],
  },
  {
    name: "a route whose links do not connect",
    text: smallScenarioYaml((s) => (s.vehicleGroups[0]!.route.links = ["e-out", "n-out"])),
    errors: [`${FILE}: /vehicleGroups/0/route/links/1: does not start where "e-out" ends (expected a link leaving node 110/3, got "n-out", which leaves 110/1)`],
  },
  {
    name: "a route turning where no lane connection allows it",
    text: smallScenarioYaml((s) => {
      const at = (lon: number) => ({ lat: 39.80003, lon, elevation: 40 });
      s.network.links.push({ id: "w-out", from: 1, to: 2, speedLimit: 50, centreLine: [at(116.4997), at(116.497)], lanes: [{ id: 1, width: 3.5 }] });
      s.vehicleGroups[0]!.route.links = ["w-in", "w-out"];
    }),
    errors: [`${FILE}: /vehicleGroups/0/route/links/1: no lane of "w-in" connects to it (expected a link a lane of "w-in" connects to: "n-out", "e-out", got "w-out")`],
  },
  {
    name: "a route that needs a lane change",
    text: smallScenarioYaml((s) => {
      const at = (lon: number) => ({ lat: 39.79997, lon, elevation: 40 });
      s.network.nodes.push({ id: 5, position: at(116.506) });
      s.network.links[1]!.lanes = [{ id: 1, width: 3.5, connections: [{ link: "e-on", lane: 1, maneuver: "straight" }] }, { id: 2, width: 3.5 }];
      s.network.links.push({ id: "e-on", from: 3, to: 5, speedLimit: 50, centreLine: [at(116.503), at(116.506)], lanes: [{ id: 1, width: 3.5 }] });
      s.network.links[0]!.lanes[1]!.connections = [{ link: "e-out", lane: 2, maneuver: "straight", phase: 1 }];
      s.vehicleGroups[0]!.route.links = ["w-in", "e-out", "e-on"];
    }),
    errors: [`${FILE}: /vehicleGroups/0/route/links/0: cannot be followed without changing lanes (expected a lane of "w-in" with a connection onto "e-out" from which the rest of the route can be followed, got no such lane)`],
  },
  {
    name: "a lane connection to a phase missing from the node's plan",
    text: smallScenarioYaml((s) => (s.network.links[0]!.lanes[0]!.connections![0]!.phase = 7)),
    errors: [
      `${FILE}: /network/links/0/lanes/0/connections/0/phase: unknown phase (expected a phase of node 110/1's signal plan: 1, 2, got 7)`,
      `${FILE}: /signals/0/phases/1/id: no lane connection into node 110/1 uses this phase (expected a phase that some connection names, got 2)`,
    ],
  },
  {
    name: "a lane connection to a link that does not leave the node",
    text: smallScenarioYaml((s) => (s.network.links[0]!.lanes[0]!.connections![0]!.link = "w-in")),
    errors: [
      `${FILE}: /network/links/0/lanes/0/connections/0/link: does not leave the node this lane leads to (expected a link leaving node 110/1, where "w-in" ends: "e-out", "n-out", got "w-in", which leaves 110/2)`,
    ],
  },
  {
    name: "duplicate group names",
    text: smallScenarioYaml((s) => s.vehicleGroups.push({ ...s.vehicleGroups[0]! })),
    errors: [`${FILE}: /vehicleGroups/1/name: duplicate group name, also at /vehicleGroups/0/name (expected a group name used once, got "cars")`],
  },
  {
    name: "an RSU naming an unknown node, an alarm on a car without T-Box, and two departure spacings",
    text: smallScenarioYaml((s) => {
      s.rsus[0]!.mapNodes = [9];
      s.events[0]!.vehicles = [1, 2];
      s.vehicleGroups[0]!.departure = { headway: 5, rate: 100 };
    }),
    errors: [
      `${FILE}: /rsus/0/mapNodes/0: unknown node (expected a node of the network: 110/1, 110/2, 110/3, 110/4, got 110/9)`,
      `${FILE}: /vehicleGroups/0/departure/rate: give headway or rate, not both (expected no rate beside a headway)`,
      `${FILE}: /events/0/vehicles/0: vehicle cars-1 has no T-Box (expected a T-Box vehicle of the group: 2, 4, got 1)`,
    ],
  },
  {
    name: "SPAT for a node without a signal plan, and an event ending before it starts",
    text: smallScenarioYaml((s) => {
      s.rsus[0]!.spatNodes = [2];
      s.rsus[0]!.events![0]!.until = 5;
    }),
    errors: [
      `${FILE}: /rsus/0/spatNodes/0: node has no signal plan (expected a signalised node: 110/1, got 110/2)`,
      `${FILE}: /rsus/0/events/0/until: must be after from (expected > 10, got 5)`,
    ],
  },
  {
    name: "a distribution out of order",
    text: smallScenarioYaml((s) => (s.vehicleGroups[0]!.desiredSpeed = { mean: 30, sd: 1, min: 40, max: 50 })),
    errors: [`${FILE}: /vehicleGroups/0/desiredSpeed: min, mean and max out of order (expected min <= mean <= max, got mean below min)`],
  },
];

describe("loadScenario on bad files", () => {
  it.each(CASES)("$name", ({ text, errors }) => {
    expect(errorLines(text)).toEqual(errors);
  });

  it("places schema and rule errors by line and column too", () => {
    const text = smallScenarioYaml((s) => (s.vehicleGroups[0]!.count = 0));
    const result = loadScenario({ text, file: FILE });
    const lines = text.split("\n");
    const line = lines.findIndex((l) => l.includes("count: 0"));
    const column = (lines[line] ?? "").indexOf("count: 0") + "count: ".length;
    expect(result.ok ? [] : result.errors.map((e) => [e.line, e.column])).toEqual([[line + 1, column + 1]]);
  });
});

describe("loadScenario warnings", () => {
  it("loads the small scenario cleanly", () => {
    expect(warningLines(smallScenarioYaml())).toEqual([]);
  });

  it("warns of vehicles departing, events announced and alarms raised after the end", () => {
    const text = smallScenarioYaml((s) => {
      s.duration = 12;
      s.rsus[0]!.events![0]!.from = 15;
      s.events[0]!.from = 12;
    });
    expect(warningLines(text)).toEqual([
      `${FILE}: /rsus/0/events/0/from: never announced: the scenario ends first (expected < 12 (the duration), got 15)`,
      `${FILE}: /vehicleGroups/0/departure: 2 of 5 vehicles would depart after the scenario ends (expected departures before 12 s)`,
      `${FILE}: /events/0/from: never raised: the scenario ends first (expected < 12 (the duration), got 12)`,
    ]);
  });
});
