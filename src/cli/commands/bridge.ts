import { once } from "node:events";
import { Option, type Command } from "commander";
import { CliError } from "../cli-error.ts";
import type { DataUnitKeys } from "../../wire/gbt32960/options.ts";
import { addKeyOptions, keysOf, port, type KeyFlags } from "../option-parsers.ts";

export interface BridgeCommandOptions {
  readonly tcp: number;
  readonly broker: string;
  readonly layout: "v2x" | "emqx";
  /** Keys of encrypted data units: frames are decrypted before they are published; frames for T-Boxes are written as published. */
  readonly keys?: DataUnitKeys;
  /** v2x layout: the topic template. */
  readonly topicTemplate?: string;
  /** emqx layout: the mountpoint, with ${clientid} standing for the VIN. */
  readonly mountpoint?: string;
  /** The bridge runs until this aborts. */
  readonly signal: AbortSignal;
  /** Where what is bridged, what is dropped and the shutdown are printed. Default: standard output. */
  readonly print?: (line: string) => void;
}

/** Runs the GB/T 32960 TCP ↔ MQTT bridge until `signal` aborts. */
export async function bridgeCommand(options: BridgeCommandOptions): Promise<void> {
  const { signal, print = console.log } = options;
  const { startGbt32960Bridge, emqxLayout, v2xLayout } = await import("../../transport/tcp/index.ts");
  let layout;
  try {
    layout = options.layout === "emqx" ? emqxLayout(options.mountpoint) : v2xLayout(options.topicTemplate);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const { isTransportError } = await import("../../transport/transport-error.ts");
  let bridge;
  try {
    const keys = options.keys === undefined ? {} : { keys: options.keys };
    bridge = await startGbt32960Bridge({ tcp: { port: options.tcp }, broker: options.broker, layout, ...keys, log: (line) => print(`bridge: ${line}`) });
  } catch (error) {
    if (isTransportError(error)) throw new CliError(error.message);
    throw error;
  }
  print(`v2x bridge: GB/T 32960 T-Boxes on tcp://${bridge.tcp.host}:${bridge.tcp.port} ↔ ${options.broker} (${options.layout} topics)`);
  for (const filter of layout.down) print(`  frames for T-Boxes from ${filter}`);
  print("stop with Ctrl-C");
  if (!signal.aborted) await once(signal, "abort");
  await bridge.close();
  print("v2x bridge: stopped");
}

interface BridgeFlags extends KeyFlags {
  readonly tcp: number;
  readonly broker: string;
  readonly topicLayout: "v2x" | "emqx";
  readonly topicTemplate?: string;
  readonly mountpoint?: string;
}

/** Adds `v2x bridge gbt32960 --tcp <port> --broker <url> [--topic-layout v2x|emqx] [--aes-key --sm4-key --cipher-iv]`. */
export function registerBridgeCommand(program: Command): void {
  const bridge = program
    .command("bridge")
    .description("connect devices that speak a standard's own transport to the MQTT bus")
    .command("gbt32960")
    .description("accept T-Boxes speaking GB/T 32960 over TCP and put their frames on the MQTT bus; platform answers and commands go back to them")
    .requiredOption("--tcp <port>", "port where T-Boxes connect, on every interface", port)
    .requiredOption("--broker <url>", "MQTT broker, e.g. mqtt://127.0.0.1:1883")
    .addOption(new Option("--topic-layout <layout>", "v2x: v2x/v1/tbox/<vin>/up/<kind> and …/down/{answer,command}; emqx: the EMQX GB/T 32960 gateway's gbt32960/<vin>/upstream/… and …/dnstream").choices(["v2x", "emqx"]).default("v2x"))
    .option("--topic-template <t>", 'v2x layout: MQTT topic template (default: "v2x/v1/{role}/{id}/{dir}/{type}")')
    .option("--mountpoint <m>", 'emqx layout: the mountpoint, ${clientid} being the VIN (default: "gbt32960/${clientid}/")');
  addKeyOptions(bridge, "frames are decrypted before they are published; frames for T-Boxes are written as published (the bridge adds no encryption)")
    .addHelpText("after", "\nExamples:\n  v2x bridge gbt32960 --tcp 7325 --broker mqtt://127.0.0.1:1883\n  v2x bridge gbt32960 --tcp 7325 --broker mqtt://127.0.0.1:1883 --topic-layout emqx")
    .action(async (opts: BridgeFlags) => {
      if (opts.topicLayout === "emqx" && opts.topicTemplate !== undefined) throw new CliError("--topic-template applies to the v2x layout; the emqx layout takes --mountpoint");
      if (opts.topicLayout === "v2x" && opts.mountpoint !== undefined) throw new CliError("--mountpoint applies to the emqx layout; the v2x layout takes --topic-template");
      const keys = keysOf(opts);
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      try {
        await bridgeCommand({
          tcp: opts.tcp,
          broker: opts.broker,
          layout: opts.topicLayout,
          signal: controller.signal,
          ...(keys === undefined ? {} : { keys }),
          ...(opts.topicTemplate === undefined ? {} : { topicTemplate: opts.topicTemplate }),
          ...(opts.mountpoint === undefined ? {} : { mountpoint: opts.mountpoint }),
        });
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
      }
    });
}
