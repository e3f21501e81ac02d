import { LightState, type MapData, type SPAT } from "../../../src/schema/gen/v2xh/csae53/v1/index.ts";
import { checkSpatAgainstMap } from "../../../src/schema/index.ts";
import type { GeoPoint } from "../../../src/sim/index.ts";
import type { Observation } from "../../../src/transport/observation.ts";
import { messageOf, violationsOf } from "./bus.ts";
import { distance, offsetPosition, secMarkSpan, type WirePosition } from "./geometry.ts";

/** What an RSU run recorded: every message it sent, and where it stands and how far it declares to see. */
export interface RsuRun {
  readonly messages: readonly Observation[];
  readonly position: GeoPoint;
  readonly range: number;
}

interface Rsm {
  readonly refPos: WirePosition;
  readonly participants: readonly { readonly ptcId: number; readonly secMark: number; readonly pos: { readonly offsetLL: Parameters<typeof offsetPosition>[1] } }[];
}

const GREEN: ReadonlySet<number> = new Set([LightState.PROTECTED_GREEN, LightState.PERMISSIVE_GREEN, LightState.FLASHING_GREEN]);

/** Whether a light may follow another: green → yellow → red → green. */
function legalSuccessor(from: number, to: number): boolean {
  if (GREEN.has(from)) return to === LightState.YELLOW;
  if (from === LightState.YELLOW) return to === LightState.RED;
  if (from === LightState.RED) return GREEN.has(to);
  return true;
}

/** Per phase, the active light and its likely end (0.1 s) in each SPAT, with the SPAT's timestamp. */
function activeStates(spats: readonly SPAT[]): Map<number, { light: number; end: number; at: number }[]> {
  const byPhase = new Map<number, { light: number; end: number; at: number }[]>();
  for (const spat of spats) {
    for (const phase of spat.intersections[0]?.phases ?? []) {
      const active = phase.phaseStates[0];
      const end = active?.timing?.counting?.likelyEndTime;
      if (active === undefined || end === undefined) continue;
      byPhase.set(phase.id, [...(byPhase.get(phase.id) ?? []), { light: active.light, end, at: spat.timeStamp ?? 0 }]);
    }
  }
  return byPhase;
}

/** Whether every stretch of one light over a second or more counts down by the time that passed (±0.3 s). */
function countdownsFall(spats: readonly SPAT[]): boolean {
  for (const states of activeStates(spats).values()) {
    let runStart = 0;
    for (let i = 1; i <= states.length; i++) {
      const first = states[runStart];
      const previous = states[i - 1];
      if (i < states.length && states[i]?.light === first?.light) continue;
      if (first !== undefined && previous !== undefined) {
        const elapsed = secMarkSpan(first.at, previous.at);
        if (elapsed >= 1000 && Math.abs(first.end - previous.end - elapsed / 100) > 3) return false;
      }
      runStart = i;
    }
  }
  return true;
}

/** The RSU requirements a run breaks, by id (loose tolerances: each check separates a correct RSU from one fault). */
export function rsuFindings(run: RsuRun): Set<string> {
  const broken = new Set<string>();
  const breakIf = (condition: boolean, id: string): void => void (condition && broken.add(id));
  const of = (type: string): Observation[] => run.messages.filter((o) => o.channel.endsWith(`/${type}`));
  const maps = of("map").map((o) => messageOf<{ mapFrame: MapData }>(o).mapFrame);
  const spatObservations = of("spat");
  const spats = spatObservations.map((o) => messageOf<{ spatFrame: SPAT }>(o).spatFrame);
  const rsms = of("rsm").map((o) => messageOf<{ rsmFrame: Rsm }>(o).rsmFrame);
  const mapTimes = of("map").map((o) => o.receivedAt);
  const spatSpan = (spatObservations.at(-1)?.receivedAt ?? 0) - (spatObservations[0]?.receivedAt ?? 0);
  const here = { lat: Math.round(run.position.lat * 1e7), lon: Math.round(run.position.lon * 1e7) };
  const batches = new Map<number, number[]>();
  for (const rsm of rsms) for (const p of rsm.participants) batches.set(p.secMark, [...(batches.get(p.secMark) ?? []), p.ptcId]);

  breakIf(violationsOf(run.messages).length > 0, "CSAE53-2020-RSU-VALID");
  breakIf(maps.length < 2 || mapTimes.some((t, i) => i > 0 && t - (mapTimes[i - 1] ?? t) > 1500), "CSAE53-2020-MAP-RATE");
  breakIf(spats.length < 2 || spatSpan / (spats.length - 1) > 150, "CSAE53-2020-SPAT-RATE");
  breakIf(maps.length === 0 || spats.some((spat) => checkSpatAgainstMap(spat, maps).length > 0), "CSAE53-2020-SPAT-MAP-CONSISTENT");
  breakIf(!countdownsFall(spats), "CSAE53-2020-SPAT-COUNTDOWN");
  breakIf(
    spats.some((spat) => spat.intersections.some((i) => i.phases.some((p) => p.phaseStates.some((s, k) => k > 0 && !legalSuccessor(p.phaseStates[k - 1]?.light ?? s.light, s.light))))),
    "CSAE53-2020-SPAT-LIGHT-SEQUENCE",
  );
  breakIf(rsms.some((rsm) => rsm.participants.length > 16), "CSAE53-2020-RSM-PARTICIPANT-LIMIT");
  breakIf([...batches.values()].some((ids) => new Set(ids).size !== ids.length), "CSAE53-2020-RSM-UNIQUE-IDS");
  breakIf(rsms.some((rsm) => rsm.participants.some((p) => distance(here, offsetPosition(rsm.refPos, p.pos.offsetLL)) > run.range + 2)), "CSAE53-2020-RSM-IN-RANGE");
  return broken;
}
