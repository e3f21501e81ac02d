import { once } from "node:events";
import { InvalidArgumentError, Option, type Command } from "commander";
// Only the catalogue and the role list: the devices themselves load when a role is served.
import { FAULT_CATALOGUE } from "../../devices/fault-catalogue.ts";
import type { FaultDefinition } from "../../devices/fault.ts";
import { DEVICE_ROLES, isDeviceRole, type DeviceRole } from "../../devices/role.ts";
import { CliError } from "../cli-error.ts";
import type { DataUnitKeys } from "../../wire/gbt32960/options.ts";
import { parseTcpAddress, type TcpAddress } from "../../transport/tcp-address.ts";
import { addKeyOptions, keysOf, port, type KeyFlags } from "../option-parsers.ts";

export interface ServeCommandOptions {
  readonly role: DeviceRole;
  /** Broker URL; required for every role but vss, unless a platform or tbox has `tcp`. */
  readonly broker?: string;
  readonly id?: string;
  readonly faults: readonly string[];
  /** vss: the VISS port; platform: the query interface's port. */
  readonly port?: number;
  /**
   * platform: also listen for T-Boxes speaking GB/T 32960 over TCP, on this port of every interface
   * or on this host and port; tbox: send GB/T 32960 frames over TCP to the platform at this host and
   * port instead of over the bus (a bare port is refused).
   */
  readonly tcp?: number | TcpAddress;
  /** With `tcp`: keys of encrypted data units; the platform decrypts with them, the T-Box also encrypts with them when `encrypt` says so. */
  readonly keys?: DataUnitKeys;
  /** tbox with `tcp`: send data units encrypted with AES and `keys.aes`. */
  readonly encrypt?: "aes";
  readonly seed?: number;
  readonly topicTemplate?: string;
  /** The device runs until this aborts. */
  readonly signal: AbortSignal;
  /** Where what is served, the device's log and the shutdown are printed. Default: standard output. */
  readonly print?: (line: string) => void;
}

const BUS_ROLES: ReadonlySet<DeviceRole> = new Set(["obu", "rsu", "tbox", "platform"]);
/** What --tcp does for the roles it applies to. */
const TCP_USES: Partial<Record<DeviceRole, string>> = {
  platform: "listen for T-Boxes over TCP with --tcp <port>",
  tbox: "connect to the platform over TCP with --tcp <host:port>",
};

/** Runs the reference device of a role until `signal` aborts, then stops it cleanly. */
export async function serveCommand(options: ServeCommandOptions): Promise<void> {
  const { role, signal, print = console.log } = options;
  const { startDevice, isDeviceError } = await import("../../devices/index.ts");
  const common = {
    faults: options.faults,
    log: (line: string) => print(`${role}: ${line}`),
    ...(options.id === undefined ? {} : { id: options.id }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  };
  const template = options.topicTemplate === undefined ? {} : { topicTemplate: options.topicTemplate };
  const bus = { ...common, broker: options.broker ?? "", ...template };
  const broker = options.broker === undefined ? {} : { broker: options.broker };
  const { tcp } = options;
  const port = options.port === undefined ? {} : { port: options.port };
  const keys = options.keys === undefined ? {} : { keys: options.keys };
  let device;
  try {
    if (role === "vss") device = await startDevice("vss", { ...common, ...port });
    else if (role === "platform") {
      device = await startDevice("platform", {
        ...common,
        ...template,
        ...broker,
        ...(tcp === undefined ? {} : { tcp: typeof tcp === "number" ? { port: tcp } : tcp }),
        ...keys,
        ...(options.port === undefined ? {} : { queryPort: options.port }),
      });
    } else if (role === "tbox") {
      const encrypt = options.encrypt === undefined ? {} : { encrypt: options.encrypt };
      device = await startDevice("tbox", { ...common, ...template, ...broker, ...keys, ...encrypt, ...(tcp === undefined ? {} : { tcp: platformAddressOf(tcp) }) });
    } else device = await startDevice(role, bus);
  } catch (error) {
    if (isDeviceError(error)) throw new CliError(error.message);
    throw error;
  }
  const faults = device.faults.length === 0 ? "correct (no fault)" : `with fault${device.faults.length === 1 ? "" : "s"} ${device.faults.join(", ")}`;
  print(`v2x serve: reference ${role} ${device.id}, ${faults}`);
  for (const line of device.describe) print(`  ${line}`);
  print("stop with Ctrl-C");
  if (!signal.aborted) await once(signal, "abort");
  await device.stop();
  print(`v2x serve: ${role} ${device.id} stopped`);
}

/** The fault catalogue as a table: role, name, requirement broken, summary. */
export function faultTable(faults: readonly FaultDefinition[] = FAULT_CATALOGUE): string[] {
  const rows = [["ROLE", "FAULT", "BREAKS", "SUMMARY"], ...faults.map((f) => [f.role, f.name, f.breaks, f.summary])];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  return rows.map((row) => row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column] ?? 0) : cell)).join("  "));
}

/** Checks the parsed arguments; a usage error is a one-line CliError. */
export function serveOptionsFrom(role: string | undefined, opts: ServeFlags, signal: AbortSignal): ServeCommandOptions {
  if (role === undefined) throw new CliError(`name a role to serve (${DEVICE_ROLES.join(", ")}), or list the faults with --list-faults`);
  if (!isDeviceRole(role)) throw new CliError(`unknown role "${role}"; the roles are ${DEVICE_ROLES.join(", ")}`);
  const tcpUse = TCP_USES[role];
  if (opts.tcp !== undefined && tcpUse === undefined) throw new CliError(`--tcp applies to platform (${TCP_USES.platform}) and tbox (${TCP_USES.tbox}) only`);
  if (opts.tcp !== undefined && role === "tbox") platformAddressOf(opts.tcp);
  if (BUS_ROLES.has(role) && opts.broker === undefined && opts.tcp === undefined) {
    const alternative = tcpUse === undefined ? "" : `, or ${tcpUse}`;
    throw new CliError(`${role} talks MQTT: give the broker with --broker <url>, e.g. --broker mqtt://127.0.0.1:1883 (v2x broker runs one)${alternative}`);
  }
  if (role === "vss" && opts.broker !== undefined) throw new CliError("vss serves VISS over WebSocket and takes no --broker; choose its port with --port");
  if (role === "vss" && opts.topicTemplate !== undefined) throw new CliError("vss has no MQTT topics; --topic-template applies to obu, rsu, tbox and platform");
  const keys = keysOf(opts);
  if (keys !== undefined && (tcpUse === undefined || opts.tcp === undefined)) throw new CliError("--aes-key, --sm4-key and --cipher-iv apply to platform and tbox with --tcp (GB/T 32960 over TCP)");
  if (opts.encrypt !== undefined && (role !== "tbox" || opts.tcp === undefined)) throw new CliError("--encrypt applies to tbox with --tcp <host:port>");
  if (opts.encrypt !== undefined && keys?.aes === undefined) throw new CliError("--encrypt aes needs the key: give --aes-key <32 hex digits>");
  if (opts.port !== undefined && role !== "vss" && role !== "platform") throw new CliError("--port applies to vss (the VISS port) and platform (the query interface); other roles only use the broker");
  const known = new Set(FAULT_CATALOGUE.filter((f) => f.role === role).map((f) => f.name));
  const unknown = opts.fault.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new CliError(`unknown ${role} fault${unknown.length === 1 ? "" : "s"} ${unknown.join(", ")}; the ${role} faults are ${[...known].join(", ")} (v2x serve --list-faults)`);
  return {
    role,
    faults: opts.fault,
    signal,
    ...(opts.broker === undefined ? {} : { broker: opts.broker }),
    ...(opts.id === undefined ? {} : { id: opts.id }),
    ...(opts.port === undefined ? {} : { port: opts.port }),
    ...(opts.tcp === undefined ? {} : { tcp: opts.tcp }),
    ...(keys === undefined ? {} : { keys }),
    ...(opts.encrypt === undefined ? {} : { encrypt: opts.encrypt }),
    ...(opts.seed === undefined ? {} : { seed: opts.seed }),
    ...(opts.topicTemplate === undefined ? {} : { topicTemplate: opts.topicTemplate }),
  };
}

export interface ServeFlags extends KeyFlags {
  readonly broker?: string;
  readonly id?: string;
  readonly fault: string[];
  readonly port?: number;
  readonly tcp?: number | TcpAddress;
  readonly encrypt?: "aes";
  readonly seed?: number;
  readonly topicTemplate?: string;
  readonly listFaults?: boolean;
}

/** A tbox's --tcp: the platform's host:port; a bare port, which only a platform takes, is a usage error. */
function platformAddressOf(tcp: number | TcpAddress): TcpAddress {
  if (typeof tcp === "number") throw new CliError(`tbox --tcp is the platform's address as host:port, e.g. --tcp 127.0.0.1:7325; got ${tcp}`);
  return tcp;
}

/** Commander parser of --tcp: a port, or host:port with an IPv6 host in brackets. */
export function tcpAddress(value: string): number | TcpAddress {
  if (/^\d+$/.test(value)) return port(value);
  const address = parseTcpAddress(value);
  if (address === undefined) throw new InvalidArgumentError("expected a port (platform) or host:port (platform, tbox), e.g. 7325 or 127.0.0.1:7325.");
  return address;
}

/** Commander parser of --encrypt. */
function cipherOf(value: string): "aes" {
  if (value === "aes") return value;
  if (value === "sm4") throw new InvalidArgumentError("sm4 (encryption 0x05) is a code of the 2025 edition, and the reference T-Box speaks 2016: use aes.");
  throw new InvalidArgumentError("expected aes.");
}

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError("expected an integer.");
  return n;
}

/** Each --fault may repeat and may list several names separated by commas. */
function collectFaults(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(",").map((name) => name.trim()).filter((name) => name !== "")];
}

/** Adds `v2x serve <role> [--broker <url>] [--tcp <port|host:port>] [--encrypt aes] [--aes-key --sm4-key --cipher-iv] [--id] [--fault …] [--port] [--seed]` and `v2x serve --list-faults`. */
export function registerServeCommand(program: Command): void {
  const serve = program
    .command("serve")
    .description("run a reference device of a role (obu, rsu, tbox, platform, vss): correct by default, or with named faults")
    .argument("[role]", `the role to serve: ${DEVICE_ROLES.join(", ")}`)
    .option("--broker <url>", "MQTT broker the device talks through (every role but vss; platform and tbox may use --tcp instead), e.g. mqtt://127.0.0.1:1883")
    .option("--id <id>", "device id in its topics (obu, platform: a name; rsu: 16 hex digits; tbox: the 17-character VIN)")
    .addOption(new Option("--fault <name>", "switch on a named fault; repeat it or separate names with commas (see --list-faults)").argParser(collectFaults).default([], "none"))
    .option("--port <n>", "vss: port of the VISS server; platform: port of the query interface (default: 0, a free one)", port)
    .option(
      "--tcp <port|host:port>",
      "platform: also (or, without --broker, only) listen for T-Boxes speaking GB/T 32960 over TCP on this port of every interface, or on host:port; tbox: send GB/T 32960 frames over TCP to the platform at host:port instead of over the bus (a --broker then carries only the upper tester)",
      tcpAddress,
    )
    .option("--encrypt <mode>", "tbox with --tcp: send every frame that has a data unit (login, reports, logout, answers) encrypted with aes (encryption 0x03) and --aes-key; heartbeats and time calibration requests have none", cipherOf)
    .option("--seed <n>", "seed of the device's random streams (default: the device id)", integer)
    .option("--topic-template <t>", 'MQTT topic template (default: "v2x/v1/{role}/{id}/{dir}/{type}")')
    .option("--list-faults", "print every role's faults with the requirement each breaks, and exit");
  addKeyOptions(serve, "platform and tbox with --tcp decrypt what they hear, a tbox with --encrypt also encrypts")
    .addHelpText(
      "after",
      "\nExamples:\n  v2x serve obu --broker mqtt://127.0.0.1:1883\n  v2x serve tbox --broker mqtt://127.0.0.1:1883 --fault no-reissue\n  v2x serve platform --tcp 7325 --port 8091\n  v2x serve tbox --tcp 127.0.0.1:7325 --broker mqtt://127.0.0.1:1883\n  v2x serve tbox --tcp 127.0.0.1:7325 --encrypt aes --aes-key 000102030405060708090a0b0c0d0e0f\n  v2x serve vss --port 8090\n  v2x serve --list-faults",
    )
    .action(async (role: string | undefined, opts: ServeFlags) => {
      if (opts.listFaults === true) {
        for (const line of faultTable()) console.log(line);
        return;
      }
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      try {
        await serveCommand(serveOptionsFrom(role, opts, controller.signal));
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
      }
    });
}
