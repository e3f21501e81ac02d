import { stringify } from "yaml";
import type { ScenarioFile } from "../../../../src/sim/scenario/scenario-file.ts";

type Writable<T> = T extends readonly (infer U)[] ? Writable<U>[] : T extends object ? { -readonly [K in keyof T]: Writable<T[K]> } : T;

/** A scenario file that tests can edit, every top-level key present. */
export type SmallScenario = Writable<Required<ScenarioFile>>;

/**
 * A small valid scenario to break in tests: a west approach to signalised node 110/1 that goes
 * straight on east (phase 1) or turns left north (phase 2), an RSU, and a group of five cars with
 * T-Boxes.
 */
export function smallScenario(): SmallScenario {
  const at = (lat: number, lon: number) => ({ lat, lon, elevation: 40 });
  return {
    name: "small",
    description: "One signalised node, one RSU, five cars.",
    seed: 7,
    start: "2025-06-02T16:00:00+08:00",
    duration: 60,
    network: {
      region: 110,
      nodes: [
        { id: 1, name: "Centre", position: at(39.8, 116.5) },
        { id: 2, position: at(39.8, 116.497) },
        { id: 3, position: at(39.8, 116.503) },
        { id: 4, position: at(39.803, 116.5) },
      ],
      links: [
        {
          id: "w-in",
          from: 2,
          to: 1,
          speedLimit: 50,
          centreLine: [at(39.79997, 116.497), at(39.79997, 116.4997)],
          lanes: [
            { id: 1, width: 3.5, connections: [{ link: "n-out", lane: 1, maneuver: "left", phase: 2 }] },
            { id: 2, width: 3.5, connections: [{ link: "e-out", lane: 1, maneuver: "straight", phase: 1 }] },
          ],
        },
        { id: "e-out", from: 1, to: 3, speedLimit: 50, centreLine: [at(39.79997, 116.5003), at(39.79997, 116.503)], lanes: [{ id: 1, width: 3.5 }] },
        { id: "n-out", from: 1, to: 4, speedLimit: 50, centreLine: [at(39.8003, 116.50003), at(39.803, 116.50003)], lanes: [{ id: 1, width: 3.5 }] },
      ],
    },
    signals: [
      {
        node: 1,
        offset: 0,
        phases: [
          { id: 1, green: 20, yellow: 3, allRed: 2 },
          { id: 2, green: 10, yellow: 3, allRed: 2 },
        ],
      },
    ],
    rsus: [
      {
        id: "5253553030303031",
        position: at(39.80005, 116.50005),
        range: 200,
        mapNodes: [1],
        events: [{ id: 1, eventType: 401, from: 10, until: 40, links: [{ link: "e-out", lanes: [1] }] }],
        signs: [{ id: 1, signType: 38, links: [{ link: "e-out" }] }],
      },
    ],
    vehicleGroups: [{ name: "cars", count: 5, route: { links: ["w-in", "e-out"] }, departure: { headway: 5 }, desiredSpeed: 45, tbox: { share: 0.4 } }],
    events: [{ kind: "tboxAlarm", group: "cars", from: 10, until: 20, level: 1, flags: ["SOC_LOW"] }],
  };
}

/** The small scenario as YAML after `change` edits it, e.g. to break one value. */
export function smallScenarioYaml(change: (scenario: SmallScenario) => void = () => undefined): string {
  const scenario = smallScenario();
  change(scenario);
  return stringify(scenario);
}

/** Sets any key of a part of the scenario, so a test can put a wrong value or an unknown key anywhere. */
export function set(target: object, key: string, value: unknown): void {
  (target as Record<string, unknown>)[key] = value;
}
