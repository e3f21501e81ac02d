import { Command, Edition, Encryption, ResponseFlag, type Frame, type Time, type VehicleLogin2016, type VehicleLogout } from "../schema/gen/v2xh/gbt32960/v1/index.ts";

/** The header of an answer to a frame from `vin`: Annex B answers keep the command and change the response flag. */
function header(vin: string, command: Command, flag: ResponseFlag): Pick<Frame, "edition" | "command" | "responseFlag" | "uniqueId" | "encryption"> {
  return { edition: Edition.EDITION_2016, command, responseFlag: flag, uniqueId: vin, encryption: Encryption.NONE };
}

/** Annex B 2016: the login echoed with the platform's time. */
export function loginAnswer(vin: string, login: VehicleLogin2016, flag: ResponseFlag, time: Time): Frame {
  return { ...header(vin, Command.VEHICLE_LOGIN, flag), vehicleLogin2016: { ...login, time } };
}

export function logoutAnswer(vin: string, logout: VehicleLogout, time: Time): Frame {
  return { ...header(vin, Command.VEHICLE_LOGOUT, ResponseFlag.SUCCESS), vehicleLogout: { ...logout, time } };
}

export function heartbeatAnswer(vin: string): Frame {
  return { ...header(vin, Command.HEARTBEAT, ResponseFlag.SUCCESS), heartbeat: {} };
}

/** The platform's current time, for the T-Box to set its clock by. */
export function timeCalibrationAnswer(vin: string, time: Time): Frame {
  return { ...header(vin, Command.TIME_CALIBRATION, ResponseFlag.SUCCESS), timeCalibrationAnswer: { time } };
}

/**
 * An error answer. It carries only the platform's time: echoing a report that broke a rule would
 * make the answer break it too.
 */
export function errorAnswer(vin: string, command: Command, time: Time): Frame {
  return { ...header(vin, command, ResponseFlag.ERROR), response: { time } };
}
