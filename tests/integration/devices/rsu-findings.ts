import { countdownSlips, illegalLightChanges, intervalProblem, mapOf, overfullRsms, participantsBeyond, requirementOfViolation, reusedPtcIds, sendTimes, spatMapMismatches } from "../../../src/conformance/dsl/rsu.ts";
import type { Observation } from "../../../src/transport/observation.ts";
import { violationsOf } from "./bus.ts";

/** What an RSU run recorded: every message it sent during `watchedMs`, and how far it declares to see from its refPos. */
export interface RsuRun {
  readonly messages: readonly Observation[];
  readonly watchedMs: number;
  readonly range: number;
}

/** The RSU requirements a run breaks, by id (loose tolerances: each check separates a correct RSU from one fault). */
export function rsuFindings(run: RsuRun): Set<string> {
  const broken = new Set<string>();
  const breakIf = (condition: boolean, id: string): void => void (condition && broken.add(id));
  const of = (type: string): Observation[] => run.messages.filter((o) => o.channel.endsWith(`/${type}`));
  const maps = of("map").flatMap((o) => mapOf(o) ?? []);
  const spats = of("spat");

  // Schema rules: most break CSAE53-2020-RSU-VALID, a few a requirement of their own.
  for (const line of violationsOf(run.messages)) broken.add(requirementOfViolation(line));
  breakIf(intervalProblem(sendTimes(of("map")), run.watchedMs, 1000, 0.5) !== undefined, "CSAE53-2020-MAP-RATE");
  breakIf(intervalProblem(sendTimes(spats), run.watchedMs, 100, 0.3) !== undefined, "CSAE53-2020-SPAT-RATE");
  breakIf(maps.length === 0 || spats.some((o) => spatMapMismatches(o, maps).length > 0), "CSAE53-2020-SPAT-MAP-CONSISTENT");
  breakIf(countdownSlips(spats, 1000, 300).slips.length > 0, "CSAE53-2020-SPAT-COUNTDOWN");
  breakIf(illegalLightChanges(spats).length > 0, "CSAE53-2020-SPAT-LIGHT-SEQUENCE");
  breakIf(overfullRsms(of("rsm")).length > 0, "CSAE53-2020-RSM-PARTICIPANT-LIMIT");
  breakIf(reusedPtcIds(of("rsm")).length > 0, "CSAE53-2020-RSM-UNIQUE-IDS");
  breakIf(participantsBeyond(of("rsm"), run.range + 2).length > 0, "CSAE53-2020-RSM-IN-RANGE");
  return broken;
}
