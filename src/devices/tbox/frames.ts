import {
  AlarmLevel2016,
  Command,
  Edition,
  Encryption,
  GeneralAlarmBit2016,
  ResponseFlag,
  type Frame,
  type Parameter,
  type RealtimeData2016,
  type Time,
} from "../../schema/gen/v2xh/gbt32960/v1/index.ts";

/** The header every frame of this VIN carries; `responseFlag` COMMAND starts an exchange. */
function header(vin: string, command: Command, responseFlag: ResponseFlag = ResponseFlag.COMMAND): Pick<Frame, "edition" | "command" | "responseFlag" | "uniqueId" | "encryption"> {
  return { edition: Edition.EDITION_2016, command, responseFlag, uniqueId: vin, encryption: Encryption.NONE };
}

/** What a T-Box says about itself when it logs in. */
export interface LoginIdentity {
  readonly vin: string;
  /** 20 characters. */
  readonly iccid: string;
  /** Codes of the rechargeable energy storage systems, all of one length (1..50). */
  readonly ressCodes: readonly string[];
}

export function loginFrame(identity: LoginIdentity, time: Time, serial: number): Frame {
  const { vin, iccid, ressCodes } = identity;
  return {
    ...header(vin, Command.VEHICLE_LOGIN),
    vehicleLogin2016: { time, serial: { value: serial }, iccid, ressCount: ressCodes.length, ressCodeLength: ressCodes[0]?.length ?? 0, ressCodes: [...ressCodes] },
  };
}

export function logoutFrame(vin: string, time: Time, serial: number): Frame {
  return { ...header(vin, Command.VEHICLE_LOGOUT), vehicleLogout: { time, serial: { value: serial } } };
}

export function heartbeatFrame(vin: string): Frame {
  return { ...header(vin, Command.HEARTBEAT), heartbeat: {} };
}

export function timeCalibrationRequestFrame(vin: string): Frame {
  return { ...header(vin, Command.TIME_CALIBRATION), timeCalibrationRequest: {} };
}

/** A realtime report sent again after the fact (command 0x03), with its original collection time. */
export function reissueFrame(vin: string, data: RealtimeData2016): Frame {
  return { ...header(vin, Command.REISSUE), reissue2016: data };
}

export function realtimeFrame(vin: string, data: RealtimeData2016): Frame {
  return { ...header(vin, Command.REALTIME), realtime2016: data };
}

/** The data with the alarm unit raised to at least `level`; an alarm of level 1 or more also sets the battery over-temperature flag. */
export function withAlarm(data: RealtimeData2016, level: number): RealtimeData2016 {
  if (level === 0) return data;
  return {
    ...data,
    units: data.units.map((unit) => {
      if (unit.alarm === undefined) return unit;
      const current = unit.alarm.maxAlarmLevel <= AlarmLevel2016.LEVEL_3 ? unit.alarm.maxAlarmLevel : AlarmLevel2016.NONE;
      const maxAlarmLevel = Math.max(current, level) as AlarmLevel2016;
      return { alarm: { ...unit.alarm, maxAlarmLevel, generalAlarmFlags: (unit.alarm.generalAlarmFlags | (1 << GeneralAlarmBit2016.BATTERY_HIGH_TEMPERATURE)) >>> 0 } };
    }),
  };
}

/** The data with the alarm unit counting one other fault (N4) more than it lists: a report that breaks table 17. */
export function withOtherFaultsMiscounted(data: RealtimeData2016): RealtimeData2016 {
  return {
    ...data,
    units: data.units.map((unit) => (unit.alarm === undefined ? unit : { alarm: { ...unit.alarm, otherFaultCount: { value: unit.alarm.otherFaultCodes.length + 1 } } })),
  };
}

export function parameterQueryAnswerFrame(vin: string, time: Time, parameters: readonly Parameter[]): Frame {
  return { ...header(vin, Command.PARAMETER_QUERY, ResponseFlag.SUCCESS), parameterQueryAnswer: { time, parameters: [...parameters] } };
}

/** The T-Box's answer to a platform command: the outcome and the time it answered. */
export function commandAnswerFrame(vin: string, command: Command, outcome: ResponseFlag, time: Time): Frame {
  return { ...header(vin, command, outcome), response: { time } };
}
