import { writeFileSync } from "node:fs";
import type { SchemaObject } from "ajv";
import { GeneralAlarmBit2016 } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { RSM_SOURCES } from "../rsm-message.ts";

// The JSON Schema (draft-07, the draft editors support best) of a scenario file. It is hand-written
// rather than typed with ajv's JSONSchemaType, which would demand `nullable: true` on every
// optional key and so let `null` through; ScenarioFile (scenario-file.ts) is the matching type and
// the built-in scenarios are checked against both.

/** Patterns with the words error messages use for them. */
export const PATTERNS = {
  /** Names of scenarios, groups and links: they end up in vehicle ids and MQTT topics. */
  name: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$", means: "letters, digits, '_', '.' or '-', starting with a letter or digit" },
  rsuId: { pattern: "^[0-9a-fA-F]{16}$", means: "16 hex digits (the RSU's 8-byte id)" },
  ascii: { pattern: "^[\\x20-\\x7e]*$", means: "printable ASCII text" },
} as const;

const number = (description: string, bounds: { readonly minimum?: number; readonly exclusiveMinimum?: number; readonly maximum?: number } = {}) =>
  ({ type: "number", description, ...bounds }) as const;
const integer = (description: string, minimum: number, maximum: number) => ({ type: "integer", description, minimum, maximum }) as const;
const text = (description: string, maxLength: number) => ({ type: "string", description, minLength: 1, maxLength, pattern: PATTERNS.ascii.pattern }) as const;
const name = (description: string) => ({ type: "string", description, maxLength: 64, pattern: PATTERNS.name.pattern }) as const;
const list = <T extends object>(description: string, items: T, bounds: { readonly minItems?: number; readonly maxItems?: number } = {}) =>
  ({ type: "array", description, items, ...bounds }) as const;
const ref = (definition: string, description?: string) => ({ $ref: `#/definitions/${definition}`, ...(description === undefined ? {} : { description }) }) as const;
const seconds = (description: string, byDefault?: number) =>
  number(`${description}, s after the scenario start.${byDefault === undefined ? "" : ` Default: ${byDefault}.`}`, { minimum: 0 });

/** A number, or a normal distribution clipped to [min, max] that each vehicle draws its own value from. */
function distribution(description: string, bounds: { readonly minimum?: number; readonly exclusiveMinimum?: number; readonly maximum?: number }) {
  const value = { type: "number", ...bounds } as const;
  return {
    type: ["number", "object"],
    description: `${description} A number, or { mean, sd, min, max }: each vehicle draws its own value from a normal distribution clipped to [min, max].`,
    ...bounds,
    properties: { mean: value, sd: { type: "number", minimum: 0 }, min: value, max: value },
    required: ["mean", "sd", "min", "max"],
    additionalProperties: false,
  } as const;
}

const share = number("Share of the group's vehicles equipped, 0..1, spread evenly over the group (0.3: vehicles 3, 6, 9, ...). Default: 1.", {
  minimum: 0,
  maximum: 1,
});

const rsiCommon = {
  from: seconds("When the item starts to be announced", 0),
  until: number("When the item stops being announced (exclusive), s after the scenario start. Default: the end of the scenario.", { exclusiveMinimum: 0 }),
  position: ref("geoPoint", "Where the event or sign is."),
  description: text("Text sent with the item, printable ASCII.", 512),
  priority: integer("0 (lowest) to 7 (highest).", 0, 7),
  paths: list(
    "Paths along which the item applies: points upstream to downstream, and the half-width around them.",
    {
      type: "object",
      properties: { points: list("1 to 32 points; one point means a circle.", ref("geoPoint"), { minItems: 1, maxItems: 32 }), radius: number("Half-width, m.", { minimum: 0 }) },
      required: ["points", "radius"],
      additionalProperties: false,
    },
    { minItems: 1, maxItems: 8 },
  ),
  links: list(
    "Links the item applies to, optionally only some of their lanes.",
    {
      type: "object",
      properties: { link: name("A link id of the network."), lanes: list("Lane ids 1..15.", integer("Lane id.", 1, 15), { minItems: 1 }) },
      required: ["link"],
      additionalProperties: false,
    },
    { minItems: 1, maxItems: 16 },
  ),
} as const;

export const SCENARIO_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "v2x-harness scenario",
  description: "A simulation scenario: road network, signal plans, roadside units, vehicle groups and events. Times are s relative to the scenario start, speeds km/h, lengths m, positions WGS-84 degrees.",
  type: "object",
  properties: {
    name: name("Scenario name."),
    description: { type: "string", description: "What the scenario is for." },
    seed: {
      type: ["integer", "string"],
      description: "Seed of every random choice (speeds, lanes, BSM ids, msgCnt starts): the same seed gives the same run.",
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
      minLength: 1,
    },
    start: {
      type: "string",
      format: "date-time",
      description: "When the scenario starts, ISO 8601 with a time zone, e.g. 2025-06-02T16:00:00+08:00. Default: now. Every shard of a run must use the same start.",
    },
    duration: number("How long the scenario runs, s.", { exclusiveMinimum: 0 }),
    network: ref("network"),
    signals: list("Fixed-time signal plans, one per signalised node.", ref("signalPlan")),
    rsus: list("Roadside units.", ref("rsu")),
    vehicleGroups: list("Groups of vehicles sharing a route; vehicle n of group g has the id g-n.", ref("vehicleGroup")),
    events: list("Timed events.", ref("tboxAlarm")),
  },
  required: ["name", "seed", "duration", "network"],
  additionalProperties: false,
  definitions: {
    geoPoint: {
      type: "object",
      description: "A WGS-84 position.",
      properties: {
        lat: number("Latitude, degrees.", { minimum: -90, maximum: 90 }),
        lon: number("Longitude, degrees.", { minimum: -180, maximum: 180 }),
        elevation: number("Height above the WGS-84 ellipsoid, m.", { minimum: -409.5, maximum: 6143.9 }),
      },
      required: ["lat", "lon"],
      additionalProperties: false,
    },
    nodeRef: {
      type: ["integer", "object"],
      description: "A node: its id in the network's region, or { region, id }.",
      minimum: 0,
      maximum: 65535,
      properties: { region: integer("Road regulator id.", 0, 65535), id: integer("Node id.", 0, 65535) },
      required: ["region", "id"],
      additionalProperties: false,
    },
    maneuver: { type: "string", enum: ["straight", "left", "right", "uTurn"] },
    network: {
      type: "object",
      description: "The road network the MAP is derived from.",
      properties: {
        region: integer("Road regulator id of the nodes that do not name their own (0 is for testing only).", 0, 65535),
        nodes: list("Intersections and road ends.", ref("node"), { minItems: 1 }),
        links: list("Directed road sections from one node to another.", ref("link")),
      },
      required: ["region", "nodes", "links"],
      additionalProperties: false,
    },
    node: {
      type: "object",
      properties: {
        id: integer("Node id, unique in its region (0..255 are for testing only).", 0, 65535),
        region: integer("Road regulator id. Default: the network's.", 0, 65535),
        name: text("Name sent in the MAP.", 63),
        position: ref("geoPoint", "Centre of the node; MAP offsets inside the node are measured from here."),
      },
      required: ["id", "position"],
      additionalProperties: false,
    },
    link: {
      type: "object",
      properties: {
        id: name("Unique link id, used by routes, connections and RSI."),
        name: text("Name sent in the MAP.", 63),
        from: ref("nodeRef", "Upstream node."),
        to: ref("nodeRef", "Downstream node."),
        speedLimit: number("Speed limit, km/h.", { exclusiveMinimum: 0, maximum: 300 }),
        centreLine: list("Centre line of the carriageway, upstream to downstream; the last point is on the stop line.", ref("geoPoint"), { minItems: 2, maxItems: 31 }),
        lanes: list("Lanes from the median (left) to the kerb (right).", ref("lane"), { minItems: 1, maxItems: 32 }),
      },
      required: ["id", "from", "to", "speedLimit", "centreLine", "lanes"],
      additionalProperties: false,
    },
    lane: {
      type: "object",
      properties: {
        id: integer("Lane id, unique within the link.", 1, 254),
        width: number("Width, m.", { exclusiveMinimum: 0, maximum: 327.67 }),
        maneuvers: { ...list("Manoeuvres allowed at the end of the lane. Default: those of its connections.", ref("maneuver")), uniqueItems: true },
        connections: list("Lanes of links leaving the downstream node that this lane leads to.", ref("connection"), { maxItems: 16 }),
      },
      required: ["id", "width"],
      additionalProperties: false,
    },
    connection: {
      type: "object",
      properties: {
        link: name("A link leaving the node this lane's link ends at."),
        lane: integer("The lane of that link reached.", 1, 254),
        maneuver: ref("maneuver"),
        phase: integer("Signal phase controlling the connection (a phase of the node's plan); absent when not signalised.", 1, 254),
      },
      required: ["link", "lane", "maneuver"],
      additionalProperties: false,
    },
    signalPlan: {
      type: "object",
      description: "A fixed-time plan; phases run in the order listed, the cycle is the sum of their intervals.",
      properties: {
        node: ref("nodeRef", "The intersection controlled."),
        offset: number("When the first phase's green begins (and every cycle after), s after the scenario start; coordinates neighbouring plans. Default: 0."),
        phases: list("Phases in running order.", ref("phase"), { minItems: 1, maxItems: 16 }),
      },
      required: ["node", "phases"],
      additionalProperties: false,
    },
    phase: {
      type: "object",
      properties: {
        id: integer("Phase id used by lane connections.", 1, 254),
        green: number("Green time, s.", { exclusiveMinimum: 0 }),
        yellow: number("Yellow time, s.", { exclusiveMinimum: 0 }),
        allRed: number("All-red clearance after the yellow, s.", { minimum: 0 }),
        greenKind: { type: "string", enum: ["protected", "permissive"], description: "Default: protected." },
      },
      required: ["id", "green", "yellow", "allRed"],
      additionalProperties: false,
    },
    rsu: {
      type: "object",
      properties: {
        id: { type: "string", description: "The RSU's 8-byte id as 16 hex digits.", pattern: PATTERNS.rsuId.pattern },
        position: ref("geoPoint", "Antenna position."),
        range: number("Distance within which it detects vehicles for RSM, m.", { exclusiveMinimum: 0 }),
        mapNodes: list("Nodes whose MAP it sends. Default: every node.", ref("nodeRef"), { minItems: 1, maxItems: 63 }),
        spatNodes: list("Signalised nodes whose SPAT it sends; each must be in its MAP. Default: every signalised node of its MAP.", ref("nodeRef"), { maxItems: 32 }),
        events: list("Road events it announces in RSI.", ref("roadEvent"), { maxItems: 8 }),
        signs: list("Traffic signs it announces in RSI.", ref("trafficSign"), { maxItems: 16 }),
        rsmSource: { type: "string", enum: Object.keys(RSM_SOURCES), description: "How it detects participants for RSM. Default: v2x." },
        rsmAccuracy: number("Position accuracy of its detections, m at 95 %. Default: 1.", { exclusiveMinimum: 0 }),
        periods: {
          type: "object",
          description: "Sending period of each message, ms. Defaults: map 1000, spat 100, rsi 1000, rsm 100.",
          properties: Object.fromEntries(["map", "spat", "rsi", "rsm"].map((kind) => [kind, integer(`${kind.toUpperCase()} period, ms.`, 1, 3_600_000)])),
          additionalProperties: false,
        },
      },
      required: ["id", "position", "range"],
      additionalProperties: false,
    },
    roadEvent: {
      type: "object",
      description: "A road traffic event (RTE).",
      properties: {
        id: integer("rteId, unique among the RSU's events.", 0, 255),
        eventType: integer("Event type, GB/T 29100-2012 code (e.g. 401 road works).", 0, 65535),
        source: { type: "string", enum: ["unknown", "police", "government", "meteorological", "internet", "detection"], description: "Default: detection." },
        radius: number("Radius of the affected area around the position, m.", { minimum: 0 }),
        confidence: number("Probability that the event is real, 0..1.", { minimum: 0, maximum: 1 }),
        ...rsiCommon,
      },
      required: ["id", "eventType"],
      additionalProperties: false,
    },
    trafficSign: {
      type: "object",
      description: "A traffic sign (RTS).",
      properties: {
        id: integer("rtsId, unique among the RSU's signs.", 0, 255),
        signType: integer("Sign type, GB 5768.2 code (0 is a text message).", 0, 65535),
        ...rsiCommon,
      },
      required: ["id", "signType"],
      additionalProperties: false,
    },
    vehicleGroup: {
      type: "object",
      properties: {
        name: name("Group name, unique; vehicle n of the group has the id <name>-<n>."),
        count: integer("Number of vehicles.", 1, 1_000_000),
        route: {
          type: "object",
          properties: {
            links: list("Links driven in order; each starts where the one before ends, and a lane connection allows the turn.", name("A link id."), { minItems: 1 }),
            lanes: list("The lane to use on each link (one per link). Default: any lane that leads on, chosen per vehicle.", integer("Lane id.", 1, 254)),
          },
          required: ["links"],
          additionalProperties: false,
        },
        departure: {
          type: "object",
          description: "When vehicles enter their first link: the first at `first`, then one every `headway` s, or at `rate` vehicles per hour (give one of the two).",
          properties: {
            first: seconds("Departure of vehicle 0", 0),
            headway: number("Time between departures, s.", { exclusiveMinimum: 0 }),
            rate: number("Departures per hour.", { exclusiveMinimum: 0 }),
          },
          additionalProperties: false,
        },
        desiredSpeed: distribution("Cruising speed, km/h; the speed limit caps it.", { exclusiveMinimum: 0, maximum: 300 }),
        vehicleClass: integer("CSAE 53 BasicVehicleClass (10 passenger car, 20 light truck, 50 transit ...). Default: 10.", 0, 255),
        fuelType: integer("CSAE 53 FuelType (1 gasoline, 3 diesel, 4 electric, 5 hybrid ...). Default: 4.", 0, 15),
        size: {
          type: "object",
          description: "Outer dimensions, m. Default: 4.6 x 1.85 x 1.5.",
          properties: {
            length: number("m", { exclusiveMinimum: 0, maximum: 40.95 }),
            width: number("m", { exclusiveMinimum: 0, maximum: 10.23 }),
            height: number("m", { exclusiveMinimum: 0, maximum: 6.35 }),
          },
          additionalProperties: false,
        },
        driver: {
          type: "object",
          description: "Driver behaviour (Intelligent Driver Model); unset values take the defaults.",
          properties: {
            maxAcceleration: number("m/s². Default: 1.5.", { exclusiveMinimum: 0 }),
            comfortableDeceleration: number("m/s². Default: 2.5.", { exclusiveMinimum: 0 }),
            maxDeceleration: number("m/s². Default: 8.", { exclusiveMinimum: 0 }),
            minGap: number("Gap to the vehicle ahead when stopped, m. Default: 2.", { exclusiveMinimum: 0 }),
            timeHeadway: number("Desired time gap, s. Default: 1.5.", { exclusiveMinimum: 0 }),
            exponent: number("Acceleration exponent. Default: 4.", { exclusiveMinimum: 0 }),
            lateralAcceleration: number("Lateral acceleration taken in curves, m/s² (sets turning speeds). Default: 2.", { exclusiveMinimum: 0 }),
          },
          additionalProperties: false,
        },
        obu: {
          type: ["boolean", "object"],
          description: "On-board unit sending BSM: true, false, or options. Default: true.",
          properties: {
            share,
            positionAccuracy: number("Horizontal position accuracy at 95 %, m. Default: 1.", { exclusiveMinimum: 0 }),
            pathHistory: { type: "boolean", description: "Send path history. Default: false." },
            crumbInterval: integer("Time between path-history points, ms. Default: 1000.", 1, 655_340),
          },
          additionalProperties: false,
        },
        tbox: {
          type: ["boolean", "object"],
          description: "T-Box sending GB/T 32960 realtime reports: true, false, or options. Default: false.",
          properties: {
            share,
            battery: {
              type: "object",
              properties: {
                capacity: number("Usable energy, kWh. Default: 60.", { exclusiveMinimum: 0 }),
                cells: integer("Cells in series. Default: 96.", 1, 200),
                temperatureProbes: integer("Temperature probes. Default: 16.", 1, 250),
                internalResistance: number("Pack internal resistance, ohm. Default: 0.12.", { exclusiveMinimum: 0 }),
                initialSoc: distribution("State of charge at the start, 0..1. Default: 0.8.", { minimum: 0, maximum: 1 }),
              },
              additionalProperties: false,
            },
            powertrain: {
              type: "object",
              properties: {
                mass: number("kg. Default: 1800.", { exclusiveMinimum: 0 }),
                dragArea: number("Drag coefficient times frontal area, m². Default: 0.65.", { minimum: 0 }),
                rollingResistance: number("Default: 0.011.", { minimum: 0 }),
                driveEfficiency: number("Battery-to-wheel efficiency. Default: 0.88.", { exclusiveMinimum: 0, maximum: 1 }),
                regenEfficiency: number("Share of braking power recovered. Default: 0.6.", { minimum: 0, maximum: 1 }),
                auxiliaryPower: number("W. Default: 800.", { minimum: 0 }),
                maxPower: number("Peak motor power, W. Default: 150000.", { exclusiveMinimum: 0 }),
                gearRatio: number("Default: 9.7.", { exclusiveMinimum: 0 }),
                wheelRadius: number("m. Default: 0.33.", { exclusiveMinimum: 0 }),
              },
              additionalProperties: false,
            },
            initialOdometer: distribution("Odometer at the start, km. Default: 0.", { minimum: 0, maximum: 999_999.9 }),
            ambientTemperature: number("Outside temperature, °C. Default: 25.", { minimum: -40, maximum: 210 }),
            insulationResistance: number("kΩ. Default: 8000.", { minimum: 0, maximum: 60_000 }),
            socLowThreshold: number("SOC below which the SOC-low alarm is raised, 0..1. Default: 0.1.", { minimum: 0, maximum: 1 }),
          },
          additionalProperties: false,
        },
        loop: { type: "boolean", description: "Start the route again after the last link (true) or leave (false). Default: false." },
      },
      required: ["name", "count", "route", "departure", "desiredSpeed"],
      additionalProperties: false,
    },
    tboxAlarm: {
      type: "object",
      description: "T-Box alarms raised for a while in a group's vehicles.",
      properties: {
        kind: { const: "tboxAlarm", description: "The event kind." },
        group: name("A vehicle group with T-Boxes."),
        vehicles: { ...list("Vehicle numbers n in the group (ids <group>-<n>), each with a T-Box. Default: every T-Box vehicle of the group.", { type: "integer", minimum: 0 }, { minItems: 1 }), uniqueItems: true },
        from: seconds("When the alarms are raised"),
        until: number("Cleared at, s after the scenario start.", { exclusiveMinimum: 0 }),
        level: { type: "integer", enum: [1, 2, 3], description: "1 (driving unaffected) to 3 (stop at once)." },
        flags: { ...list("GB/T 32960.3-2016 general alarm flags set meanwhile.", { type: "string", enum: Object.keys(GeneralAlarmBit2016) }), uniqueItems: true },
      },
      required: ["kind", "group", "from", "until", "level"],
      additionalProperties: false,
    },
  },
} as const satisfies SchemaObject;

/** The schema as JSON text, for editors (e.g. a `# yaml-language-server: $schema=` line). */
export function scenarioSchemaJson(): string {
  return `${JSON.stringify(SCENARIO_SCHEMA, null, 2)}\n`;
}

/** Writes the schema to `path` as JSON. */
export function writeScenarioSchema(path: string): void {
  writeFileSync(path, scenarioSchemaJson());
}
