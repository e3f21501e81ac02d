import { decodeJson, decodeProtobuf, isSchemaError, loadRegistry, validateRules, type Violation } from "../../schema/index.ts";
import { CliError } from "../cli-error.ts";

export type InputEncoding = "protobuf" | "json";

export interface ValidateOptions {
  /** Full name of the message type, e.g. "v2xh.csae53.v1.MessageFrame". */
  readonly type: string;
  /** How the input is encoded. Default: json when the file name ends in .json or the text starts with "{", else protobuf. */
  readonly encoding?: InputEncoding;
  /** Name of the input, used to guess the encoding: a file path or "-". */
  readonly source: string;
  readonly input: Uint8Array;
}

export interface ValidateResult {
  readonly type: string;
  readonly encoding: InputEncoding;
  readonly violations: readonly Violation[];
}

export function guessEncoding(source: string, input: Uint8Array): InputEncoding {
  if (/\.json$/i.test(source)) return "json";
  if (/\.(bin|pb|binpb)$/i.test(source)) return "protobuf";
  const first = input.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
  return first === 0x7b ? "json" : "protobuf";
}

/** Decodes the input as the type and returns every rule it breaks. Unreadable input is a CliError (exit 2). */
export function validateCommand(options: ValidateOptions): ValidateResult {
  const registry = loadRegistry();
  const encoding = options.encoding ?? guessEncoding(options.source, options.input);
  try {
    const message =
      encoding === "json"
        ? decodeJson(registry, options.type, Buffer.from(options.input).toString("utf8"))
        : decodeProtobuf(registry, options.type, options.input);
    return { type: options.type, encoding, violations: validateRules(registry, options.type, message) };
  } catch (error) {
    if (isSchemaError(error, "DecodeError") || isSchemaError(error, "UnknownTypeError")) {
      throw new CliError(`${options.source}: ${error.message}`);
    }
    throw error;
  }
}
