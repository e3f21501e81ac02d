import type { MessageFrame, Position3D } from "../schema/gen/v2xh/csae53/v1/index.ts";
import { LocalFrame, type GeoPoint } from "./geo.ts";
import { buildMapData } from "./map-message.ts";
import { MsgCounter } from "./msg-count.ts";
import type { Random } from "./random.ts";
import { activeItems, buildRsi, checkRsiItems, type RsiItemSpec } from "./rsi-message.ts";
import { buildRsms, type DetectedVehicle, type RsmSource } from "./rsm-message.ts";
import { nodeKey, type NodeRef, type RoadNetwork } from "./road-network.ts";
import { SignalController, type SignalPlanSpec } from "./signal-controller.ts";
import { buildSpat } from "./spat-message.ts";
import { SpecError } from "./spec-error.ts";
import type { VehicleState } from "./vehicle.ts";
import { toPosition3D } from "./wire-units.ts";

/** How often an RSU sends each message, ms. */
export interface RsuPeriods {
  /** Default: 1000 (MAP changes rarely; 1 Hz is common practice). */
  readonly map: number;
  /** Default: 100 (10 Hz). */
  readonly spat: number;
  /** Default: 1000. */
  readonly rsi: number;
  /** Default: 100 (10 Hz). */
  readonly rsm: number;
}

export const DEFAULT_RSU_PERIODS: RsuPeriods = { map: 1000, spat: 100, rsi: 1000, rsm: 100 };

/** A roadside unit. */
export interface RsuSpec {
  /** The RSU's fixed 8-byte identity as 16 hex digits, e.g. "52535530303031ff". */
  readonly id: string;
  /** Antenna (and sensor) position. */
  readonly position: GeoPoint;
  /** Horizontal distance within which it detects participants for RSM, m. */
  readonly range: number;
  /** The MAP nodes it broadcasts. Default: every node of the network. */
  readonly mapNodes?: readonly NodeRef[];
  /** The signal plans it runs; each intersection appears in its SPAT. Default: none (no SPAT). */
  readonly signalPlans?: readonly SignalPlanSpec[];
  /** Road events and traffic signs it announces in RSI. Default: none. */
  readonly events?: readonly RsiItemSpec[];
  /** How it detects participants: "v2x" (their BSMs) or a roadside sensor. Default: "v2x". */
  readonly rsmSource?: RsmSource;
  /** Position accuracy of its detections, m at 95 %. Default: 1. */
  readonly rsmAccuracy?: number;
  /** Sending periods; unset ones take DEFAULT_RSU_PERIODS. */
  readonly periods?: Partial<RsuPeriods>;
}

export type RsuMessageKind = "map" | "spat" | "rsi" | "rsm";

/** A frame an RSU sends, with its kind. */
export interface RsuMessage {
  readonly kind: RsuMessageKind;
  readonly frame: MessageFrame;
}

/** Where to find the temporary BSM id a vehicle is sending, for RSMs built from V2X. */
export type BsmIdLookup = (vehicleId: string) => Uint8Array | undefined;

const KINDS: readonly RsuMessageKind[] = ["map", "spat", "rsi", "rsm"];
const MAX_PTC_ID = 65535;
/** The ASN comment numbers detected participants 1..255; larger numbers only when more are in range. */
const USUAL_PTC_IDS = 255;

/**
 * A roadside unit: sends the MAP of its nodes, the SPAT of its signal plans, RSI for the events
 * active now and RSMs for the vehicles within its range. Each message type has its own msgCnt
 * sequence; each detected vehicle keeps its ptcId for as long as it stays in range (0 is the RSU's
 * own number and never given out).
 */
export class Rsu {
  readonly spec: RsuSpec;
  readonly id: Uint8Array;
  readonly refPos: Position3D;
  readonly controllers: readonly SignalController[];
  readonly periods: RsuPeriods;
  private readonly network: RoadNetwork;
  private readonly mapNodes: readonly NodeRef[];
  private readonly frame: LocalFrame;
  private readonly counters: Readonly<Record<RsuMessageKind, MsgCounter>>;
  private readonly ptcIds = new Map<string, number>();
  private nextPtcId = 1;
  private readonly nextDue = new Map<RsuMessageKind, number>();

  /** `random` is the RSU's own stream (e.g. the scenario root forked with "rsu:<id>"). */
  constructor(spec: RsuSpec, network: RoadNetwork, random: Random) {
    if (!/^[0-9a-fA-F]{16}$/.test(spec.id)) throw new SpecError("rsu.id", "16 hex digits (8 bytes)", JSON.stringify(spec.id));
    if (!(spec.range > 0)) throw new SpecError(`rsu ${spec.id}.range`, "a range > 0 m", String(spec.range));
    this.spec = spec;
    this.id = Uint8Array.from(spec.id.match(/../g) ?? [], (pair) => parseInt(pair, 16));
    this.refPos = toPosition3D(spec.position);
    this.network = network;
    this.frame = new LocalFrame(spec.position);
    this.periods = { ...DEFAULT_RSU_PERIODS, ...spec.periods };
    this.mapNodes = spec.mapNodes ?? network.nodes;
    if (this.mapNodes.length < 1 || this.mapNodes.length > 63) {
      throw new SpecError(`rsu ${spec.id}.mapNodes`, "1 to 63 nodes (MAP NodeList); name them when the network has more", String(this.mapNodes.length));
    }
    this.mapNodes.forEach((ref) => network.node(ref));
    this.controllers = (spec.signalPlans ?? []).map((plan) => new SignalController(plan));
    this.checkPlansAgainstMap();
    checkRsiItems(spec.events ?? [], network);
    this.counters = { map: new MsgCounter(random.fork("map")), spat: new MsgCounter(random.fork("spat")), rsi: new MsgCounter(random.fork("rsi")), rsm: new MsgCounter(random.fork("rsm")) };
  }

  mapFrame(epochMs: number): MessageFrame {
    return { mapFrame: buildMapData(this.network, this.counters.map.next(), epochMs, this.mapNodes) };
  }

  /** The SPAT now, or undefined when the RSU runs no signal plan. */
  spatFrame(epochMs: number): MessageFrame | undefined {
    if (this.controllers.length === 0) return undefined;
    return { spatFrame: buildSpat(this.controllers, this.counters.spat.next(), epochMs) };
  }

  /** The RSI now, or undefined when no event or sign is active. */
  rsiFrame(epochMs: number): MessageFrame | undefined {
    const active = activeItems(this.spec.events ?? [], epochMs);
    if (active.length === 0) return undefined;
    return { rsiFrame: buildRsi(active, this.network, this.id, this.refPos, this.counters.rsi.next(), epochMs) };
  }

  /** RSMs listing every vehicle within range, 16 per message, ordered by ptcId; none when none is in range. */
  rsmFrames(vehicles: readonly VehicleState[], epochMs: number, bsmId?: BsmIdLookup): MessageFrame[] {
    const inRange = vehicles.filter((v) => this.inRange(v));
    const detected = this.assignPtcIds(inRange).map(({ ptcId, state }): DetectedVehicle => {
      const id = bsmId?.(state.id);
      return id === undefined ? { ptcId, state } : { ptcId, state, bsmId: id };
    });
    const sender = { id: this.id, refPos: this.refPos, source: this.spec.rsmSource ?? "v2x", accuracy: this.spec.rsmAccuracy ?? 1 };
    return buildRsms(sender, detected, epochMs, () => this.counters.rsm.next()).map((rsm) => ({ rsmFrame: rsm }));
  }

  /** Horizontal distance from the RSU, m. */
  distanceTo(vehicle: VehicleState): number {
    const enu = this.frame.toEnu(vehicle.geo);
    return Math.hypot(enu.east, enu.north);
  }

  /**
   * The messages due at `epochMs`: each kind is sent every period from the first call on (a kind
   * with nothing to say, such as RSI with no active event, is skipped that period).
   */
  due(epochMs: number, vehicles: readonly VehicleState[], bsmId?: BsmIdLookup): RsuMessage[] {
    const out: RsuMessage[] = [];
    for (const kind of KINDS) {
      const next = this.nextDue.get(kind) ?? epochMs;
      if (epochMs < next) continue;
      const period = this.periods[kind];
      this.nextDue.set(kind, next + period * Math.max(1, Math.ceil((epochMs - next + 1) / period)));
      for (const frame of this.frames(kind, epochMs, vehicles, bsmId)) out.push({ kind, frame });
    }
    return out;
  }

  private frames(kind: RsuMessageKind, epochMs: number, vehicles: readonly VehicleState[], bsmId: BsmIdLookup | undefined): MessageFrame[] {
    switch (kind) {
      case "map":
        return [this.mapFrame(epochMs)];
      case "spat":
        return optional(this.spatFrame(epochMs));
      case "rsi":
        return optional(this.rsiFrame(epochMs));
      case "rsm":
        return this.rsmFrames(vehicles, epochMs, bsmId);
    }
  }

  private inRange(vehicle: VehicleState): boolean {
    return this.distanceTo(vehicle) <= this.spec.range;
  }

  /** Keeps the numbers of vehicles still in range, frees the others', numbers newcomers; sorted by ptcId. */
  private assignPtcIds(inRange: readonly VehicleState[]): { ptcId: number; state: VehicleState }[] {
    const present = new Set(inRange.map((v) => v.id));
    for (const id of [...this.ptcIds.keys()]) if (!present.has(id)) this.ptcIds.delete(id);
    if (inRange.length > MAX_PTC_ID) throw new RangeError(`Rsu: ${inRange.length} vehicles in range, more than ptcId can number`);
    const used = new Set(this.ptcIds.values());
    const out = inRange.map((state) => {
      let ptcId = this.ptcIds.get(state.id);
      if (ptcId === undefined) {
        ptcId = this.freePtcId(used);
        used.add(ptcId);
        this.ptcIds.set(state.id, ptcId);
      }
      return { ptcId, state };
    });
    return out.sort((a, b) => a.ptcId - b.ptcId);
  }

  /** Round robin, so a number just freed is not given at once to another vehicle. */
  private freePtcId(used: ReadonlySet<number>): number {
    const limit = used.size < USUAL_PTC_IDS ? USUAL_PTC_IDS : MAX_PTC_ID;
    let candidate: number;
    do {
      candidate = this.nextPtcId;
      this.nextPtcId = (this.nextPtcId % limit) + 1;
    } while (used.has(candidate) || candidate > limit);
    return candidate;
  }

  /** Every SPAT phase must be a phaseId of the MAP node it controls, or SPAT and MAP disagree. */
  private checkPlansAgainstMap(): void {
    for (const controller of this.controllers) {
      const key = nodeKey(controller.plan.node);
      if (!this.mapNodes.some((n) => nodeKey(n) === key)) throw new SpecError(`rsu ${this.spec.id} signal plan`, "a node in the RSU's MAP", key);
      const mapPhases = new Set(this.network.linksInto(controller.plan.node).flatMap((l) => l.lanes.flatMap((lane) => lane.connections.map((c) => c.phase))));
      for (const phase of controller.phaseIds) {
        if (!mapPhases.has(phase)) throw new SpecError(`rsu ${this.spec.id} signal plan for node ${key}`, "phases that the MAP's connections use", `phase ${phase}`);
      }
    }
  }
}

const optional = (frame: MessageFrame | undefined): MessageFrame[] => (frame === undefined ? [] : [frame]);
