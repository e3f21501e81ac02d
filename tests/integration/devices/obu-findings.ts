import { obuChecks } from "../../../src/conformance/dsl/index.ts";
import type { Observation } from "../../../src/transport/observation.ts";
import { violationsOf } from "./bus.ts";

/** What an OBU run recorded: its BSMs, the interval it was configured with, and when (if at all) a malformed MAP was sent to it. */
export interface ObuRun {
  readonly bsms: readonly Observation[];
  readonly intervalMs: number;
  readonly malformed?: { readonly sentAt: number; readonly runEndedAt: number };
}

/**
 * The OBU requirements a run breaks, by id. Tolerances are loose (2x on rates, seconds on
 * times, metres on positions): each check separates a correct OBU from one fault, not a
 * conformance verdict.
 */
export function obuFindings(run: ObuRun): Set<string> {
  const broken = new Set<string>();
  const breakIf = (condition: boolean, id: string): void => void (condition && broken.add(id));
  // The UPER copies of a dual-encoded stretch are judged by the encoding check only; the other checks see the protobuf stream.
  breakIf(obuChecks.encodingPairs(run.bsms).some((p) => p.difference !== undefined), "CSAE53-2020-ENCODING-EQUIVALENT");
  run = { ...run, bsms: run.bsms.filter((o) => o.encoding === "protobuf") };
  const malformedAt = run.malformed?.sentAt ?? Infinity;
  const meanInterval = obuChecks.meanIntervalMs(run.bsms.filter((o) => o.receivedAt < malformedAt)) ?? Infinity;

  breakIf(violationsOf(run.bsms).length > 0, "CSAE53-2020-BSM-VALID");
  breakIf(meanInterval > 1.5 * run.intervalMs || meanInterval < 0.5 * run.intervalMs, "CSAE53-2020-BSM-RATE");
  breakIf(obuChecks.msgCntSteps(run.bsms).length > 0, "CSAE53-2020-MSGCNT-INCREMENT");
  breakIf(obuChecks.changedRepeats(run.bsms).length > 0, "CSAE53-2020-BSM-MSGCOUNT");
  breakIf(obuChecks.secMarkMismatches(run.bsms, 1000).length > 0, "CSAE53-2020-SECMARK-TIMEBASE");
  breakIf(obuChecks.distinctIds(run.bsms).length !== 1, "CSAE53-2020-BSM-ID-STABLE");
  breakIf(obuChecks.positionMismatches(run.bsms, 5).length > 0, "CSAE53-2020-BSM-POSITION-CONSISTENT");
  if (run.malformed !== undefined) {
    // After the malformed MAP, at least half as many BSMs as the rate before it would give.
    const { sentAt, runEndedAt } = run.malformed;
    const after = run.bsms.filter((o) => o.receivedAt > sentAt + 300);
    breakIf(after.length < (0.5 * (runEndedAt - sentAt - 300)) / meanInterval, "CSAE53-2020-BSM-ROBUST-INPUT");
  }
  return broken;
}
