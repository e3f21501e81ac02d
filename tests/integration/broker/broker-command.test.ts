import { spawn } from "node:child_process";
import { once } from "node:events";
import { Command, CommanderError } from "commander";
import { connectAsync } from "mqtt";
import { describe, expect, it, onTestFinished } from "vitest";
import { CliError } from "../../../src/cli/cli-error.ts";
import { brokerCommand, registerBrokerCommand } from "../../../src/cli/commands/broker.ts";
import { startEmbeddedBroker } from "../../../src/transport/broker/index.ts";
import { eventually } from "../../helpers/broker.ts";

/** Parses `v2x broker …` with the command registered on a fresh program; returns what it printed and the error it ended with. */
async function parse(args: string[]): Promise<{ out: string; err: string; error: unknown }> {
  let out = "";
  let err = "";
  const program = new Command("v2x").exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  registerBrokerCommand(program);
  const error = await program.parseAsync(["node", "v2x", "broker", ...args]).catch((e: unknown) => e);
  return { out, err, error };
}

describe("v2x broker", () => {
  it("has --help with the options and an example", async () => {
    const { out, error } = await parse(["--help"]);
    const help = out.replace(/\s+/g, " ");
    expect(error).toBeInstanceOf(CommanderError);
    expect(help).toMatch(/--port <n> TCP port to listen on; 0 picks a free one \(default: 1883\)/);
    expect(help).toMatch(/--host <h> interface to listen on; .* \(default: "127\.0\.0\.1"\)/);
    expect(help).toMatch(/--max-connections <n> .* \(default: 10000\)/);
    expect(help).toMatch(/Example: v2x broker --port 1884/);
  });

  it("rejects a port that is not one, naming the option", async () => {
    const { err, error } = await parse(["--port", "70000"]);
    expect(error).toBeInstanceOf(CommanderError);
    expect(err).toMatch(/option '--port <n>' argument '70000' is invalid\. expected a port number 0\.\.65535/);
  });

  it("prints its URL and limits, serves clients, and stops cleanly when told to", async () => {
    const lines: string[] = [];
    const stop = new AbortController();
    const running = brokerCommand({ host: "127.0.0.1", port: 0, limits: { maxConnections: 5 }, signal: stop.signal, print: (l) => lines.push(l) });
    await eventually(() => lines.length === 2, "the URL and limits lines");
    const url = /listening on (mqtt:\/\/\S+)/.exec(lines[0] ?? "")?.[1] ?? "";
    const client = await connectAsync(url, { reconnectPeriod: 0 });
    await client.publishAsync("lab/hello", "hi", { qos: 1 });
    const clientClosed = new Promise<void>((resolve) => client.once("close", () => resolve()));

    stop.abort();
    const stats = await running;
    await clientClosed;

    expect(lines[1]).toBe("limits: 5 connections, 20000 publishes/s (burst 1000), 1000 in delivery, 100000 waiting; stop with Ctrl-C");
    expect(lines[2]).toBe("v2x broker stopped: 1 publishes delivered, 0 connections refused");
    expect(stats.admittedPublishes).toBe(1);
  });

  it("says the port is taken instead of crashing", async () => {
    const other = await startEmbeddedBroker();
    onTestFinished(() => other.close());
    const error = await brokerCommand({ host: "127.0.0.1", port: other.port, signal: AbortSignal.abort(), print: () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect(String(error)).toMatch(new RegExp(`port ${other.port} on 127.0.0.1 is already in use .* --port 0 for any free one`));
  });

  it("runs until SIGTERM, then shuts down and exits 0", async () => {
    const script =
      "import { Command } from 'commander'; import { registerBrokerCommand } from './src/cli/commands/broker.ts';" +
      "const program = new Command('v2x'); registerBrokerCommand(program); await program.parseAsync(['node', 'v2x', 'broker', '--port', '0']);";
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
    onTestFinished(() => void child.kill("SIGKILL"));
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    await eventually(() => out.includes("stop with Ctrl-C"), "the broker to start", 15_000);

    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const [code] = (await exited) as [number | null];

    expect(code).toBe(0);
    expect(out).toMatch(/v2x broker stopped: 0 publishes delivered/);
  }, 30_000);
});
