import { calibrationWindow, isReportError, withinWindow } from "../../../src/conformance/dsl/platform.ts";
import { Command, ResponseFlag, type Frame } from "../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { messageOf, violationsOf } from "./bus.ts";
import type { PlatformRun, VehicleLog } from "./platform-run.ts";

interface Answer {
  readonly at: number;
  readonly frame: Frame;
}

/** The platform requirements a run breaks, by id (each check separates a correct platform from one fault). */
export function platformFindings(run: PlatformRun): Set<string> {
  const broken = new Set<string>();
  const breakIf = (condition: boolean, id: string): void => void (condition && broken.add(id));
  const answers: Answer[] = run.answers.map((o) => ({ at: o.receivedAt, frame: messageOf<Frame>(o) }));
  const to = (vehicle: VehicleLog, command: Command): Answer[] => answers.filter((x) => x.frame.uniqueId === vehicle.vin && x.frame.command === command);
  const flags = (list: readonly Answer[]): ResponseFlag[] => list.map((x) => x.frame.responseFlag);
  const reportErrors = (vehicle: VehicleLog): Answer[] => answers.filter((x) => x.frame.uniqueId === vehicle.vin && isReportError(x.frame));
  const aLogins = flags(to(run.a, Command.VEHICLE_LOGIN));
  const lost = (vehicle: VehicleLog): boolean => vehicle.kept.length < vehicle.goodReports - Math.max(0, reportErrors(vehicle).length - vehicle.badReports);
  const timeAnswer = to(run.b, Command.TIME_CALIBRATION)[0];
  const timeAnswered = timeAnswer?.frame.timeCalibrationAnswer?.time;

  breakIf(violationsOf(run.answers).length > 0, "GBT32960-2016-PLATFORM-VALID");
  breakIf(aLogins[0] !== ResponseFlag.SUCCESS || flags(to(run.b, Command.VEHICLE_LOGIN))[0] !== ResponseFlag.SUCCESS, "GBT32960-2016-B.1-LOGIN-ANSWER");
  breakIf(aLogins[0] === ResponseFlag.SUCCESS && aLogins[1] !== ResponseFlag.VIN_DUPLICATE, "GBT32960-2016-B.2.7-DUPLICATE-VIN");
  breakIf(reportErrors(run.a).filter((x) => x.at >= run.a.badAt).length < run.a.badReports, "GBT32960-2016-B.2.1-ERROR-ANSWER");
  breakIf(
    reportErrors(run.b).length > 0 || reportErrors(run.a).length > run.a.badReports || !flags(to(run.a, Command.HEARTBEAT)).includes(ResponseFlag.SUCCESS),
    "GBT32960-2016-B.2.1-ERROR-CARRY-ON",
  );
  breakIf(timeAnswer === undefined || timeAnswered === undefined || !withinWindow(timeAnswered, calibrationWindow(run.askedTimeAt, timeAnswer.at, 2000)), "GBT32960-2016-B.2.5-TIME-CALIBRATION-ANSWER");
  breakIf(lost(run.a) || lost(run.b), "GBT32960-2016-B.2.1-NO-REPORT-LOST");
  return broken;
}
