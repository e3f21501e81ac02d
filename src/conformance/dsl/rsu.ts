/**
 * Checks the rsu test purposes share, on what an RSU sends: which requirement decides a rule
 * violation, the SPAT-against-MAP cross check, countdowns, light sequences, message rates and
 * RSM participants. They take plain observations, so the device tests use them too.
 */
import { LightState, type MapData, type MessageFrame, type PositionOffsetLL, type RoadsideSafetyMessage, type SPAT } from "../../schema/gen/v2xh/csae53/v1/index.ts";
import { checkSpatAgainstMap, formatViolation } from "../../schema/index.ts";
import { LocalFrame } from "../../sim/index.ts";
import type { Observation } from "../../transport/observation.ts";
import type { TestContext } from "../context.ts";

/** ParticipantList is SIZE(1..16) (T/CSAE 53-2020 Annex A). */
export const RSM_MAX_PARTICIPANTS = 16;

const RSU_VALID = "CSAE53-2020-RSU-VALID";

/**
 * Schema rules whose violation a requirement of its own decides, so that a fault breaking it
 * breaks that requirement alone and not CSAE53-2020-RSU-VALID as well.
 */
const OWN_REQUIREMENT: readonly { readonly requirement: string; readonly matches: (line: string) => boolean }[] = [
  { requirement: "CSAE53-2020-SPAT-TIMING-ORDER", matches: (line) => line.includes(": spat-end-times-ordered (") },
  { requirement: "CSAE53-2020-RSM-UNIQUE-IDS", matches: (line) => line.includes(": rsm-unique-participant-ids (") },
  { requirement: "CSAE53-2020-RSM-PARTICIPANT-LIMIT", matches: (line) => Number(/participants: items \(got (\d+)/.exec(line)?.[1] ?? 0) > RSM_MAX_PARTICIPANTS },
];

/** The requirement a violation line (of BusDriver.violations) breaks: CSAE53-2020-RSU-VALID unless a rule has its own. */
export function requirementOfViolation(line: string): string {
  return OWN_REQUIREMENT.find((own) => own.matches(line))?.requirement ?? RSU_VALID;
}

/** The lines of `violations` that `requirement` decides. */
export function violationsDecidedBy(violations: readonly string[], requirement: string): string[] {
  return violations.filter((line) => requirementOfViolation(line) === requirement);
}

type RsuKind = "map" | "spat" | "rsi" | "rsm";

/**
 * Watches `windowMs` and verifies that no message of `kind` the RSU sent breaks a schema rule
 * `requirement` decides (CSAE53-2020-RSU-VALID: every rule without a requirement of its own).
 */
export function verifyRules(t: TestContext<"rsu">, kind: RsuKind, requirement: string, windowMs: number): Promise<void> {
  const find = (seen: readonly Observation[]): RsuProblem[] => seen.flatMap((o) => violationsDecidedBy(t.bus.violations(o), requirement).map((problem) => ({ o, problem })));
  return verifyNoProblem(t, kind, requirement, windowMs, find, (count) => `none of ${count} ${kind.toUpperCase()}s breaks a rule of ${requirement}`);
}

/**
 * Watches `windowMs` and decides `requirement` on the problems `find` sees in the messages of
 * `kind`: inconclusive when none came, pass with `held(count)` when there is no problem.
 */
export async function verifyNoProblem(t: TestContext<"rsu">, kind: RsuKind, requirement: string, windowMs: number, find: (seen: readonly Observation[]) => RsuProblem[], held: (count: number) => string): Promise<void> {
  const seen = await t.bus.collect(kind, windowMs);
  if (seen.length === 0) return t.inconclusive(requirement, `no ${kind.toUpperCase()} arrived in ${windowMs} ms`);
  verifyNone(t, requirement, find(seen), held(seen.length));
}

function frameOf(o: Observation): MessageFrame | undefined {
  return o.decoded.ok ? (o.decoded.message as MessageFrame) : undefined;
}

export const mapOf = (o: Observation): MapData | undefined => frameOf(o)?.mapFrame;
export const spatOf = (o: Observation): SPAT | undefined => frameOf(o)?.spatFrame;
export const rsmOf = (o: Observation): RoadsideSafetyMessage | undefined => frameOf(o)?.rsmFrame;

/**
 * Every way the SPAT `o` carries contradicts the MAPs: an intersection no MAP node is, a phase no
 * movement or connection uses. None for a message that is no SPAT (a validity matter).
 */
export function spatMapMismatches(o: Observation, maps: readonly MapData[]): string[] {
  const spat = spatOf(o);
  return spat === undefined ? [] : checkSpatAgainstMap(spat, maps, "spatFrame").map(formatViolation);
}

/**
 * Why `times` (ms, in order), the messages sent during `windowMs`, are not one per `intervalMs` ±
 * `tolerance`; undefined when they are. Too slow is judged on the mean interval, too fast on the
 * count: a starved receiver sees late messages in bursts, which shortens intervals but never adds
 * messages.
 */
export function intervalProblem(times: readonly number[], windowMs: number, intervalMs: number, tolerance: number): string | undefined {
  const first = times[0];
  const last = times.at(-1);
  const declared = `declared ${intervalMs} ms ± ${Math.round(tolerance * 100)} %`;
  if (first === undefined || last === undefined || times.length < 2) return `${times.length} message(s) in ${windowMs} ms: fewer than two, so fewer than one per ${intervalMs} ms`;
  const mean = (last - first) / (times.length - 1);
  if (mean > intervalMs * (1 + tolerance)) return `mean interval ${mean.toFixed(0)} ms over ${times.length} messages, ${declared}`;
  const most = Math.floor((windowMs / intervalMs) * (1 + tolerance)) + 1;
  return times.length > most ? `${times.length} messages in ${windowMs} ms, more than the ${most} the ${declared} allows` : undefined;
}

/**
 * When each message was sent: for SPATs that all carry a timeStamp, the build times they state
 * (ms from the first, across the minute), since arrival jitter on a shared bus is of the order of a
 * 100 ms interval and a late message arrives in a burst with the next; otherwise the arrival times.
 */
export function sendTimes(messages: readonly Observation[]): number[] {
  const stamps = messages.map((o) => {
    const spat = spatOf(o);
    return spat?.timeStamp ?? spat?.intersections[0]?.timeStamp;
  });
  const known = stamps.filter((stamp): stamp is number => stamp !== undefined);
  const first = known[0];
  if (first === undefined || known.length < stamps.length) return messages.map((o) => o.receivedAt);
  return known.map((stamp) => dSecondSpan(first, stamp));
}

/**
 * Watches at least three declared intervals and verifies that the RSU sends `kind` at its declared
 * rate; silence fails, since it is the slowest rate of all.
 */
export async function verifyRate(t: TestContext<"rsu">, kind: "map" | "spat", requirement: string, intervalMs: number): Promise<void> {
  const windowMs = Math.max(t.params.observeMs, 3 * intervalMs);
  const seen = await t.bus.collect(kind, windowMs);
  const problem = intervalProblem(sendTimes(seen), windowMs, intervalMs, t.params.rateTolerance);
  const evidence = [seen[0], seen.at(-1)].filter((o) => o !== undefined).map((o, i) => t.bus.evidence(o, i === 0 ? `first ${kind.toUpperCase()} of the window` : `last of ${seen.length}`));
  t.verify(requirement, problem === undefined, problem ?? `${seen.length} ${kind.toUpperCase()}s in ${windowMs} ms, mean interval within ${intervalMs} ms ± ${Math.round(t.params.rateTolerance * 100)} %`, evidence);
}

/** The active light of one phase in one SPAT, with the time left on it (0.1 s) and when the SPAT says it was built (ms of the minute). */
interface ActiveLight {
  readonly o: Observation;
  readonly light: LightState;
  readonly likelyEnd: number | undefined;
  readonly builtAt: number | undefined;
}

/** Per intersection and phase, the active (first) state of each SPAT, oldest first. */
function activeLights(spats: readonly Observation[]): Map<string, ActiveLight[]> {
  const byPhase = new Map<string, ActiveLight[]>();
  for (const o of spats) {
    const spat = spatOf(o);
    for (const intersection of spat?.intersections ?? []) {
      for (const phase of intersection.phases) {
        const active = phase.phaseStates[0];
        if (active === undefined) continue;
        const key = `intersection ${intersection.intersectionId.id} phase ${phase.id}`;
        const light = { o, light: active.light, likelyEnd: active.timing?.counting?.likelyEndTime, builtAt: intersection.timeStamp ?? spat?.timeStamp };
        byPhase.set(key, [...(byPhase.get(key) ?? []), light]);
      }
    }
  }
  return byPhase;
}

/** ms from DSecond `a` to DSecond `b`, across the minute boundary. */
function dSecondSpan(a: number, b: number): number {
  return (((b - a) % 60000) + 60000) % 60000;
}

/** What one message shows that breaks a rule: the message and how it breaks it. */
export interface RsuProblem {
  readonly o: Observation;
  readonly problem: string;
}

/**
 * Judges every stretch of one active light lasting `spanMs` or more by the SPATs' own timestamps
 * (arrival times jitter too much on a loaded bus): its likely end time must fall by the time that
 * passed, ± `toleranceMs`. Returns how many stretches were judged and the ones that slipped.
 */
export function countdownSlips(spats: readonly Observation[], spanMs: number, toleranceMs: number): { readonly judged: number; readonly slips: RsuProblem[] } {
  let judged = 0;
  const slips: RsuProblem[] = [];
  for (const [phase, all] of activeLights(spats)) {
    const lights = all.filter((l): l is ActiveLight & { likelyEnd: number; builtAt: number } => l.likelyEnd !== undefined && l.builtAt !== undefined);
    let start = 0;
    for (let i = 1; i <= lights.length; i++) {
      const first = lights[start];
      if (first === undefined || (i < lights.length && lights[i]?.light === first.light)) continue;
      const last = lights[i - 1] ?? first;
      const elapsedMs = dSecondSpan(first.builtAt, last.builtAt);
      if (elapsedMs >= spanMs) {
        judged++;
        const fallMs = (first.likelyEnd - last.likelyEnd) * 100;
        const problem = `${phase}: ${lightName(first.light)} counted down ${fallMs} ms in ${elapsedMs} ms (likelyEndTime ${first.likelyEnd} → ${last.likelyEnd})`;
        if (Math.abs(fallMs - elapsedMs) > toleranceMs) slips.push({ o: last.o, problem });
      }
      start = i;
    }
  }
  return { judged, slips };
}

const GREEN: ReadonlySet<LightState> = new Set([LightState.PROTECTED_GREEN, LightState.PERMISSIVE_GREEN, LightState.FLASHING_GREEN]);

/** Whether `to` may follow `from` (GB 14886): green → yellow → red → green; other lights are not judged. */
function legalSuccessor(from: LightState, to: LightState): boolean {
  if (from === to) return true;
  if (GREEN.has(from)) return to === LightState.YELLOW;
  if (from === LightState.YELLOW) return to === LightState.RED;
  if (from === LightState.RED) return GREEN.has(to);
  return true;
}

/** Every illegal change of light: within one SPAT's list of coming states, or between the active lights of successive SPATs. */
export function illegalLightChanges(spats: readonly Observation[]): RsuProblem[] {
  const out: RsuProblem[] = [];
  const check = (o: Observation, phase: string, from: LightState, to: LightState, where: string): void => {
    if (!legalSuccessor(from, to)) out.push({ o, problem: `${phase}: ${lightName(from)} → ${lightName(to)} ${where}` });
  };
  for (const o of spats) {
    for (const intersection of spatOf(o)?.intersections ?? []) {
      for (const phase of intersection.phases) {
        phase.phaseStates.forEach((state, k) => {
          const before = phase.phaseStates[k - 1];
          if (before !== undefined) check(o, `intersection ${intersection.intersectionId.id} phase ${phase.id}`, before.light, state.light, "in the coming states");
        });
      }
    }
  }
  for (const [phase, lights] of activeLights(spats)) {
    lights.forEach((now, i) => {
      const before = lights[i - 1];
      if (before !== undefined) check(now.o, phase, before.light, now.light, "between successive SPATs");
    });
  }
  return out;
}

function lightName(light: LightState): string {
  return Object.entries(LightState).find(([, value]) => value === light)?.[0] ?? String(light);
}

/** Participants listed twice in one batch: the RSMs of one detection time (participant secMark) together. */
export function reusedPtcIds(rsms: readonly Observation[]): RsuProblem[] {
  const batches = new Map<number, Set<number>>();
  const out: RsuProblem[] = [];
  for (const o of rsms) {
    for (const p of rsmOf(o)?.participants ?? []) {
      const batch = batches.get(p.secMark) ?? new Set<number>();
      if (batch.has(p.ptcId)) out.push({ o, problem: `ptcId ${p.ptcId} names two participants detected at secMark ${p.secMark}` });
      batches.set(p.secMark, batch.add(p.ptcId));
    }
  }
  return out;
}

/** The absolute position (1e-7 degree) a PositionOffsetLL names from `ref`; undefined for an empty CHOICE (a validity matter). */
function offsetPosition(ref: { readonly lat: number; readonly lon: number }, offset: PositionOffsetLL): { lat: number; lon: number } | undefined {
  if (offset.positionLatLon !== undefined) return offset.positionLatLon;
  const delta = offset.positionLl1 ?? offset.positionLl2 ?? offset.positionLl3 ?? offset.positionLl4 ?? offset.positionLl5 ?? offset.positionLl6;
  return delta === undefined ? undefined : { lat: ref.lat + delta.lat, lon: ref.lon + delta.lon };
}

/** Each participant farther than `rangeM` from its RSM's refPos (horizontal distance). */
export function participantsBeyond(rsms: readonly Observation[], rangeM: number): RsuProblem[] {
  const degrees = (p: { lat: number; lon: number }): { lat: number; lon: number } => ({ lat: p.lat / 1e7, lon: p.lon / 1e7 });
  return rsms.flatMap((o) => {
    const rsm = rsmOf(o);
    if (rsm === undefined) return [];
    const frame = new LocalFrame(degrees(rsm.refPos));
    return rsm.participants.flatMap((p) => {
      const at = offsetPosition(rsm.refPos, p.pos.offsetLL);
      if (at === undefined) return [];
      const enu = frame.toEnu(degrees(at));
      const distanceM = Math.hypot(enu.east, enu.north);
      return distanceM > rangeM ? [{ o, problem: `participant ${p.ptcId} is ${distanceM.toFixed(1)} m from refPos, beyond ${rangeM} m` }] : [];
    });
  });
}

/** Each RSM listing more than RSM_MAX_PARTICIPANTS participants. */
export function overfullRsms(rsms: readonly Observation[]): RsuProblem[] {
  return rsms.flatMap((o) => {
    const count = rsmOf(o)?.participants.length ?? 0;
    return count > RSM_MAX_PARTICIPANTS ? [{ o, problem: `${count} participants in one RSM, at most ${RSM_MAX_PARTICIPANTS}` }] : [];
  });
}

/** Decides `requirement` on the `problems` a check found: passes with `held` when there are none, fails with the first few as evidence. */
export function verifyNone(t: TestContext<"rsu">, requirement: string, problems: readonly RsuProblem[], held: string): void {
  const evidence = problems.slice(0, 3).map((p) => t.bus.evidence(p.o, p.problem));
  t.verify(requirement, problems.length === 0, problems.length === 0 ? held : `${problems.length} found, first: ${problems[0]?.problem ?? ""}`, evidence);
}
