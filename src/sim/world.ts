import { approachSpeed, idmAcceleration, integrate, type Obstacle } from "./idm.ts";
import type { Random } from "./random.ts";
import { nodeKey, type RoadNetwork } from "./road-network.ts";
import { planRoute, pointOnPath, segmentIndexAt, type Path, type PathSegment } from "./route.ts";
import { SignalController, type SignalPlanSpec } from "./signal-controller.ts";
import { SpecError } from "./spec-error.ts";
import { resolveVehicleSpec, stopsAtLine, type ResolvedVehicleSpec, type VehicleSpec, type VehicleState } from "./vehicle.ts";

/** What a world is built from. */
export interface WorldOptions {
  readonly network: RoadNetwork;
  readonly signalPlans: readonly SignalPlanSpec[];
  readonly vehicles: readonly VehicleSpec[];
  /** The scenario's root stream; each vehicle forks `vehicle:<id>` from it. */
  readonly random: Random;
  /** World time at the start, ms since the Unix epoch. */
  readonly start: number;
}

/** How far ahead drivers look for vehicles, stop lines and slower stretches, m. */
const HORIZON = 250;
/** Drivers aim to stop this far before the stop line, m. */
const STOP_MARGIN = 0.5;
/** Hard floor on the bumper-to-bumper gap, m: the last resort that keeps vehicles from overlapping. */
const MIN_SPACING = 0.1;

interface Body {
  readonly index: number;
  readonly spec: ResolvedVehicleSpec;
  readonly path: Path;
  active: boolean;
  /** When the vehicle (next) enters its first link, ms since the epoch; Infinity once it has left for good. */
  departure: number;
  state: VehicleState;
}

interface Occupant {
  /** Front bumper, in the coordinates of the indexed lane or connector (m from its start). */
  readonly front: number;
  readonly body: Body;
}

/**
 * Vehicles on a road network under fixed-time signals. step() advances every vehicle by the same
 * dt from the same snapshot (so the order vehicles are listed in does not matter), then lets
 * waiting vehicles depart. Everything is deterministic for a given seed and sequence of steps.
 */
export class World {
  readonly network: RoadNetwork;
  /** Signal controllers by node key ("region/id"). */
  readonly controllers: ReadonlyMap<string, SignalController>;
  private timeMs: number;
  private readonly bodies: Body[];

  constructor(options: WorldOptions) {
    this.network = options.network;
    this.timeMs = options.start;
    this.controllers = new Map(options.signalPlans.map((plan) => [nodeKey(plan.node), new SignalController(plan)]));
    const ids = new Set<string>();
    this.bodies = options.vehicles.map((vehicleSpec, index) => {
      if (ids.has(vehicleSpec.id)) throw new SpecError("vehicles", "unique vehicle ids", vehicleSpec.id);
      ids.add(vehicleSpec.id);
      const spec = resolveVehicleSpec(vehicleSpec);
      const path = planRoute(this.network, spec.route, options.random.fork(`vehicle:${spec.id}`), spec.driver.lateralAcceleration);
      this.checkSignals(spec.id, path);
      const departure = options.start + Math.round(spec.departAt * 1000);
      return { index, spec, path, active: false, departure, state: this.initialState(spec, path, 0) };
    });
    this.depart();
  }

  /** World time, ms since the Unix epoch. */
  get time(): number {
    return this.timeMs;
  }

  /** Vehicles on the road now, in the order they were specified. */
  get vehicles(): VehicleState[] {
    return this.bodies.filter((b) => b.active).map((b) => b.state);
  }

  /** Advances the world by `dt` seconds. */
  step(dt: number): void {
    if (!(dt > 0)) throw new RangeError(`World.step: expected dt > 0 s, got ${dt}`);
    const occupancy = this.occupancy();
    const next = this.bodies.map((body) => (body.active ? this.advance(body, occupancy, dt) : undefined));
    this.timeMs += Math.round(dt * 1000);
    this.bodies.forEach((body, i) => {
      const state = next[i];
      if (state === undefined) return;
      if (state.s < body.path.length) {
        body.state = state;
        return;
      }
      body.active = false;
      if (!body.spec.loop) {
        body.departure = Infinity;
        return;
      }
      body.state = this.initialState(body.spec, body.path, state.odometer);
      body.departure = this.timeMs;
    });
    this.depart();
  }

  private advance(body: Body, occupancy: ReadonlyMap<string, Occupant[]>, dt: number): VehicleState {
    const { spec, path, state } = body;
    const driver = spec.driver;
    const leader = this.leader(body, occupancy);
    const stopLine = this.stopLineAhead(body);
    const desired = this.desiredSpeed(body);
    let acceleration = idmAcceleration(driver, state.speed, desired, leader);
    if (stopLine !== undefined) {
      const line = { gap: stopLine - state.s + driver.minGap - STOP_MARGIN, speed: 0 };
      acceleration = Math.min(acceleration, idmAcceleration(driver, state.speed, desired, line));
    }
    let { position: s, speed } = integrate(state.s, state.speed, acceleration, dt);
    if (leader !== undefined && s > state.s + leader.gap - MIN_SPACING) {
      s = Math.max(state.s, state.s + leader.gap - MIN_SPACING);
      speed = Math.min(speed, leader.speed);
    }
    if (stopLine !== undefined && s > stopLine) {
      s = Math.max(state.s, stopLine);
      speed = 0;
    }
    const centre = pointOnPath(path, s - spec.size.length / 2);
    const turn = ((centre.heading - state.heading + 540) % 360) - 180;
    return {
      ...state,
      s,
      speed,
      acceleration: (speed - state.speed) / dt,
      heading: centre.heading,
      yawRate: state.speed === 0 && speed === 0 ? 0 : turn / dt,
      position: centre.position,
      geo: this.network.frame.toGeodetic(centre.position),
      odometer: state.odometer + (s - state.s),
    };
  }

  /** Desired speed here: the driver's cruising speed, the limit here, and whatever slower stretch lies ahead. */
  private desiredSpeed(body: Body): number {
    const { path, state, spec } = body;
    let speed = spec.desiredSpeed;
    for (let i = segmentIndexAt(path, state.s); i < path.segments.length; i++) {
      const segment = path.segments[i] as PathSegment;
      const distance = segment.start - state.s;
      if (distance > HORIZON) break;
      speed = Math.min(speed, approachSpeed(segment.speedLimit, distance, spec.driver.comfortableDeceleration));
    }
    return speed;
  }

  /** The next stop line the vehicle has decided to stop at, as a path distance. */
  private stopLineAhead(body: Body): number | undefined {
    const { path, state, spec } = body;
    for (const line of path.stopLines) {
      const distance = line.at - state.s;
      if (distance < 0) continue;
      if (distance > HORIZON) return undefined;
      const controller = this.controllers.get(nodeKey(line.node));
      if (controller === undefined) continue;
      const [now] = controller.schedule(line.phase, this.timeMs, 1);
      if (now === undefined) continue;
      if (stopsAtLine(now.light, now.end / 1000, distance, state.speed, spec.driver.comfortableDeceleration)) return line.at;
    }
    return undefined;
  }

  /** The nearest vehicle ahead on the path within the horizon, seen through every stretch the path uses. */
  private leader(body: Body, occupancy: ReadonlyMap<string, Occupant[]>): Obstacle | undefined {
    const { path, state } = body;
    let best: { readonly rear: number; readonly front: number; readonly speed: number } | undefined;
    for (let i = segmentIndexAt(path, state.s); i < path.segments.length; i++) {
      const segment = path.segments[i] as PathSegment;
      if (segment.start - state.s > HORIZON) break;
      const occupants = occupancy.get(segment.key) ?? [];
      for (let k = firstAhead(occupants, state.s - segment.start); k < occupants.length; k++) {
        const other = occupants[k] as Occupant;
        const front = segment.start + other.front;
        if (best !== undefined && front >= best.front) break;
        if (other.body === body) continue;
        // Two vehicles at the same spot: the one listed first counts as ahead, so exactly one follows.
        if (front === state.s && other.body.index > body.index) continue;
        best = { rear: front - other.body.spec.size.length, front, speed: other.body.state.speed };
        break;
      }
    }
    return best === undefined ? undefined : { gap: best.rear - state.s, speed: best.speed };
  }

  /**
   * Every active vehicle indexed by the lanes and connectors it occupies, sorted by position. A
   * vehicle on a connector is also indexed on the lane it left (beyond that lane's end) and the
   * lane it joins (before that lane's start), so vehicles merging or diverging see each other.
   */
  private occupancy(): Map<string, Occupant[]> {
    const index = new Map<string, Occupant[]>();
    for (const body of this.bodies) {
      if (body.active) indexBody(body, (key, front) => append(index, key, { front, body }));
    }
    for (const list of index.values()) list.sort(byPosition);
    return index;
  }

  /** Puts waiting vehicles whose departure time has come on their first lane, when there is room. */
  private depart(): void {
    let lazyOccupancy: Map<string, Occupant[]> | undefined;
    for (const body of this.bodies) {
      if (body.active || this.timeMs < body.departure) continue;
      const occupancy = (lazyOccupancy ??= this.occupancy());
      const first = body.path.segments[0] as PathSegment;
      const length = body.spec.size.length;
      const minGap = body.spec.driver.minGap;
      const occupants = occupancy.get(first.key) ?? [];
      const blocked = occupants.some((o) => o.front > -minGap && o.front - o.body.spec.size.length < length + minGap);
      if (blocked) continue;
      const ahead = occupants.find((o) => o.front - o.body.spec.size.length >= length);
      const room = ahead === undefined ? Infinity : ahead.front - ahead.body.spec.size.length - length - minGap;
      const speed = Math.min(body.spec.desiredSpeed, first.speedLimit, Math.max(0, room / body.spec.driver.timeHeadway));
      body.state = { ...body.state, speed };
      body.active = true;
      indexBody(body, (key, front) => insert(occupancy, key, { front, body }));
    }
  }

  private initialState(spec: ResolvedVehicleSpec, path: Path, odometer: number): VehicleState {
    return stateAtEntry(this.network, spec, path, odometer);
  }

  private checkSignals(vehicleId: string, path: Path): void {
    for (const line of path.stopLines) {
      const controller = this.controllers.get(nodeKey(line.node));
      if (controller !== undefined && !controller.phaseIds.includes(line.phase)) {
        throw new SpecError(`vehicle ${vehicleId} route`, `phase ${line.phase} in the signal plan of node ${nodeKey(line.node)} (${controller.phaseIds.join(", ")})`, "no such phase");
      }
    }
  }
}

const byPosition = (a: Occupant, b: Occupant): number => a.front - b.front || a.body.index - b.body.index;

function append(index: Map<string, Occupant[]>, key: string, occupant: Occupant): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [occupant]);
  else list.push(occupant);
}

function insert(index: Map<string, Occupant[]>, key: string, occupant: Occupant): void {
  append(index, key, occupant);
  index.get(key)?.sort(byPosition);
}

function indexBody(body: Body, add: (key: string, front: number, body: Body) => void): void {
  const { path, state } = body;
  const segment = path.segments[segmentIndexAt(path, state.s)] as PathSegment;
  const local = state.s - segment.start;
  add(segment.key, local, body);
  if (segment.from !== undefined) add(segment.from.key, segment.from.length + local, body);
  if (segment.to !== undefined) add(segment.to.key, local - segment.line.length, body);
}

/** Index of the first occupant whose front is at or beyond `local`. */
function firstAhead(occupants: readonly Occupant[], local: number): number {
  let lo = 0;
  let hi = occupants.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((occupants[mid] as Occupant).front < local) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A vehicle standing at the start of its path, its rear on the entry point. */
export function stateAtEntry(network: RoadNetwork, spec: ResolvedVehicleSpec, path: Path, odometer: number): VehicleState {
  const s = Math.min(spec.size.length, path.length);
  const centre = pointOnPath(path, s / 2);
  return {
    id: spec.id,
    spec,
    path,
    s,
    speed: 0,
    acceleration: 0,
    heading: centre.heading,
    yawRate: 0,
    position: centre.position,
    geo: network.frame.toGeodetic(centre.position),
    odometer,
  };
}
