import { once } from "node:events";
import type { Command } from "commander";
import type { BrokerLimits, BrokerStats } from "../../transport/broker/index.ts";
// Only the defaults: aedes loads when the command runs.
import { EMBEDDED_BROKER_DEFAULTS } from "../../transport/broker/options.ts";
import { CliError } from "../cli-error.ts";
import { port, positiveInteger } from "../option-parsers.ts";

export interface BrokerCommandOptions {
  readonly host: string;
  readonly port: number;
  readonly limits?: Partial<BrokerLimits>;
  /** The broker runs until this aborts. */
  readonly signal: AbortSignal;
  /** Where the URL, limits and shutdown are printed. Default: standard output. */
  readonly print?: (line: string) => void;
}

/** Runs the embedded broker until `signal` aborts, then closes it cleanly; returns its final counters. */
export async function brokerCommand(options: BrokerCommandOptions): Promise<BrokerStats> {
  const { host, port, limits = {}, signal, print = console.log } = options;
  const { startEmbeddedBroker } = await import("../../transport/broker/index.ts");
  let broker;
  try {
    broker = await startEmbeddedBroker({ host, port, limits });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new CliError(`port ${port} on ${host} is already in use (another broker?); choose another with --port, or --port 0 for any free one`);
    if (code === "EACCES") throw new CliError(`no permission to listen on port ${port}; use a port above 1023`);
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new CliError(`cannot listen on host "${host}": it is not an address of this machine`);
    throw error;
  }
  const l = broker.limits;
  print(`v2x broker listening on ${broker.url} (MQTT 3.1.1)`);
  print(
    `limits: ${l.maxConnections} connections, ${l.publishRate} publishes/s (burst ${l.publishBurst}), ` +
      `${l.maxInFlight} in delivery, ${l.maxBacklog} waiting; stop with Ctrl-C`,
  );
  if (!signal.aborted) await once(signal, "abort");
  await broker.close();
  const stats = broker.stats();
  print(`v2x broker stopped: ${stats.admittedPublishes} publishes delivered, ${stats.refusedConnections} connections refused`);
  return stats;
}

/** Adds `v2x broker [--port <n>] [--host <h>]`. */
export function registerBrokerCommand(program: Command): void {
  const defaults = EMBEDDED_BROKER_DEFAULTS.limits;
  program
    .command("broker")
    .description("run an embedded MQTT 3.1.1 broker (aedes) for zero-setup runs; it throttles load instead of collapsing")
    .option("--port <n>", "TCP port to listen on; 0 picks a free one", port, 1883)
    .option("--host <h>", "interface to listen on; 0.0.0.0 for every interface", "127.0.0.1")
    .option("--max-connections <n>", `most clients at once; more are refused with CONNACK code 3 (default: ${defaults.maxConnections})`, positiveInteger)
    .option("--publish-rate <n>", `inbound publishes per second over all clients; faster publishers are slowed down (default: ${defaults.publishRate})`, positiveInteger)
    .addHelpText("after", "\nExample:\n  v2x broker --port 1884\n  (then point clients at mqtt://127.0.0.1:1884; Ctrl-C stops the broker)")
    .action(async (opts: { port: number; host: string; maxConnections?: number; publishRate?: number }) => {
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      try {
        const limits = {
          ...(opts.maxConnections === undefined ? {} : { maxConnections: opts.maxConnections }),
          ...(opts.publishRate === undefined ? {} : { publishRate: opts.publishRate }),
        };
        await brokerCommand({ host: opts.host, port: opts.port, limits, signal: controller.signal });
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
      }
    });
}
