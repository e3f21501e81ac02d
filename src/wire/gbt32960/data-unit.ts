import {
  Command,
  Edition,
  ResponseFlag,
  type Frame,
  type Heartbeat,
  type Response,
  type TimeCalibrationAnswer,
  type TimeCalibrationRequest,
} from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { nothing, restOfUnit, struct, type Codec } from "./codec.ts";
import { control } from "./control.ts";
import { time } from "./elements.ts";
import { platformLogin, platformLogout, vehicleLogin2016, vehicleLogin2025, vehicleLogout } from "./login.ts";
import { parameterCodecs, parameterQuery } from "./parameters.ts";
import { realtimeData2016 } from "./realtime-2016.ts";
import { realtimeData2025 } from "./realtime-2025.ts";
import { activation, activationResponse, keyExchange } from "./security.ts";
import { WireError, hex } from "./wire-error.ts";

/** The name of the Frame's `body` oneof member that carries the data unit. */
export type BodyMember = Exclude<keyof Frame, "edition" | "command" | "responseFlag" | "uniqueId" | "encryption">;

/** An answer that keeps only the request's time (6 bytes), or nothing. */
const response: Codec<Response> = {
  read: (reader) => (reader.remaining === 0 ? {} : { time: time.read(reader) }),
  write: (writer, answer) => (answer.time === undefined ? undefined : time.write(writer, answer.time)),
};

function codecsOf(edition: Edition): Readonly<Record<BodyMember, Codec<unknown>>> {
  const parameters = parameterCodecs(edition);
  return {
    vehicleLogin2016,
    vehicleLogin2025,
    realtime2016: realtimeData2016,
    realtime2025: realtimeData2025,
    reissue2016: realtimeData2016,
    reissue2025: realtimeData2025,
    vehicleLogout,
    platformLogin,
    platformLogout,
    heartbeat: nothing<Heartbeat>(),
    timeCalibrationRequest: nothing<TimeCalibrationRequest>(),
    timeCalibrationAnswer: struct<TimeCalibrationAnswer>({ time }),
    activation,
    activationResponse,
    keyExchange,
    parameterQuery,
    parameterQueryAnswer: parameters.answer,
    parameterSet: parameters.set,
    control,
    response,
    encrypted: restOfUnit,
  };
}

const CODECS_2016 = codecsOf(Edition.EDITION_2016);
const CODECS_2025 = codecsOf(Edition.EDITION_2025);

export const BODY_MEMBERS = Object.keys(CODECS_2016) as readonly BodyMember[];

/** The layout of `member` in a frame of `edition`. */
export function bodyCodec(edition: Edition, member: BodyMember): Codec<unknown> {
  return (edition === Edition.EDITION_2025 ? CODECS_2025 : CODECS_2016)[member];
}

/** What a command carries when it starts an exchange (response flag 0xFE), by edition where layouts differ. */
const REQUESTS = new Map<number, readonly [BodyMember, BodyMember]>([
  [Command.VEHICLE_LOGIN, ["vehicleLogin2016", "vehicleLogin2025"]],
  [Command.REALTIME, ["realtime2016", "realtime2025"]],
  [Command.REISSUE, ["reissue2016", "reissue2025"]],
  [Command.VEHICLE_LOGOUT, ["vehicleLogout", "vehicleLogout"]],
  [Command.PLATFORM_LOGIN, ["platformLogin", "platformLogin"]],
  [Command.PLATFORM_LOGOUT, ["platformLogout", "platformLogout"]],
  [Command.HEARTBEAT, ["heartbeat", "heartbeat"]],
  [Command.TIME_CALIBRATION, ["timeCalibrationRequest", "timeCalibrationRequest"]],
  [Command.ACTIVATION, ["activation", "activation"]],
  [Command.ACTIVATION_RESPONSE, ["activationResponse", "activationResponse"]],
  [Command.KEY_EXCHANGE, ["keyExchange", "keyExchange"]],
  [Command.PARAMETER_QUERY, ["parameterQuery", "parameterQuery"]],
  [Command.PARAMETER_SET, ["parameterSet", "parameterSet"]],
  [Command.CONTROL, ["control", "control"]],
]);

const TIME_SIZE = 6;

/**
 * The body member a plain data unit of `length` bytes decodes to (6.3.2, B.3.3.2). A request carries
 * its command's member. An answer of 0 or 6 bytes is a `response` (time only), except the time
 * calibration answer; a longer answer is the 2016 Annex B full echo (or the parameter list the terminal
 * answers a query with); the activation response always has its own layout.
 */
export function memberOf(edition: Edition, command: number, responseFlag: number, length: number): BodyMember {
  const request = REQUESTS.get(command);
  if (request === undefined) throw new WireError("UnknownCodeError", `unknown command ${hex(command)}; its data unit has no known layout`, { offset: 2, field: "command" });
  const asRequest = request[edition === Edition.EDITION_2025 ? 1 : 0];
  if (responseFlag === ResponseFlag.COMMAND || command === Command.ACTIVATION_RESPONSE) return asRequest;
  if (command === Command.TIME_CALIBRATION) return length === TIME_SIZE ? "timeCalibrationAnswer" : "response";
  if (length === 0 || length === TIME_SIZE) return "response";
  return command === Command.PARAMETER_QUERY ? "parameterQueryAnswer" : asRequest;
}
