import { alarmLevelOf as alarmLevel, collectedAt, uncoveredReports } from "../../../src/conformance/dsl/tbox.ts";
import { Command, ResponseFlag, type Frame, type Parameter } from "../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import type { Observation } from "../../../src/transport/observation.ts";
import { messageOf, violationsOf } from "./bus.ts";

/**
 * What a scripted T-Box run recorded (see runTbox): every message on its topics, and when the
 * script cut and restored its link and raised a level-3 alarm. The T-Box reported and sent
 * heartbeats every second and started with its clock 2 h off.
 */
export interface TboxRun {
  readonly messages: readonly Observation[];
  readonly cutAt: number;
  readonly restoredAt: number;
  readonly alarmAt: number;
  readonly alarmMs: number;
}

/** The one-second period of reports and heartbeats in the run, ms. */
const PERIOD = 1000;

export interface Seen {
  readonly at: number;
  readonly frame: Frame;
}

/** Whether the arrival times have at least `count` entries no more than 1.5 periods apart. */
function steady(times: readonly number[], count: number): boolean {
  return times.length >= count && times.every((t, i) => i === 0 || t - (times[i - 1] ?? t) <= 1.5 * PERIOD);
}

function parameterValue(parameters: readonly Parameter[], member: "normalReportPeriod" | "terminalResponseTimeout"): number | undefined {
  return parameters.find((p) => p[member] !== undefined)?.[member]?.value;
}

/**
 * How many one-second report slots around the outage no report or reissue covers (the suite's check,
 * TP/TBOX/REISSUE/BV-01). A correct T-Box leaves none, or one where a report's timer straddles a second boundary.
 */
export function uncoveredSeconds(realtime: readonly Seen[], reissues: readonly Seen[], cutAt: number, restoredAt: number): number {
  const timed = realtime.map((s) => ({ at: s.at, collectedAt: collectedAt(s.frame.realtime2016) }));
  return uncoveredReports(timed, reissues.map((s) => collectedAt(s.frame.reissue2016)), cutAt, restoredAt, PERIOD);
}

/** The T-Box requirements a run breaks, by id (loose tolerances: each check separates a correct T-Box from one fault). */
export function tboxFindings(run: TboxRun): Set<string> {
  const broken = new Set<string>();
  const breakIf = (condition: boolean, id: string): void => void (condition && broken.add(id));
  const seen = (direction: "up" | "down"): Seen[] => run.messages.filter((o) => o.channel.includes(`/${direction}/`)).map((o) => ({ at: o.receivedAt, frame: messageOf<Frame>(o) }));
  const up = seen("up");
  const down = seen("down");
  const command = (list: readonly Seen[], c: Command): Seen[] => list.filter((s) => s.frame.command === c);
  const logins = command(up, Command.VEHICLE_LOGIN);
  const logouts = command(up, Command.VEHICLE_LOGOUT);
  const realtime = command(up, Command.REALTIME);
  const reissues = command(up, Command.REISSUE);
  const loggedInAt = command(down, Command.VEHICLE_LOGIN).find((s) => s.frame.responseFlag === ResponseFlag.SUCCESS)?.at ?? Infinity;
  const calibratedAt = command(down, Command.TIME_CALIBRATION)[0]?.at ?? Infinity;
  const beforeCut = (list: readonly Seen[]): Seen[] => list.filter((s) => s.at > loggedInAt && s.at < run.cutAt);

  breakIf(violationsOf(run.messages.filter((o) => o.channel.includes("/up/"))).length > 0, "GBT32960-2016-TBOX-VALID");
  const nextAfter = (at: number): Seen | undefined => up.find((s) => s.at > at);
  const loginAfter = (at: number): boolean => {
    const next = nextAfter(at);
    return next === undefined || next.frame.command === Command.VEHICLE_LOGIN;
  };
  breakIf(up[0]?.frame.command !== Command.VEHICLE_LOGIN || !logouts.every((l) => loginAfter(l.at)), "GBT32960-2016-B.1-LOGIN-FIRST");
  const serials = logins.map((s) => s.frame.vehicleLogin2016?.serial.value);
  breakIf(serials.length < 2 || serials.some((serial, i) => serial !== i + 1), "GBT32960-2016-TABLE6-LOGIN-SERIAL");
  breakIf(
    logouts.length === 0 || logouts.some((l) => l.frame.vehicleLogout?.serial.value !== logins.filter((s) => s.at < l.at).at(-1)?.frame.vehicleLogin2016?.serial.value),
    "GBT32960-2016-TABLE20-LOGOUT-SERIAL",
  );
  breakIf(!steady(beforeCut(realtime).map((s) => s.at), 2), "GBT32960-2016-B.2.1-PERIOD");
  breakIf(!steady(beforeCut(command(up, Command.HEARTBEAT)).map((s) => s.at), 2), "GBT32960-2016-B.2.6-HEARTBEAT");
  breakIf(realtime.some((s) => s.at > calibratedAt && Math.abs(collectedAt(s.frame.realtime2016) - s.at) > 3000), "GBT32960-2016-B.2.5-TIME-CALIBRATION");

  // Reissue is judged only where reports were due before the cut (a T-Box that reports too rarely breaks the period instead).
  if (beforeCut(realtime).length >= 2) {
    const reissued = reissues.filter((s) => s.at < run.alarmAt);
    breakIf(uncoveredSeconds(realtime, reissued, run.cutAt, run.restoredAt) > 1, "GBT32960-2016-B.2.8-REISSUE");
  }

  const alarmReports = realtime.filter((s) => s.at >= run.alarmAt && s.at <= run.alarmAt + run.alarmMs && alarmLevel(s.frame.realtime2016) === 3);
  breakIf(!steady(alarmReports.map((s) => s.at), 2), "GBT32960-2016-B.2.1-ALARM-SAMPLING");
  const onset = collectedAt(alarmReports[0]?.frame.realtime2016);
  const preFault = reissues.filter((s) => s.at >= run.alarmAt && collectedAt(s.frame.reissue2016) < onset && collectedAt(s.frame.reissue2016) >= onset - 31_000);
  breakIf(preFault.length < 2, "GBT32960-2016-B.2.1-ALARM-PRE-FAULT");

  const answers = up.filter((s) => s.frame.responseFlag !== ResponseFlag.COMMAND);
  const setAnswers = command(answers, Command.PARAMETER_SET).map((s) => s.frame.responseFlag);
  breakIf(setAnswers[0] !== ResponseFlag.SUCCESS || setAnswers[1] !== ResponseFlag.ERROR, "GBT32960-2016-B.2.3-PARAMETER-SET");
  const queried = command(answers, Command.PARAMETER_QUERY)[0]?.frame.parameterQueryAnswer?.parameters ?? [];
  breakIf(parameterValue(queried, "normalReportPeriod") !== PERIOD / 1000 || parameterValue(queried, "terminalResponseTimeout") !== 30, "GBT32960-2016-B.2.2-PARAMETER-QUERY");
  return broken;
}
