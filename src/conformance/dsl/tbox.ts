/**
 * Checks and stimuli the tbox test purposes share (GB/T 32960.3-2016 Annex B over MQTT). The
 * device tests' findings (tests/integration/devices/tbox-findings.ts) use the same checks.
 */
import { Command, Edition, Encryption, ResponseFlag, type Frame, type Parameter, type RealtimeData2016, type Time } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { beijingTime } from "../../sim/index.ts";
import type { MessageKindName } from "../../transport/message-kinds.ts";
import type { Observation } from "../../transport/observation.ts";
import type { BusObservation } from "../bus-driver.ts";
import type { TestContext } from "../context.ts";
import type { EvidenceItem } from "../verdict.ts";

type Tbox = TestContext<"tbox">;

/** Every kind of message a T-Box sends. */
export const UPLINK_KINDS: readonly MessageKindName[] = ["login", "realtime", "reissue", "logout", "heartbeat", "timeCalibration", "tboxAnswer"];

/** The frame of an observation; undefined when it could not be decoded. */
export function frameOf(o: Observation): Frame | undefined {
  return o.decoded.ok ? (o.decoded.message as unknown as Frame) : undefined;
}

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** The instant a GB/T 32960 time (Beijing time, whole seconds) names, ms since the epoch. */
export function instantOf(time: Time): number {
  return Date.UTC(2000 + time.year, time.month - 1, time.day, time.hour, time.minute, time.second) - BEIJING_OFFSET_MS;
}

/** The collection time of a report's data, ms since the epoch; NaN without data. */
export function collectedAt(data: RealtimeData2016 | undefined): number {
  return data === undefined ? NaN : instantOf(data.time);
}

/** The highest alarm level of a report's alarm units (0 without any). */
export function alarmLevelOf(data: RealtimeData2016 | undefined): number {
  return Math.max(0, ...(data?.units ?? []).flatMap((u) => (u.alarm === undefined ? [] : [u.alarm.maxAlarmLevel])));
}

/** The longest time between `from`, the arrival times in order, and `to`, ms: the longest silence of the window. */
export function longestSilence(arrivals: readonly number[], from: number, to: number): number {
  const times = [from, ...arrivals.filter((at) => at >= from && at <= to), to];
  return Math.max(...times.slice(1).map((at, i) => at - (times[i] ?? at)));
}

/** A report as the outage check sees it: when it arrived and when its data was collected. */
export interface TimedReport {
  readonly at: number;
  readonly collectedAt: number;
}

/**
 * How many report slots of `periodMs` between the last report arriving by `cutAt` and the first
 * collected after it and arriving after `restoredAt` no realtime or reissued report covers (Infinity when either is missing).
 * A correct T-Box leaves none, or one where a report timer straddles a whole second.
 */
export function uncoveredReports(realtime: readonly TimedReport[], reissuedCollectedAt: readonly number[], cutAt: number, restoredAt: number, periodMs: number): number {
  const lastBefore = realtime.filter((r) => r.at <= cutAt).reduce((last, r) => (r.at >= last.at ? r : last), { at: -Infinity, collectedAt: NaN }).collectedAt;
  // A report in flight at the cut may arrive again after it (MQTT QoS 1): only a later collection time marks the end of the outage.
  const firstAfter = Math.min(...realtime.filter((r) => r.at > restoredAt && r.collectedAt > lastBefore).map((r) => r.collectedAt));
  if (!Number.isFinite(firstAfter) || !Number.isFinite(lastBefore)) return Infinity;
  const covered = [...new Set([...realtime.map((r) => r.collectedAt), ...reissuedCollectedAt])].filter((t) => t >= lastBefore && t <= firstAfter).sort((a, b) => a - b);
  return covered.slice(1).reduce((missing, t, i) => missing + Math.max(0, Math.round((t - (covered[i] ?? t)) / periodMs) - 1), 0);
}

/** Realtime or reissue observations as timed reports. */
export function timedReports(observations: readonly BusObservation[]): TimedReport[] {
  return observations.map((o) => {
    const frame = frameOf(o);
    return { at: o.receivedAt, collectedAt: collectedAt(frame?.realtime2016 ?? frame?.reissue2016) };
  });
}

function commandHeader(vin: string, command: Command): Pick<Frame, "edition" | "command" | "responseFlag" | "uniqueId" | "encryption"> {
  return { edition: Edition.EDITION_2016, command, responseFlag: ResponseFlag.COMMAND, uniqueId: vin, encryption: Encryption.NONE };
}

/** A platform's parameter query (B.3.5.4) of the parameters `ids`. */
export function parameterQuery(vin: string, ids: readonly number[]): Frame {
  return { ...commandHeader(vin, Command.PARAMETER_QUERY), parameterQuery: { time: beijingTime(Date.now()), ids: [...ids] } };
}

/** A platform's parameter set (B.3.5.5). */
export function parameterSet(vin: string, parameters: readonly Parameter[]): Frame {
  return { ...commandHeader(vin, Command.PARAMETER_SET), parameterSet: { time: beijingTime(Date.now()), parameters: [...parameters] } };
}

/** What became of a platform command: the evidence of sending it and the T-Box's answer, if any came in time. */
export interface Exchange {
  readonly sent: EvidenceItem;
  readonly answer: BusObservation | undefined;
  readonly frame: Frame | undefined;
}

/** Sends a platform command to the SUT and waits PIXIT answerTimeoutMs for its answer to that command. */
export async function command(t: Tbox, frame: Frame, summary: string): Promise<Exchange> {
  // Not an answer that came before (a late one, or one in the same millisecond as the send).
  const earlier = new Set(t.bus.received("tboxAnswer", { since: 0 }));
  const sent = await t.bus.send("platformCommand", t.sutId, frame, summary);
  const answer = await t.bus.next("tboxAnswer", t.params.answerTimeoutMs, (o) => !earlier.has(o) && frameOf(o)?.command === frame.command, { since: 0 });
  return { sent, answer, frame: answer === undefined ? undefined : frameOf(answer) };
}

/** The numeric value of one parameter in a query answer; undefined when it is missing or has none. */
export function parameterValueIn(answer: Frame | undefined, member: keyof Parameter): number | undefined {
  const parameter: unknown = answer?.parameterQueryAnswer?.parameters.find((p) => p[member] !== undefined)?.[member];
  if (typeof parameter !== "object" || parameter === null || !("value" in parameter)) return undefined;
  return typeof parameter.value === "number" ? parameter.value : undefined;
}

/**
 * Switches the vehicle's ignition through the upper tester (tbox.ignition) and waits PIXIT
 * answerTimeoutMs for the logout ("off") or login ("on") it causes; the login or logout is
 * undefined when none came.
 */
export async function switchIgnition(t: Tbox, value: "on" | "off"): Promise<{ readonly at: number; readonly frame: BusObservation | undefined }> {
  const at = Date.now();
  const response = await t.upperTester({ changeParameter: { name: "tbox.ignition", value } });
  t.record({ at, kind: "stimulus", channel: "upper tester", summary: `switched the ignition ${value} (${response === undefined ? "no answer" : `result ${response.result}`})` });
  const frame = await t.bus.next(value === "on" ? "login" : "logout", t.params.answerTimeoutMs, () => true, { since: at });
  return { at, frame };
}

/**
 * Waits, up to the answer timeout, for a sign that the login the T-Box sent at `loginAt` was
 * answered and its session is up: a frame of the session (report, heartbeat, time calibration)
 * after it. A T-Box whose login is still unanswered has no session to log out of.
 */
export async function sessionUp(t: Tbox, loginAt: number): Promise<BusObservation | undefined> {
  const sessionKinds: readonly MessageKindName[] = ["realtime", "reissue", "heartbeat", "timeCalibration"];
  const waits = sessionKinds.map((kind) => t.bus.next(kind, t.params.answerTimeoutMs, () => true, { since: loginAt }));
  // The first frame any wait finds; undefined once every wait has ended without one.
  return new Promise((resolve) => {
    let pending = waits.length;
    for (const wait of waits) {
      void wait.then((o) => {
        if (o !== undefined) resolve(o);
        else if (--pending === 0) resolve(undefined);
      });
    }
  });
}

/**
 * Records every frame the SUT sends from now on, in the order of arrival (which arrival times of one
 * millisecond cannot tell); `stop` ends the recording.
 */
export function recordUplink(t: Tbox): { readonly frames: readonly BusObservation[]; stop(): void } {
  const frames: BusObservation[] = [];
  const stops = UPLINK_KINDS.map((kind) => t.bus.onReceive(kind, (o) => o.id === t.sutId && frames.push(o)));
  return { frames, stop: () => stops.forEach((stop) => stop()) };
}

/** The login serial of a login observation. */
export function loginSerialOf(o: BusObservation | undefined): number | undefined {
  return o === undefined ? undefined : frameOf(o)?.vehicleLogin2016?.serial.value;
}

/** The Beijing date of a login ("YYYY-MM-DD" by its own time), which the login serial counts within. */
export function loginDayOf(o: BusObservation): string | undefined {
  const time = frameOf(o)?.vehicleLogin2016?.time;
  return time === undefined ? undefined : `${time.year}-${time.month}-${time.day}`;
}

/** The serial a logout observation carries. */
export function logoutSerialOf(o: BusObservation | undefined): number | undefined {
  return o === undefined ? undefined : frameOf(o)?.vehicleLogout?.serial.value;
}

/**
 * Watches `kind` for at least two allowed gaps and decides `requirement`: no gap between messages
 * (or the window's ends) may exceed `periodMs` stretched by PIXIT periodTolerance.
 */
export async function verifyPeriodic(t: TestContext<"tbox">, kind: MessageKindName, periodMs: number, requirement: string, what: string): Promise<void> {
  const allowed = periodMs * (1 + t.params.periodTolerance);
  const window = Math.max(t.params.observeMs, 2 * allowed);
  const from = Date.now();
  const seen = await t.bus.collect(kind, window);
  const silence = longestSilence(seen.map((o) => o.receivedAt), from, from + window);
  t.verify(
    requirement,
    silence <= allowed,
    `${seen.length} ${what}s in ${window} ms, longest time without one ${silence} ms (period ${periodMs} ms, at most ${Math.round(allowed)} ms allowed)`,
    seen.slice(0, 3).map((o) => t.bus.evidence(o, `a ${what}`)),
  );
}
