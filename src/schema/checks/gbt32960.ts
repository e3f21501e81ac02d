import {
  Command,
  ControlAlarmLevel,
  Edition,
  Encryption,
  ResponseFlag,
  type Alarm2016,
  type Alarm2025,
  type Frame,
  type Parameter,
  type ParameterQueryAnswer,
  type ParameterSet,
  type RessVoltageSubsystem2016,
  type Time,
  type VehicleLogin2016,
} from "../gen/v2xh/gbt32960/v1/index.ts";
import type { ReportedValue } from "../violation.ts";
import { defineCheck, type MessageCheck } from "./check.ts";

/** One broken rule, reported at the path of the message the check is attached to. */
interface Finding {
  readonly value: ReportedValue;
  readonly expected: string;
}

/**
 * A named check whose violations all sit at the message it is attached to, as the GB/T 32960
 * fixtures expect; the value names the field at fault when the message alone does not.
 */
function named<T>(rule: string, clause: string, find: (message: T) => Finding[]): [string, MessageCheck] {
  return [rule, defineCheck<T>((message, path) => find(message).map(({ value, expected }) => ({ path, rule, value, expected, clause })))];
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
}

/** "<at>[i].<member>" for every parameter of the list that is one of the members. */
function parametersUsing(parameters: readonly Parameter[], members: readonly (keyof Parameter)[], at: string): string[] {
  return parameters.flatMap((parameter, i) => members.filter((member) => parameter[member] !== undefined).map((member) => `${at}[${i}].${member}`));
}

function timeValid(time: Time): Finding[] {
  const { year, month, day } = time;
  if (year > 99 || month < 1 || month > 12 || day < 1 || day > 31) return []; // the range rules report these
  const year4 = 2000 + year;
  const days = new Date(Date.UTC(year4, month, 0)).getUTCDate(); // day 0 of the next month is this month's last
  return day <= days ? [] : [{ value: day, expected: `day 1..${days} for month ${month} of ${year4}` }];
}

function loginCodesMatchCount(login: VehicleLogin2016): Finding[] {
  const { ressCount, ressCodeLength, ressCodes } = login;
  if (ressCodeLength === 0) {
    return ressCodes.length === 0 ? [] : [{ value: ressCodes.length, expected: "no codes (ressCodeLength is 0)" }];
  }
  const found: Finding[] = [];
  if (ressCodes.length !== ressCount) found.push({ value: ressCodes.length, expected: `${ressCount} codes (ressCount)` });
  ressCodes.forEach((code, i) => {
    const length = [...code].length;
    if (length !== ressCodeLength) {
      found.push({ value: `ressCodes[${i}]: ${length} characters`, expected: `${ressCodeLength} characters (ressCodeLength)` });
    }
  });
  return found;
}

type AlarmLists = Omit<Alarm2016, "maxAlarmLevel" | "generalAlarmFlags"> & Partial<Pick<Alarm2025, "alarmLevelCount" | "alarmLevels">>;

const ALARM_LISTS = [
  ["ressFaultCount", "ressFaultCodes"],
  ["motorFaultCount", "motorFaultCodes"],
  ["engineFaultCount", "engineFaultCodes"],
  ["otherFaultCount", "otherFaultCodes"],
  ["alarmLevelCount", "alarmLevels"], // 2025 only
] as const;

function alarmCountsMatch(alarm: AlarmLists): Finding[] {
  const found: Finding[] = [];
  for (const [countField, listField] of ALARM_LISTS) {
    const items = alarm[listField]?.length ?? 0;
    const count = alarm[countField]?.value;
    if (count !== undefined && items !== count) {
      found.push({ value: items, expected: `${count} ${listField} (${countField})` });
    } else if (alarm[countField]?.marker !== undefined && items > 0) {
      found.push({ value: items, expected: `no ${listField} (${countField} is a marker)` });
    }
  }
  return found;
}

function ressCellWindow(subsystem: RessVoltageSubsystem2016): Finding[] {
  const total = subsystem.totalCells?.value;
  const first = subsystem.firstCell?.value;
  if (total === undefined || first === undefined) return [];
  const last = first + subsystem.cellVoltages.length - 1;
  return last <= total ? [] : [{ value: last, expected: `a last cell index (firstCell + cells - 1) of at most ${total} (totalCells)` }];
}

function paramReadonly(set: ParameterSet): Finding[] {
  return parametersUsing(set.parameters, ["hardwareVersion", "firmwareVersion"], "parameters").map((value) => ({
    value,
    expected: "no read-only parameter (0x07 hardware version, 0x08 firmware version)",
  }));
}

const DOMAIN_ITEMS = [
  ["remoteDomainLength", "remoteDomain"],
  ["publicDomainLength", "publicDomain"],
] as const;

function paramDomainLength(message: ParameterSet | ParameterQueryAnswer): Finding[] {
  const found: Finding[] = [];
  for (const [lengthMember, domainMember] of DOMAIN_ITEMS) {
    let length: number | undefined;
    message.parameters.forEach((parameter, i) => {
      const domain = parameter[domainMember];
      if (parameter[lengthMember] !== undefined) length = parameter[lengthMember];
      if (domain === undefined) return;
      const at = `parameters[${i}].${domainMember}`;
      const characters = [...domain].length;
      if (length === undefined) found.push({ value: at, expected: `a ${lengthMember} item before it` });
      else if (characters !== length) found.push({ value: `${at}: ${characters} characters`, expected: `${length} characters (${lengthMember})` });
    });
  }
  return found;
}

type BodyMember = Exclude<keyof Frame, "edition" | "command" | "responseFlag" | "uniqueId" | "encryption">;

const HEADER_FIELDS: ReadonlySet<string> = new Set(["edition", "command", "responseFlag", "uniqueId", "encryption"]);

function bodyMember(frame: Frame): BodyMember | undefined {
  const keys = Object.keys(frame) as (keyof Frame)[];
  return keys.find((key): key is BodyMember => !HEADER_FIELDS.has(key) && frame[key] !== undefined && frame[key] !== null);
}

function both(member: BodyMember): readonly [BodyMember, BodyMember] {
  return [member, member];
}

/** The body member of a request (response flag COMMAND), as [edition 2016, edition 2025], by command. */
const REQUEST_BODY: Readonly<Partial<Record<number, readonly [BodyMember, BodyMember]>>> = {
  [Command.VEHICLE_LOGIN]: ["vehicleLogin2016", "vehicleLogin2025"],
  [Command.REALTIME]: ["realtime2016", "realtime2025"],
  [Command.REISSUE]: ["reissue2016", "reissue2025"],
  [Command.VEHICLE_LOGOUT]: both("vehicleLogout"),
  [Command.PLATFORM_LOGIN]: both("platformLogin"),
  [Command.PLATFORM_LOGOUT]: both("platformLogout"),
  [Command.HEARTBEAT]: both("heartbeat"),
  [Command.TIME_CALIBRATION]: both("timeCalibrationRequest"),
  [Command.ACTIVATION]: both("activation"),
  [Command.ACTIVATION_RESPONSE]: both("activationResponse"),
  [Command.KEY_EXCHANGE]: both("keyExchange"),
  [Command.PARAMETER_QUERY]: both("parameterQuery"),
  [Command.PARAMETER_SET]: both("parameterSet"),
  [Command.CONTROL]: both("control"),
};

/** Answers that do not carry `response` or an echo of the request. */
const ANSWER_BODY: Readonly<Partial<Record<number, readonly BodyMember[]>>> = {
  [Command.TIME_CALIBRATION]: ["timeCalibrationAnswer", "response"],
  [Command.PARAMETER_QUERY]: ["parameterQueryAnswer", "response"],
  [Command.ACTIVATION_RESPONSE]: ["activationResponse"],
};

function allowedBodies(frame: Frame): BodyMember[] {
  const request = REQUEST_BODY[frame.command];
  if (request === undefined) return [];
  // An unknown edition allows either form; the enum rule reports the edition itself.
  const requestBodies = frame.edition === Edition.EDITION_2016 ? [request[0]] : frame.edition === Edition.EDITION_2025 ? [request[1]] : [...request];
  if (frame.responseFlag === ResponseFlag.COMMAND) return [...requestBodies, "encrypted"];
  return [...(ANSWER_BODY[frame.command] ?? [...requestBodies, "response"]), "encrypted"];
}

function frameBodyMatchesCommand(frame: Frame): Finding[] {
  const member = bodyMember(frame);
  if (member === undefined) return [];
  const allowed = allowedBodies(frame);
  if (allowed.includes(member)) return [];
  const expected =
    allowed.length === 0
      ? `no body: command ${hex(frame.command)} is not defined`
      : `${allowed.join(" or ")} (command ${hex(frame.command)}, response flag ${hex(frame.responseFlag)})`;
  return [{ value: member, expected }];
}

const ENCRYPTING: ReadonlySet<number> = new Set([Encryption.RSA, Encryption.AES, Encryption.SM2, Encryption.SM4]);
/** The symmetric modes, whose data unit a holder of the key reads and writes in the clear. */
const DECRYPTABLE: ReadonlySet<number> = new Set([Encryption.AES, Encryption.SM4]);

function frameEncryptionMatchesBody(frame: Frame): Finding[] {
  const member = bodyMember(frame);
  if (member === undefined) return [];
  const emptyUnit = member === "heartbeat" || member === "timeCalibrationRequest" || (member === "response" && frame.response?.time === undefined);
  const wantEncrypted = ENCRYPTING.has(frame.encryption) && !emptyUnit;
  if ((member === "encrypted") === wantEncrypted) return [];
  if (member !== "encrypted" && DECRYPTABLE.has(frame.encryption)) return [];
  return [{ value: member, expected: `${wantEncrypted ? "encrypted" : "a plain body"} (encryption ${hex(frame.encryption)})` }];
}

const COMMANDS_2025: ReadonlySet<number> = new Set([Command.ACTIVATION, Command.ACTIVATION_RESPONSE, Command.KEY_EXCHANGE]);
const RESPONSE_FLAGS_2025: ReadonlySet<number> = new Set([
  ResponseFlag.VIN_NOT_FOUND,
  ResponseFlag.SIGNATURE_FAILED,
  ResponseFlag.DATA_STRUCTURE_ERROR,
  ResponseFlag.DECRYPTION_ERROR,
]);
const ENCRYPTIONS_2025: ReadonlySet<number> = new Set([Encryption.SM2, Encryption.SM4]);

/** Parameter items of the frame that are one of the members, as "<body>.parameters[i].<member>". */
function frameParametersUsing(frame: Frame, members: readonly (keyof Parameter)[]): string[] {
  return [
    ...parametersUsing(frame.parameterSet?.parameters ?? [], members, "parameterSet.parameters"),
    ...parametersUsing(frame.parameterQueryAnswer?.parameters ?? [], members, "parameterQueryAnswer.parameters"),
  ];
}

function frameEditionValues(frame: Frame): Finding[] {
  if (frame.edition === Edition.EDITION_2025) {
    return frameParametersUsing(frame, ["normalReportPeriod", "alarmReportPeriod"]).map((value) => ({
      value,
      expected: "the 2025 form of parameters 0x02 and 0x03 in a 2025 frame",
    }));
  }
  if (frame.edition !== Edition.EDITION_2016) return [];
  const found: string[] = [];
  if (COMMANDS_2025.has(frame.command)) found.push(`command ${hex(frame.command)}`);
  if (RESPONSE_FLAGS_2025.has(frame.responseFlag)) found.push(`responseFlag ${hex(frame.responseFlag)}`);
  if (ENCRYPTIONS_2025.has(frame.encryption)) found.push(`encryption ${hex(frame.encryption)}`);
  const loginEncryption = frame.platformLogin?.encryption;
  if (loginEncryption !== undefined && ENCRYPTIONS_2025.has(loginEncryption)) found.push(`platformLogin.encryption ${hex(loginEncryption)}`);
  if (frame.control?.command?.alarmWarning?.level === ControlAlarmLevel.LEVEL_4) found.push("control.command.alarmWarning.level 0x04");
  found.push(...frameParametersUsing(frame, ["normalReportPeriod2025", "alarmReportPeriod2025"]));
  return found.map((value) => ({ value, expected: "no value the 2025 edition introduced in a 2016 frame" }));
}

/** Named checks of the v2xh.gbt32960.v1 schemas. */
export const GBT32960_CHECKS: Readonly<Record<string, MessageCheck>> = Object.fromEntries([
  named("gbt32960-time-valid", "GB/T 32960.3-2016 table 5", timeValid),
  named("gbt32960-login-codes-match-count", "GB/T 32960.3-2016 table 6", loginCodesMatchCount),
  named("gbt32960-alarm-counts-match", "GB/T 32960.3-2016 table 17; GB/T 32960.3-2025 table 23", alarmCountsMatch),
  named("gbt32960-ress-cell-window", "GB/T 32960.3-2016 table B.6", ressCellWindow),
  named("gbt32960-param-readonly", "GB/T 32960.3-2016 table B.12", paramReadonly),
  named("gbt32960-param-domain-length", "GB/T 32960.3-2016 table B.12", paramDomainLength),
  named("gbt32960-frame-body-matches-command", "GB/T 32960.3-2016 table B.2, B.3.3.2; GB/T 32960.3-2025 table 3", frameBodyMatchesCommand),
  named("gbt32960-frame-encryption-matches-body", "GB/T 32960.3-2016 table 2; GB/T 32960.3-2025 table 2", frameEncryptionMatchesBody),
  named("gbt32960-frame-edition-values", "GB/T 32960.3-2025 6.2", frameEditionValues),
]);
