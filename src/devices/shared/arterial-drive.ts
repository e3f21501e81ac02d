import { RoadNetwork, World, type LinkSpec, type Random, type ResolvedScenario, type RoadNetworkSpec, type VehicleSpec, type VehicleState } from "../../sim/index.ts";
import { DeviceError } from "../device-error.ts";

/** Simulation step of every device vehicle, ms. */
export const STEP_MS = 100;

const OUTBOUND = ["ronghua-se-1", "ronghua-se-2", "ronghua-se-3"];
const INBOUND = ["ronghua-nw-1", "ronghua-nw-2", "ronghua-nw-3"];
/** Lanes are numbered from the median: a U-turn leaves from lane 1 and joins the other direction's through lane 2. */
const U_TURNS: readonly { readonly from: string; readonly to: string }[] = [
  { from: "ronghua-se-3", to: "ronghua-nw-1" },
  { from: "ronghua-nw-3", to: "ronghua-se-1" },
];
/** Laps of about 2 km each: the route outlasts any run (some 50 hours at city speeds), so the world never restarts it. */
const LAPS = 1000;

/**
 * One vehicle driving the test scenario's arterial (Ronghua Middle Rd) up and down, turning at
 * each end, and stopping at red under the scenario's signal plans. Its position never jumps: a
 * restarted route would put it back at the start, so the route is made longer than any run.
 */
export class ArterialDrive {
  private readonly world: World;

  /** Starts at `start` (ms since the epoch); `random` is the device's root stream, from which the vehicle forks `vehicle:<vehicleId>`. */
  constructor(scenario: ResolvedScenario, start: number, vehicleId: string, random: Random, desiredSpeed = 50 / 3.6) {
    const route = { links: Array.from({ length: LAPS }, () => [...OUTBOUND, ...INBOUND]).flat() };
    const vehicle: VehicleSpec = { id: vehicleId, route, desiredSpeed };
    try {
      this.world = new World({ network: new RoadNetwork(withUTurns(scenario.network)), signalPlans: scenario.signalPlans, vehicles: [vehicle], random, start });
    } catch (cause) {
      throw new DeviceError("DeviceStartError", `the arterial route of the built-in scenario cannot be driven: ${(cause as Error).message}`, cause);
    }
  }

  /** The vehicle as of the last step. */
  get state(): VehicleState {
    const [state] = this.world.vehicles;
    if (state === undefined) throw new Error("ArterialDrive: the vehicle left the road (the route is meant to outlast the run)");
    return state;
  }

  /** Steps the simulation up to `epochMs` (never back), calling `onStep` with the state after each step. */
  advanceTo(epochMs: number, onStep?: (state: VehicleState) => void): void {
    while (this.world.time + STEP_MS <= epochMs) {
      this.world.step(STEP_MS / 1000);
      onStep?.(this.state);
    }
  }

  /**
   * The vehicle at `epochMs`: simulated up to the last whole step, then moved on along its heading
   * at its speed for the rest, so that positions sampled at any time agree with speed and heading.
   */
  stateAt(epochMs: number): VehicleState {
    this.advanceTo(epochMs);
    const state = this.state;
    const travelled = (state.speed * Math.max(0, epochMs - this.world.time)) / 1000;
    if (travelled === 0) return state;
    const heading = (state.heading * Math.PI) / 180;
    const position = { ...state.position, east: state.position.east + travelled * Math.sin(heading), north: state.position.north + travelled * Math.cos(heading) };
    return { ...state, position, geo: this.world.network.frame.toGeodetic(position), s: state.s + travelled, odometer: state.odometer + travelled };
  }
}

function withUTurns(network: RoadNetworkSpec): RoadNetworkSpec {
  const links = network.links.map((link): LinkSpec => {
    const turn = U_TURNS.find((t) => t.from === link.id);
    if (turn === undefined) return link;
    const lanes = link.lanes.map((lane) => (lane.id === 1 ? { ...lane, connections: [...(lane.connections ?? []), { link: turn.to, lane: 2, maneuver: "uTurn" as const }] } : lane));
    return { ...link, lanes };
  });
  return { ...network, links };
}
