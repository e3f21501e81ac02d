import { writeFile } from "node:fs/promises";
import { Option, type Command } from "commander";
import { encodeJson, isSchemaError, loadRegistry } from "../../schema/index.ts";
import { encodePayload } from "../../transport/payload-codec.ts";
import { CliError, EXIT } from "../cli-error.ts";
import { readInput } from "../read-input.ts";
import type { DataUnitKeys } from "../../wire/gbt32960/options.ts";
import { addKeyOptions, keysOf, type KeyFlags } from "../option-parsers.ts";
import { INPUT_ENCODINGS, KEY_FLAGS_APPLY, payloadEncoding, readMessage, type InputEncoding } from "./validate.ts";

export interface ConvertOptions {
  /** Full name of the message type, e.g. "v2xh.csae53.v1.MessageFrame". */
  readonly type: string;
  readonly from: InputEncoding;
  readonly to: InputEncoding;
  /** Name of the input for messages: a file path or "-". */
  readonly source: string;
  readonly input: Uint8Array;
  /** Keys of GB/T 32960 data units: decrypt the input, encrypt the output where the frame says AES or SM4. Default: none. */
  readonly keys?: DataUnitKeys;
}

/**
 * The input re-encoded, losslessly: JSON comes out indented, the others as their bytes. Unreadable
 * input is a CliError with exit 2; a message the target encoding cannot hold (a value outside a
 * UPER constraint, say) one with exit 1, naming the field.
 */
export function convertCommand(options: ConvertOptions): Uint8Array {
  const { type, source } = options;
  const registry = loadRegistry();
  const from = payloadEncoding(registry, type, options.from, "--from");
  const to = payloadEncoding(registry, type, options.to, "--to");
  if (options.keys !== undefined && from !== "gbt32960" && to !== "gbt32960") throw new CliError(`${KEY_FLAGS_APPLY} to --from or --to gbt32960`);
  const message = readMessage(registry, type, from, options);
  try {
    return to === "json" ? Buffer.from(`${JSON.stringify(encodeJson(registry, type, message), null, 2)}\n`) : encodePayload(registry, type, message, to, options.keys);
  } catch (error) {
    if (isSchemaError(error, "EncodeError")) throw new CliError(`${source}: ${error.message}`, EXIT.failed);
    throw error;
  }
}

export function registerConvertCommand(program: Command): void {
  const convert = program
    .command("convert")
    .description("re-encode a message losslessly between protobuf, JSON, UPER (CSAE 53) and GB/T 32960 frames")
    .requiredOption("--type <name>", "full message type name, e.g. v2xh.csae53.v1.MessageFrame")
    .addOption(new Option("--from <encoding>", "input encoding").choices(INPUT_ENCODINGS).makeOptionMandatory())
    .addOption(new Option("--to <encoding>", "output encoding").choices(INPUT_ENCODINGS).makeOptionMandatory())
    .option("--output <file>", "write to this file instead of standard output")
    .argument("<file>", 'the message file, or "-" for standard input');
  addKeyOptions(convert, "--from gbt32960 decrypts, --to gbt32960 encrypts a frame whose encryption says AES or SM4")
    .addHelpText(
      "after",
      "\nuper carries CSAE 53 types, gbt32960 only v2xh.gbt32960.v1.Frame. Exit codes: 0 converted, 1 the message\n" +
        "breaks a constraint of the output encoding, 2 unreadable input or a usage error.\n" +
        "\nExample:\n  v2x convert --type v2xh.csae53.v1.MessageFrame --from json --to uper --output bsm.per proto/examples/csae53/bsm.json\n" +
        "  v2x convert --type v2xh.gbt32960.v1.Frame --from gbt32960 --to json --aes-key 000102030405060708090a0b0c0d0e0f report.bin\n" +
        "  v2x convert --type v2xh.csae53.v1.MessageFrame --from uper --to json bsm.per",
    )
    .action(async (file: string, opts: KeyFlags & { type: string; from: InputEncoding; to: InputEncoding; output?: string }) => {
      const binary = opts.to !== "json";
      if (binary && opts.output === undefined && process.stdout.isTTY) throw new CliError(`--to ${opts.to} writes binary: give --output <file> or redirect standard output`);
      const keys = keysOf(opts);
      const output = convertCommand({ type: opts.type, from: opts.from, to: opts.to, source: file, input: await readInput(file), ...(keys === undefined ? {} : { keys }) });
      if (opts.output === undefined) process.stdout.write(output);
      else await writeFile(opts.output, output);
    });
}
