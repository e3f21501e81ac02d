import { isDeepStrictEqual } from "node:util";
import type { BasicSafetyMessage, MessageFrame, Position3D } from "../../schema/gen/v2xh/csae53/v1/index.ts";
import { LocalFrame } from "../../sim/index.ts";
import type { Observation } from "../../transport/observation.ts";
import type { BusDriver } from "../bus-driver.ts";
import type { EvidenceItem } from "../verdict.ts";

/**
 * Checks of an OBU's BSM stream that the obu test purposes and the reference device's tests share.
 * Each takes the BSMs in arrival order and returns what breaks the rule (empty: the rule held), so
 * that a test can attach the offending messages as evidence.
 */

/** MsgCount ::= INTEGER (0..127): msgCnt counts modulo 128. */
export const MSGCNT_MODULUS = 128;

/** Wire units of BasicSafetyMessage (T/CSAE 53-2020 Annex A). */
const SPEED_UNIT = 0.02;
const SPEED_UNAVAILABLE = 8191;
const HEADING_UNIT = 0.0125;
const HEADING_UNAVAILABLE = 28800;
const LATLON_UNIT = 1e-7;
const MINUTE_MS = 60_000;

/** One rule broken by one or two BSMs. */
export interface BsmProblem {
  readonly observations: readonly Observation[];
  readonly problem: string;
}

/** Evidence of the first `most` problems: each message involved, labelled with its problem. */
export function problemEvidence(bus: BusDriver, problems: readonly BsmProblem[], most = 3): EvidenceItem[] {
  return problems.slice(0, most).flatMap((p) => p.observations.map((o) => bus.evidence(o, p.problem)));
}

interface Decoded {
  readonly observation: Observation;
  readonly bsm: BasicSafetyMessage;
}

/** The BSM an observation carries, or undefined when it is not a decodable BSM frame. */
export function bsmOf(o: Observation): BasicSafetyMessage | undefined {
  return o.decoded.ok ? (o.decoded.message as MessageFrame).bsmFrame : undefined;
}

/** Successive decodable BSMs, as pairs. */
function successive(observations: readonly Observation[]): [Decoded, Decoded][] {
  const decoded = observations.flatMap((observation) => {
    const bsm = bsmOf(observation);
    return bsm === undefined ? [] : [{ observation, bsm }];
  });
  return decoded.slice(1).map((after, i) => [decoded[i] as Decoded, after]);
}

/** Mean time between arrivals, ms; undefined with fewer than two BSMs. */
export function meanIntervalMs(observations: readonly Observation[]): number | undefined {
  const first = observations[0];
  const last = observations.at(-1);
  if (first === undefined || last === undefined || observations.length < 2) return undefined;
  return (last.receivedAt - first.receivedAt) / (observations.length - 1);
}

/**
 * The mean interval at which the BSMs were generated, ms, by their own secMarks (wrapping at the
 * minute): the sender's rate, free of the jitter a loaded network or broker adds to arrival times.
 * Falls back to arrival times when a secMark is unavailable (60000 and above).
 */
export function meanSendIntervalMs(observations: readonly Observation[]): number | undefined {
  const pairs = successive(observations);
  if (pairs.length === 0 || pairs.length !== observations.length - 1) return meanIntervalMs(observations);
  if (pairs.some(([a, b]) => a.bsm.secMark >= MINUTE_MS || b.bsm.secMark >= MINUTE_MS)) return meanIntervalMs(observations);
  const span = pairs.reduce((sum, [a, b]) => sum + ((b.bsm.secMark - a.bsm.secMark + MINUTE_MS) % MINUTE_MS), 0);
  return span / pairs.length;
}

/** Successive BSMs whose msgCnt neither goes up by one (127 wrapping to 0) nor repeats. */
export function msgCntSteps(observations: readonly Observation[]): BsmProblem[] {
  return successive(observations)
    .filter(([a, b]) => b.bsm.msgCnt !== a.bsm.msgCnt && b.bsm.msgCnt !== (a.bsm.msgCnt + 1) % MSGCNT_MODULUS)
    .map(([a, b]) => ({ observations: [a.observation, b.observation], problem: `msgCnt went from ${a.bsm.msgCnt} to ${b.bsm.msgCnt}` }));
}

/** Whether msgCnt wraps from 127 to 0 somewhere in the BSMs. */
export function msgCntWrapped(observations: readonly Observation[]): boolean {
  return successive(observations).some(([a, b]) => a.bsm.msgCnt === MSGCNT_MODULUS - 1 && b.bsm.msgCnt === 0);
}

/** Successive BSMs with the same msgCnt whose content differs. */
export function changedRepeats(observations: readonly Observation[]): BsmProblem[] {
  return successive(observations)
    .filter(([a, b]) => b.bsm.msgCnt === a.bsm.msgCnt && !isDeepStrictEqual(a.bsm, b.bsm))
    .map(([a, b]) => ({ observations: [a.observation, b.observation], problem: `msgCnt ${a.bsm.msgCnt} repeated with different content` }));
}

/** secMark minus the arrival time's millisecond of the UTC minute, folded into -30000..30000 ms. */
export function secMarkOffsetMs(o: Observation, secMark: number): number {
  const offset = (((secMark - (o.receivedAt % MINUTE_MS)) % MINUTE_MS) + MINUTE_MS) % MINUTE_MS;
  return offset > MINUTE_MS / 2 ? offset - MINUTE_MS : offset;
}

/** BSMs whose secMark is not within `toleranceMs` of the arrival time's millisecond of the UTC minute. */
export function secMarkMismatches(observations: readonly Observation[], toleranceMs: number): BsmProblem[] {
  return observations.flatMap((o) => {
    const bsm = bsmOf(o);
    if (bsm === undefined) return [];
    if (bsm.secMark >= MINUTE_MS) return [{ observations: [o], problem: `secMark ${bsm.secMark} says the time is unknown` }];
    const offset = secMarkOffsetMs(o, bsm.secMark);
    return Math.abs(offset) > toleranceMs ? [{ observations: [o], problem: `secMark ${bsm.secMark} is ${offset} ms from the arrival time (${o.receivedAt % MINUTE_MS} ms into the minute)` }] : [];
  });
}

/** The BSM's temporary id as hex, or undefined when it is not a decodable BSM. */
export function bsmIdOf(o: Observation): string | undefined {
  const bsm = bsmOf(o);
  return bsm === undefined ? undefined : Buffer.from(bsm.id).toString("hex");
}

/** The distinct temporary ids of the BSMs, as hex, in order of appearance. */
export function distinctIds(observations: readonly Observation[]): string[] {
  return [...new Set(observations.map(bsmIdOf).filter((id) => id !== undefined))];
}

/** Velocity east and north, m/s; undefined when speed or heading is unavailable. */
function velocity(bsm: BasicSafetyMessage): { readonly east: number; readonly north: number } | undefined {
  if (bsm.speed === SPEED_UNAVAILABLE || bsm.heading === HEADING_UNAVAILABLE) return undefined;
  const speed = bsm.speed * SPEED_UNIT;
  const heading = (bsm.heading * HEADING_UNIT * Math.PI) / 180;
  return { east: speed * Math.sin(heading), north: speed * Math.cos(heading) };
}

/** Displacement from `a` to `b` east and north, m; undefined when either lacks a position. */
function displacement(a: BasicSafetyMessage, b: BasicSafetyMessage): { readonly east: number; readonly north: number } | undefined {
  // A decoded JSON payload may lack the field its type declares mandatory.
  const from = a.pos as Position3D | undefined;
  const to = b.pos as Position3D | undefined;
  if (from === undefined || to === undefined) return undefined;
  return new LocalFrame({ lat: from.lat * LATLON_UNIT, lon: from.lon * LATLON_UNIT }).toEnu({ lat: to.lat * LATLON_UNIT, lon: to.lon * LATLON_UNIT });
}

/**
 * Successive BSMs whose change of position differs by more than `toleranceM` from the travel their
 * speeds and headings predict (their mean velocity over the secMark time between them). Pairs
 * without position, speed or heading are not judged.
 */
export function positionMismatches(observations: readonly Observation[], toleranceM: number): BsmProblem[] {
  return successive(observations).flatMap(([a, b]) => {
    const va = velocity(a.bsm);
    const vb = velocity(b.bsm);
    const moved = displacement(a.bsm, b.bsm);
    if (va === undefined || vb === undefined || moved === undefined) return [];
    const seconds = ((((b.bsm.secMark - a.bsm.secMark) % MINUTE_MS) + MINUTE_MS) % MINUTE_MS) / 1000;
    const error = Math.hypot(moved.east - ((va.east + vb.east) / 2) * seconds, moved.north - ((va.north + vb.north) / 2) * seconds);
    if (error <= toleranceM) return [];
    return [{ observations: [a.observation, b.observation], problem: `moved ${Math.hypot(moved.east, moved.north).toFixed(1)} m in ${seconds.toFixed(3)} s, ${error.toFixed(1)} m away from where speed and heading put it` }];
  });
}

/** The same BSM (by msgCnt and secMark) as it arrived in UPER and in protobuf. */
export interface EncodingPair {
  readonly per: Observation;
  readonly protobuf: Observation;
  /** The first field path where the two decoded messages differ; undefined when they agree. */
  readonly difference: string | undefined;
}

/** The first path (e.g. "bsmFrame.speed") at which `a` and `b` differ; undefined when they are deeply equal. */
export function firstDifference(a: unknown, b: unknown, path = ""): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  const here = path === "" ? "(the message)" : path;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b) || ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) return here;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const deeper = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path === "" ? key : `${path}.${key}`);
    if (deeper !== undefined) return deeper;
  }
  return here;
}

/**
 * Pairs the UPER and protobuf copies of each BSM by (msgCnt, secMark), in arrival order, and
 * compares their decoded messages; a BSM that arrived in one encoding only is left out.
 */
export function encodingPairs(observations: readonly Observation[]): EncodingPair[] {
  const keyOf = (o: Observation): string | undefined => {
    const bsm = bsmOf(o);
    return bsm === undefined ? undefined : `${bsm.msgCnt}/${bsm.secMark}`;
  };
  const protobufByKey = new Map<string, Observation>();
  for (const o of observations) {
    const key = keyOf(o);
    if (o.encoding === "protobuf" && key !== undefined && !protobufByKey.has(key)) protobufByKey.set(key, o);
  }
  return observations.flatMap((per) => {
    const key = keyOf(per);
    const protobuf = key === undefined ? undefined : protobufByKey.get(key);
    if (per.encoding !== "per" || protobuf === undefined || !per.decoded.ok || !protobuf.decoded.ok) return [];
    return [{ per, protobuf, difference: firstDifference(per.decoded.message, protobuf.decoded.message) }];
  });
}
