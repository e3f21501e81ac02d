import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Command, CommanderError } from "commander";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { CliError } from "../../../src/cli/cli-error.ts";
import { registerSimulateCommand, summaryLine } from "../../../src/cli/commands/simulate.ts";
import type { FleetSummary } from "../../../src/sim/fleet/index.ts";
import { SHARED_MOSQUITTO_URL, sharedMosquittoAvailable, uniquePrefix } from "../../helpers/broker.ts";
import { describeWhen } from "../../helpers/environment.ts";

/** Runs `v2x simulate …` in this process; resolves with the exit code it set. */
async function simulate(...args: string[]): Promise<number> {
  const program = new Command("v2x").exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  registerSimulateCommand(program);
  await program.parseAsync(["node", "v2x", "simulate", ...args]);
  return Number(process.exitCode ?? 0);
}

afterEach(() => {
  process.exitCode = undefined;
});

describe("v2x simulate usage errors", () => {
  it.each([
    [["yizhuang-arterial"], /required option '--broker <url>'/],
    [["yizhuang-arterial", "--broker", "mqtt://127.0.0.1:1883", "--shard", "2/2"], /expected i\/n with 0 <= i < n/],
    [["yizhuang-arterial", "--broker", "mqtt://127.0.0.1:1883", "--connections", "shared:0"], /expected "per-vehicle", "shared" or "shared:<k>"/],
    [["yizhuang-arterial", "--broker", "mqtt://127.0.0.1:1883", "--start", "tomorrow"], /expected an ISO 8601 time/],
  ])("%j is refused by the option parser", async (args, message) => {
    const error = await simulate(...args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommanderError);
    expect((error as CommanderError).message).toMatch(message);
  });

  it.each([
    [["no-such-scenario", "--broker", "mqtt://127.0.0.1:1883"], /no scenario file "no-such-scenario", and it is not a built-in scenario \(yizhuang-arterial\)/],
    [["yizhuang-arterial", "--broker", "http://127.0.0.1:1883"], /broker "http:\/\/127.0.0.1:1883" must be a URL starting with mqtt:\/\//],
    [["yizhuang-arterial", "--broker", "mqtt://127.0.0.1:1883", "--vehicles", "3"], /needs at least 12/],
  ])("%j is a CliError (exit 2) with a one-line reason", async (args, message) => {
    const error = await simulate(...args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toMatch(message);
  });
});

describeWhen(
  { what: "Mosquitto on 127.0.0.1:1883", available: sharedMosquittoAvailable, hint: "install and start mosquitto (apt-get install mosquitto)" },
  "v2x simulate against the shared Mosquitto",
  () => {
    it("writes the JSON summary to --output and exits 0", async () => {
      const dir = await mkdtemp(path.join(tmpdir(), "v2x-simulate-"));
      onTestFinished(() => rm(dir, { recursive: true, force: true }));
      const output = path.join(dir, "summary.json");
      const prefix = uniquePrefix("simulate");
      const code = await simulate(
        "yizhuang-arterial",
        ...["--broker", SHARED_MOSQUITTO_URL, "--vehicles", "20", "--duration", "1", "--rate", "5", "--connections", "shared:2"],
        ...["--topic-template", `${prefix}/{role}/{id}/{dir}/{type}`, "--client-id-prefix", `${prefix.replace(/\//g, "-")}-`, "--output", output],
      );
      const summary = JSON.parse(await readFile(output, "utf8")) as FleetSummary;
      expect(code).toBe(0);
      expect(summary).toMatchObject({ format: "v2x-fleet-summary/1", completed: true, connections: { mode: "shared", sessions: 2, everConnected: 2 }, rate: { bsmHz: 5 } });
      expect(summary.byKind.bsm?.sent).toBe(20 * 5);
      expect(summaryLine(summary)).toMatch(/^1\.0 s, shard 0\/1, 20 vehicles on 2\/2 connections: \d+ sent/);
    });

    it("exits 1 when no connection comes up", async () => {
      const code = await simulate("yizhuang-arterial", "--broker", "mqtt://127.0.0.1:1", "--vehicles", "12", "--duration", "1", "--output", path.join(tmpdir(), `v2x-unreachable-${process.pid}.json`));
      expect(code).toBe(1);
    });
  },
);
