import { isSchemaError, loadRegistry, validateRules, type Registry, type Violation } from "../../schema/index.ts";
import type { Encoding } from "../../transport/observation.ts";
import { decodePayload, encodingMismatch } from "../../transport/payload-codec.ts";
import type { DataUnitKeys } from "../../wire/gbt32960/options.ts";
import { CliError } from "../cli-error.ts";

/** The encodings the command line reads and writes, by the names users type. */
export const INPUT_ENCODINGS = ["protobuf", "json", "uper", "gbt32960"] as const;
export type InputEncoding = (typeof INPUT_ENCODINGS)[number];

const PAYLOAD_ENCODING: Readonly<Record<InputEncoding, Encoding>> = { protobuf: "protobuf", json: "json", uper: "per", gbt32960: "gbt32960" };

export interface ValidateOptions {
  /** Full name of the message type, e.g. "v2xh.csae53.v1.MessageFrame". */
  readonly type: string;
  /** How the input is encoded. Default: json when the file name ends in .json or the text starts with "{", else protobuf. */
  readonly encoding?: InputEncoding;
  /** Name of the input, used to guess the encoding: a file path or "-". */
  readonly source: string;
  readonly input: Uint8Array;
  /** gbt32960: keys of encrypted data units. Default: none, an encrypted data unit stays `encrypted` and unchecked. */
  readonly keys?: DataUnitKeys;
}

export interface ValidateResult {
  readonly type: string;
  readonly encoding: InputEncoding;
  readonly violations: readonly Violation[];
  /** Why part of the input went unchecked: a GB/T 32960 data unit left encrypted for want of its key. */
  readonly unchecked?: string;
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
  if (options.keys !== undefined && encoding !== "gbt32960") throw new CliError(`${KEY_FLAGS_APPLY} to --encoding gbt32960, not ${encoding}`);
  const message = readMessage(registry, options.type, payloadEncoding(registry, options.type, encoding, "--encoding"), options);
  const unchecked = message.encrypted === undefined ? undefined : `the data unit is encrypted (encryption 0x${Number(message.encryption).toString(16).padStart(2, "0")}) and unchecked: no key for it was given (--aes-key, --sm4-key)`;
  return { type: options.type, encoding, violations: validateRules(registry, options.type, message), ...(unchecked === undefined ? {} : { unchecked }) };
}

export const KEY_FLAGS_APPLY = "--aes-key, --sm4-key and --cipher-iv apply";

/**
 * The payload encoding a command-line name stands for, once it is known to carry `type`: an
 * unknown type or an encoding that cannot carry it (UPER a GB/T 32960 frame, say) is a usage error.
 */
export function payloadEncoding(registry: Registry, type: string, encoding: InputEncoding, flag: string): Encoding {
  registry.messageType(type);
  const mismatch = encodingMismatch(PAYLOAD_ENCODING[encoding], type);
  if (mismatch !== undefined) throw new CliError(`${flag} ${encoding} ${mismatch}; protobuf and json carry every type`);
  return PAYLOAD_ENCODING[encoding];
}

/** Decodes the input, decrypting with `input.keys`; unreadable input is a CliError (exit 2) naming the source and where it broke. */
export function readMessage(registry: Registry, type: string, encoding: Encoding, input: { readonly source: string; readonly input: Uint8Array; readonly keys?: DataUnitKeys }): Record<string, unknown> {
  try {
    return decodePayload(registry, type, encoding, input.input, input.keys);
  } catch (error) {
    if (isSchemaError(error, "DecodeError")) throw new CliError(`${input.source}: ${error.message}`);
    throw error;
  }
}
