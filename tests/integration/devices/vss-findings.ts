import { vssChecks } from "../../../src/conformance/dsl/index.ts";
import { validateRules } from "../../../src/schema/index.ts";
import { VISS_ERROR_PROFILES, VissCodec } from "../../../src/transport/ws/index.ts";
import { registry } from "./bus.ts";
import type { Received } from "./viss-socket.ts";
import { ACTUATOR_VALUE, SENSOR, TIMEBASED_MS, type Exchange, type VssRun } from "./vss-run.ts";

const codec = new VissCodec(registry);
const strict = VISS_ERROR_PROFILES["viss2-strict"];
const { getAnswerFaults, isError, onPeriod, scalarOf, succeeded } = vssChecks;
const answered = (exchange: Exchange): boolean => succeeded(exchange.answer?.json);

function valid(frame: Received): boolean {
  try {
    return validateRules(registry, "v2xh.vss.v1.VissMessage", codec.parse(frame.text, "server", "v2")).length === 0;
  } catch {
    return false;
  }
}

/** The VISS requirements a run breaks, by id, with the strict VISS v2 error profile (each check separates a correct server from one fault). */
export function vssFindings(run: VssRun): Set<string> {
  const broken = new Set<string>();
  const breakIf = (condition: boolean, id: string): void => void (condition && broken.add(id));
  const exchanges = [run.getSpeed, run.getUnknown, run.setSensor, run.setWithoutToken, run.setActuator, run.getActuator, run.timebased.subscribe, run.change.subscribe, run.unsubscribe];
  const timebasedTimes = run.timebased.events.map((e) => e.at);

  // VISS defines no answer to a frame that is not JSON, so that one is left out.
  breakIf(run.all.filter((frame) => frame !== run.malformed.answer).some((frame) => !valid(frame)), "VISS-V2-FRAME-VALID");
  breakIf(run.subprotocol !== "VISSv2", "VISS-V2-SUBPROTOCOL-SELECTED");
  breakIf(getAnswerFaults(run.getSpeed.answer?.json, SENSOR).length > 0, "VISS-V2-GET-DATAPOINT");
  breakIf(!isError(run.getUnknown.answer?.json, strict["unknown-path"]), "VISS-V2-ERROR-UNKNOWN-PATH");
  breakIf(!isError(run.setSensor.answer?.json, strict["not-writable"]), "VISS-V2-ERROR-SET-SENSOR");
  breakIf(!isError(run.setWithoutToken.answer?.json, strict["missing-token"]), "VISS-V2-ERROR-MISSING-TOKEN");
  breakIf(!answered(run.setActuator) || scalarOf(run.getActuator.answer?.json) !== ACTUATOR_VALUE, "VISS-V2-SET-ACTUATOR");
  breakIf(timebasedTimes.length < 2 || !onPeriod(timebasedTimes, TIMEBASED_MS, 0.5), "VISS-V2-SUBSCRIBE-TIMEBASED");
  breakIf(run.change.events.length < 3, "VISS-V2-SUBSCRIBE-CHANGE");
  breakIf(!answered(run.unsubscribe) || run.eventsAfterUnsubscribe.length > 0, "VISS-V2-UNSUBSCRIBE-STOPS");
  breakIf([...exchanges, run.malformed.getAfter].some((x) => x.answer?.json !== undefined && x.answer.json["requestId"] !== x.requestId), "VISS-V2-REQUESTID-ECHO");
  breakIf(run.malformed.answer?.json?.["error"] === undefined || !run.malformed.openAfter || !answered(run.malformed.getAfter), "VISS-V2-MALFORMED-KEEPS-CONNECTION");
  return broken;
}
