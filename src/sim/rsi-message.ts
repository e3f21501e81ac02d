import {
  EventSource,
  type Position3D,
  type ReferenceLink,
  type ReferencePath,
  type RoadSideInformation,
  type RSITimeDetails,
  type RTEData,
  type RTSData,
} from "../schema/gen/v2xh/csae53/v1/index.ts";
import type { GeoPoint } from "./geo.ts";
import { nodeReference } from "./map-message.ts";
import { positionOffset } from "./position-offset.ts";
import type { RoadNetwork } from "./road-network.ts";
import { SpecError } from "./spec-error.ts";
import { minuteOfTheYear, toPosition3D } from "./wire-units.ts";

/** Fields shared by road events and traffic signs an RSU announces in RSI. */
interface RsiItemBase {
  /** rteId / rtsId, 0..255, unique among the RSU's events (or signs). */
  readonly id: number;
  /** When the item is announced: from `activeFrom` (inclusive) to `activeUntil` (exclusive), ms since the Unix epoch. */
  readonly activeFrom: number;
  readonly activeUntil: number;
  /** Where the event or sign is. */
  readonly position?: GeoPoint;
  /** ASCII text, 1 to 512 characters. */
  readonly description?: string;
  /** 0 (lowest) to 7 (highest). */
  readonly priority?: number;
  /** Paths along which the item applies (1 to 8): points upstream → downstream, and the half-width around them, m. One point means a circle. */
  readonly paths?: readonly { readonly points: readonly GeoPoint[]; readonly radius: number }[];
  /** MAP links the item applies to (1 to 16), optionally only some of their lanes (lane ids 1..15). */
  readonly links?: readonly { readonly link: string; readonly lanes?: readonly number[] }[];
}

/** A road traffic event (RTEData), e.g. roadwork, an accident, congestion. */
export interface RoadEventSpec extends RsiItemBase {
  readonly kind: "event";
  /** Event type code of GB/T 29100-2012. */
  readonly eventType: number;
  /** Who reported it. Default: "detection". */
  readonly source?: "unknown" | "police" | "government" | "meteorological" | "internet" | "detection";
  /** Radius of the affected area around `position`, m. */
  readonly radius?: number;
  /** Probability that the event is real, 0..1. */
  readonly confidence?: number;
}

/** A traffic sign (RTSData), e.g. a temporary speed limit or "road works". */
export interface TrafficSignSpec extends RsiItemBase {
  readonly kind: "sign";
  /** Sign type code of GB 5768.2 (0 is a text message). */
  readonly signType: number;
}

export type RsiItemSpec = RoadEventSpec | TrafficSignSpec;

const EVENT_SOURCES = {
  unknown: EventSource.UNKNOWN,
  police: EventSource.POLICE,
  government: EventSource.GOVERNMENT,
  meteorological: EventSource.METEOROLOGICAL,
  internet: EventSource.INTERNET,
  detection: EventSource.DETECTION,
} as const;

/** Checks what the schema cannot: list sizes over all items, unique ids, ranges, ASCII text. */
export function checkRsiItems(items: readonly RsiItemSpec[], network: RoadNetwork): void {
  const events = items.filter((i) => i.kind === "event");
  const signs = items.filter((i) => i.kind === "sign");
  if (events.length > 8) throw new SpecError("rsu events", "at most 8 road events", String(events.length));
  if (signs.length > 16) throw new SpecError("rsu events", "at most 16 traffic signs", String(signs.length));
  for (const group of [events, signs]) {
    const ids = new Set<number>();
    for (const item of group) {
      const where = `rsu ${item.kind} ${item.id}`;
      if (!Number.isInteger(item.id) || item.id < 0 || item.id > 255 || ids.has(item.id)) throw new SpecError(`${where}.id`, "an id 0..255 unique per kind", String(item.id));
      ids.add(item.id);
      if (!(item.activeUntil > item.activeFrom)) throw new SpecError(`${where}.activeUntil`, `a time after activeFrom (${item.activeFrom})`, String(item.activeUntil));
      if (item.priority !== undefined && !(Number.isInteger(item.priority) && item.priority >= 0 && item.priority <= 7)) {
        throw new SpecError(`${where}.priority`, "an integer 0..7", String(item.priority));
      }
      if (item.description !== undefined && !/^[\x20-\x7e]{1,512}$/.test(item.description)) {
        throw new SpecError(`${where}.description`, "1 to 512 printable ASCII characters", JSON.stringify(item.description));
      }
      if ((item.paths?.length ?? 0) > 8 || item.paths?.some((p) => p.points.length < 1 || p.points.length > 32)) {
        throw new SpecError(`${where}.paths`, "at most 8 paths of 1 to 32 points", JSON.stringify(item.paths?.map((p) => p.points.length)));
      }
      if ((item.links?.length ?? 0) > 16) throw new SpecError(`${where}.links`, "at most 16 links", String(item.links?.length));
      for (const ref of item.links ?? []) {
        network.link(ref.link);
        if (ref.lanes?.some((lane) => !Number.isInteger(lane) || lane < 1 || lane > 15)) throw new SpecError(`${where}.links`, "lane ids 1..15", JSON.stringify(ref.lanes));
      }
    }
  }
}

/** The items announced at `epochMs`, by id. */
export function activeItems(items: readonly RsiItemSpec[], epochMs: number): RsiItemSpec[] {
  return items.filter((i) => i.activeFrom <= epochMs && epochMs < i.activeUntil).sort((a, b) => a.id - b.id);
}

/** The RSI announcing `active` (see activeItems); offsets are from `refPos`. */
export function buildRsi(active: readonly RsiItemSpec[], network: RoadNetwork, id: Uint8Array, refPos: Position3D, msgCnt: number, epochMs: number): RoadSideInformation {
  const rtes = active.flatMap((i) => (i.kind === "event" ? [roadEvent(i, network, refPos)] : []));
  const rtss = active.flatMap((i) => (i.kind === "sign" ? [trafficSign(i, network, refPos)] : []));
  return { msgCnt, moy: minuteOfTheYear(epochMs), id, refPos, rtes, rtss };
}

function roadEvent(item: RoadEventSpec, network: RoadNetwork, refPos: Position3D): RTEData {
  return {
    rteId: item.id,
    eventType: item.eventType,
    eventSource: EVENT_SOURCES[item.source ?? "detection"],
    ...(item.position === undefined ? {} : { eventPos: positionOffset(refPos, toPosition3D(item.position)) }),
    ...(item.radius === undefined ? {} : { eventRadius: decimetres(item.radius) }),
    ...common(item, network, refPos),
    ...(item.confidence === undefined ? {} : { eventConfidence: Math.round(Math.min(1, Math.max(0, item.confidence)) * 200) }),
  };
}

function trafficSign(item: TrafficSignSpec, network: RoadNetwork, refPos: Position3D): RTSData {
  return {
    rtsId: item.id,
    signType: item.signType,
    ...(item.position === undefined ? {} : { signPos: positionOffset(refPos, toPosition3D(item.position)) }),
    ...common(item, network, refPos),
  };
}

function common(item: RsiItemBase, network: RoadNetwork, refPos: Position3D): Pick<RTEData, "description" | "timeDetails" | "priority" | "referencePaths" | "referenceLinks"> {
  const timeDetails: RSITimeDetails = { startTime: minuteOfTheYear(item.activeFrom), endTime: minuteOfTheYear(item.activeUntil) };
  return {
    ...(item.description === undefined ? {} : { description: { textString: item.description } }),
    timeDetails,
    // RSIPriority keeps the level in the top three bits of its one octet.
    ...(item.priority === undefined ? {} : { priority: Uint8Array.of(item.priority << 5) }),
    referencePaths: (item.paths ?? []).map(
      (p): ReferencePath => ({ activePath: p.points.map((point) => positionOffset(refPos, toPosition3D(point))), pathRadius: decimetres(p.radius) }),
    ),
    referenceLinks: (item.links ?? []).map((ref): ReferenceLink => {
      const link = network.link(ref.link);
      return {
        upstreamNodeId: nodeReference(link.from),
        downstreamNodeId: nodeReference(link.to),
        ...(ref.lanes === undefined ? {} : { referenceLanes: ref.lanes.reduce((bits, lane) => bits | (1 << lane), 0) }),
      };
    }),
  };
}

/** Radius in 0.1 m. */
function decimetres(metres: number): number {
  return Math.min(65535, Math.max(0, Math.round(metres * 10)));
}
