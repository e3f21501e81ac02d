/** What the vss test purposes (and the reference device's findings) share: checks of a frame's JSON, and opening a session. */
import { VISS_ERROR_PROFILES, type VissErrorCode, type VissErrorCondition } from "../../transport/ws/index.ts";
import type { TestContext } from "../context.ts";
import type { VssExpectedErrors, VssParams } from "../roles/vss.ts";
import type { VissFrame, VissJson, VissSession } from "../viss-driver.ts";

const CONDITION: Readonly<Record<keyof VssExpectedErrors, VissErrorCondition>> = {
  unknownPath: "unknown-path",
  setSensor: "not-writable",
  missingToken: "missing-token",
  malformed: "bad-request",
};

/** The error PIXIT says the SUT answers `situation` with: the per-case override, else the error profile's pair. */
export function expectedError(params: Pick<VssParams, "errorProfile" | "errors">, situation: keyof VssExpectedErrors): VissErrorCode {
  return params.errors[situation] ?? VISS_ERROR_PROFILES[params.errorProfile][CONDITION[situation]];
}

/** The `error` member of an answer, if it has one. */
export function errorOf(answer: VissJson | undefined): { readonly number?: unknown; readonly reason?: unknown } | undefined {
  const error = answer?.["error"];
  return typeof error === "object" && error !== null ? error : undefined;
}

/** The answer is JSON without an error. */
export function succeeded(answer: VissJson | undefined): boolean {
  return answer !== undefined && errorOf(answer) === undefined;
}

/** The answer is the error `expected`, number and reason. */
export function isError(answer: VissJson | undefined, expected: VissErrorCode): boolean {
  const error = errorOf(answer);
  return error?.number === expected.number && error.reason === expected.reason;
}

/** The datapoint (`data.dp`) of a get answer or subscription event. */
export function datapointOf(answer: VissJson | undefined): { readonly value?: unknown; readonly ts?: unknown } | undefined {
  const data = answer?.["data"] as { dp?: unknown } | undefined;
  return typeof data?.dp === "object" && data.dp !== null ? data.dp : undefined;
}

/** The value of a get answer's datapoint. */
export function scalarOf(answer: VissJson | undefined): unknown {
  return datapointOf(answer)?.value;
}

/** What is missing from a get answer for `path`: [] when it names the path and its datapoint has a value and a timestamp. */
export function getAnswerFaults(answer: VissJson | undefined, path: string): string[] {
  if (answer === undefined) return ["no answer"];
  if (!succeeded(answer)) return [`error ${JSON.stringify(errorOf(answer))}`];
  const faults: string[] = [];
  const data = answer["data"] as { path?: unknown } | undefined;
  if (data?.path !== path) faults.push(`data.path is ${JSON.stringify(data?.path)}, not ${path}`);
  const dp = datapointOf(answer);
  if (typeof dp?.value !== "string") faults.push("the datapoint has no value");
  if (typeof dp?.ts !== "string") faults.push("the datapoint has no timestamp");
  return faults;
}

/** The mean interval between successive arrival times, ms; Infinity for fewer than two. */
export function meanIntervalMs(times: readonly number[]): number {
  if (times.length < 2) return Infinity;
  return ((times.at(-1) ?? 0) - (times[0] ?? 0)) / (times.length - 1);
}

/** Whether the mean interval of the events lies within `tolerance` (a fraction) of `periodMs`. */
export function onPeriod(times: readonly number[], periodMs: number, tolerance: number): boolean {
  return Math.abs(meanIntervalMs(times) - periodMs) <= tolerance * periodMs;
}

/** The filter of a timebased subscription. */
export function timebasedFilter(periodMs: number): VissJson {
  return { type: "timebased", parameter: { period: String(periodMs) } };
}

/** The filter of a change subscription. */
export function changeFilter(logicOp: string, diff: string): VissJson {
  return { type: "change", parameter: { "logic-op": logicOp, diff } };
}

/** Whether an answer is the error `expected`, and a reason that says what it was. */
export function judgeError(answer: VissJson | undefined, expected: VissErrorCode): { readonly held: boolean; readonly reason: string } {
  const want = `error ${expected.number} ${expected.reason}`;
  if (isError(answer, expected)) return { held: true, reason: want };
  return { held: false, reason: `answered with ${JSON.stringify(errorOf(answer) ?? "success")}, not ${want}` };
}

/** Why a request did not succeed (no answer within the timeout, or an error answer); undefined when it did. */
export function unsuccessful(answer: VissFrame | undefined, what: string, timeoutMs: number): string | undefined {
  if (answer === undefined) return `no answer to the ${what} within ${timeoutMs} ms`;
  return succeeded(answer.json) ? undefined : `the ${what} was refused: ${JSON.stringify(errorOf(answer.json) ?? answer.text)}`;
}

/**
 * Opens a recording session with the PIXIT subprotocol and request timeout. A server that refuses
 * the connection leaves `requirement` inconclusive (the handshake is TP/VSS/TRANSPORT/BV-02's
 * business) and yields undefined.
 */
export async function connect(t: TestContext<"vss">, requirement: string): Promise<VissSession | undefined> {
  try {
    return await t.viss.session({ subprotocol: t.params.subprotocol, requestTimeoutMs: t.params.requestTimeoutMs });
  } catch (error) {
    t.inconclusive(requirement, `cannot open a VISS connection offering ${t.params.subprotocol}: ${(error as Error).message}`);
    return undefined;
  }
}
