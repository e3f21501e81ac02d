import { Command, Edition, Encryption, ResponseFlag, type Frame, type Parameter } from "../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { beijingTime } from "../../../src/sim/index.ts";

/** Commands a platform sends a T-Box, as the tests send them. */

function header(vin: string, command: Command): Pick<Frame, "edition" | "command" | "responseFlag" | "uniqueId" | "encryption"> {
  return { edition: Edition.EDITION_2016, command, responseFlag: ResponseFlag.COMMAND, uniqueId: vin, encryption: Encryption.NONE };
}

export function parameterSet(vin: string, parameters: Parameter[]): Frame {
  return { ...header(vin, Command.PARAMETER_SET), parameterSet: { time: beijingTime(Date.now()), parameters } };
}

export function parameterQuery(vin: string, ids: number[]): Frame {
  return { ...header(vin, Command.PARAMETER_QUERY), parameterQuery: { time: beijingTime(Date.now()), ids } };
}
