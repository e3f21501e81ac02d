import { validateRules } from "../../../src/schema/index.ts";
import { VissCodec } from "../../../src/transport/ws/index.ts";
import { registry } from "./bus.ts";
import type { Json, Received } from "./viss-socket.ts";
import { TIMEBASED_MS, type Exchange, type VssRun } from "./vss-run.ts";

const codec = new VissCodec(registry);

const errorOf = (exchange: Exchange): { number?: unknown; reason?: unknown } | undefined => exchange.answer?.json?.["error"] as Json | undefined;
const succeeded = (exchange: Exchange): boolean => exchange.answer?.json !== undefined && errorOf(exchange) === undefined;
const isError = (exchange: Exchange, number: number, reason: string): boolean => errorOf(exchange)?.number === number && errorOf(exchange)?.reason === reason;
const scalarOf = (exchange: Exchange): unknown => ((exchange.answer?.json?.["data"] as Json | undefined)?.["dp"] as Json | undefined)?.["value"];

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
  const intervals = run.timebased.events.slice(1).map((e, i) => e.at - (run.timebased.events[i]?.at ?? e.at));
  const meanInterval = intervals.length === 0 ? Infinity : intervals.reduce((a, b) => a + b, 0) / intervals.length;

  // VISS defines no answer to a frame that is not JSON, so that one is left out.
  breakIf(run.all.filter((frame) => frame !== run.malformed.answer).some((frame) => !valid(frame)), "VISS-V2-VALID");
  breakIf(run.subprotocol !== "VISSv2", "VISS-V2-SUBPROTOCOL");
  breakIf(!succeeded(run.getSpeed) || scalarOf(run.getSpeed) === undefined, "VISS-V2-GET");
  breakIf(!isError(run.getUnknown, 404, "unavailable_data"), "VISS-V2-ERROR-UNKNOWN-PATH");
  breakIf(!isError(run.setSensor, 400, "invalid_data"), "VISS-V2-ERROR-SET-SENSOR");
  breakIf(!isError(run.setWithoutToken, 401, "missing_token"), "VISS-V2-ERROR-MISSING-TOKEN");
  breakIf(!succeeded(run.setActuator) || scalarOf(run.getActuator) !== "42", "VISS-V2-SET-ACTUATOR");
  breakIf(run.timebased.events.length < 2 || meanInterval > 1.5 * TIMEBASED_MS || meanInterval < 0.5 * TIMEBASED_MS, "VISS-V2-SUBSCRIBE-TIMEBASED");
  breakIf(run.change.events.length < 3, "VISS-V2-SUBSCRIBE-CHANGE");
  breakIf(!succeeded(run.unsubscribe) || run.eventsAfterUnsubscribe.length > 0, "VISS-V2-UNSUBSCRIBE-STOPS");
  breakIf([...exchanges, run.malformed.getAfter].some((x) => x.answer?.json !== undefined && x.answer.json["requestId"] !== x.requestId), "VISS-V2-REQUESTID-ECHO");
  breakIf(run.malformed.answer?.json?.["error"] === undefined || !run.malformed.openAfter || !succeeded(run.malformed.getAfter), "VISS-V2-MALFORMED-KEEPS-CONNECTION");
  return broken;
}
