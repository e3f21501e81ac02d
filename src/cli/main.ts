import { writeFile } from "node:fs/promises";
import { Command, CommanderError, Option } from "commander";
import { isSchemaError } from "../schema/index.ts";
import { formatViolation } from "../schema/violation.ts";
import { CliError, EXIT } from "./cli-error.ts";
import { registerBridgeCommand } from "./commands/bridge.ts";
import { registerBrokerCommand } from "./commands/broker.ts";
import { registerConformanceCommands } from "./commands/conformance.ts";
import { registerConvertCommand } from "./commands/convert.ts";
import { registerLoadCommand } from "./commands/load.ts";
import { registerServeCommand } from "./commands/serve.ts";
import { registerSimulateCommand } from "./commands/simulate.ts";
import { INPUT_ENCODINGS, validateCommand, type InputEncoding } from "./commands/validate.ts";
import { addKeyOptions, keysOf, type KeyFlags } from "./option-parsers.ts";
import { readInput } from "./read-input.ts";

const VERSION = "0.1.0";

/** Prints JSON to a file when --output is given, else to standard output. */
async function emitJson(value: unknown, output: string | undefined): Promise<void> {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (output === undefined) process.stdout.write(text);
  else await writeFile(output, text);
}

function buildProgram(): Command {
  const program = new Command("v2x")
    .description("v2x-harness: schemas, simulators and conformance tests for V2X and vehicle-platform standards")
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)");

  const validate = program
    .command("validate")
    .description("check a message against its schema and the standard's rules")
    .requiredOption("--type <name>", "full message type name, e.g. v2xh.csae53.v1.MessageFrame")
    .addOption(new Option("--encoding <encoding>", "input encoding; uper for CSAE 53 types, gbt32960 for v2xh.gbt32960.v1.Frame (default: protobuf or json, guessed from the file name or content)").choices(INPUT_ENCODINGS))
    .option("--format <format>", "output: text (one line per violation) or json", "text")
    .argument("<file>", 'the message file, or "-" for standard input');
  addKeyOptions(validate, "--encoding gbt32960 decrypts the data unit to check it")
    .addHelpText("after", "\nExample:\n  v2x validate --type v2xh.csae53.v1.MessageFrame proto/examples/bsm.json\n  v2x validate --type v2xh.gbt32960.v1.Frame --encoding gbt32960 --aes-key 000102030405060708090a0b0c0d0e0f report.bin")
    .action(async (file: string, opts: KeyFlags & { type: string; encoding?: InputEncoding; format: string }) => {
      const input = await readInput(file);
      const keys = keysOf(opts);
      const result = validateCommand({ type: opts.type, source: file, input, ...(opts.encoding === undefined ? {} : { encoding: opts.encoding }), ...(keys === undefined ? {} : { keys }) });
      if (opts.format === "json") await emitJson({ ...result, valid: result.violations.length === 0 }, undefined);
      else if (result.violations.length === 0) console.log(`OK ${result.type}`);
      else for (const violation of result.violations) console.log(formatViolation(violation));
      if (opts.format !== "json" && result.unchecked !== undefined) console.error(`note: ${result.unchecked}`);
      process.exitCode = result.violations.length === 0 ? EXIT.ok : EXIT.failed;
    });

  const schema = program.command("schema").description("list the message types and export their schemas");
  schema
    .command("list")
    .description("list every message type with its one-line description")
    .option("--filter <text>", "only types whose full name contains this text, e.g. csae53")
    .addHelpText("after", "\nExample:\n  v2x schema list --filter gbt32960")
    .action(async (opts: { filter?: string }) => {
      const { schemaListCommand } = await import("./commands/schema.ts");
      const entries = schemaListCommand(opts.filter);
      const width = Math.max(...entries.map((e) => e.type.length), 0);
      for (const entry of entries) console.log(`${entry.type.padEnd(width)}  ${entry.description}`.trimEnd());
    });
  schema
    .command("export")
    .description("export the schema of a message type in another schema language")
    .requiredOption("--type <name>", "full message type name")
    .addOption(new Option("--format <format>", "schema language").choices(["jsonschema"]).default("jsonschema"))
    .option("--output <file>", "write to this file instead of standard output")
    .addHelpText("after", "\nExample:\n  v2x schema export --format jsonschema --type v2xh.csae53.v1.MessageFrame --output bsm.schema.json")
    .action(async (opts: { type: string; format: string; output?: string }) => {
      const { schemaExportCommand } = await import("./commands/schema.ts");
      await emitJson(schemaExportCommand(opts), opts.output);
    });
  registerConformanceCommands(program);
  registerConvertCommand(program);
  registerBrokerCommand(program);
  registerBridgeCommand(program);
  registerLoadCommand(program);
  registerServeCommand(program);
  registerSimulateCommand(program);
  return program;
}

/** A reader that stops early (`v2x schema list | head`) closes the pipe; that ends the command, quietly. */
function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? EXIT.ok);
  });
}

/** The one error boundary: user errors print one line and exit 2; anything else is a harness bug. */
async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    } else if (error instanceof CliError) {
      console.error(`v2x: ${error.message}`);
      process.exitCode = error.exitCode;
    } else if (isSchemaError(error, "UnknownTypeError") || isSchemaError(error, "DecodeError")) {
      console.error(`v2x: ${error.message}`);
      process.exitCode = EXIT.usage;
    } else {
      console.error(`v2x: internal error (this is a harness bug, please report it with v2x ${VERSION}, Node ${process.version}):`);
      console.error(error);
      process.exitCode = EXIT.usage;
    }
  }
}

exitQuietlyOnClosedPipe(process.stdout);
await main(process.argv);
