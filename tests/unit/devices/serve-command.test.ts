import { Command, CommanderError } from "commander";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CliError } from "../../../src/cli/cli-error.ts";
import { faultTable, registerServeCommand } from "../../../src/cli/commands/serve.ts";
import { FAULT_CATALOGUE } from "../../../src/devices/index.ts";

/** Parses `v2x serve …` on a fresh program; returns what it printed and the error it ended with. */
async function parse(args: string[]): Promise<{ out: string; error: unknown }> {
  let out = "";
  const program = new Command("v2x").exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (out += s) });
  registerServeCommand(program);
  const log = vi.spyOn(console, "log").mockImplementation((line: string) => void (out += `${line}\n`));
  const error = await program.parseAsync(["node", "v2x", "serve", ...args]).then(
    () => undefined,
    (e: unknown) => e,
  );
  log.mockRestore();
  return { out, error };
}

afterEach(() => vi.restoreAllMocks());

describe("v2x serve", () => {
  it("--list-faults prints every fault as a table of role, name, requirement and summary", async () => {
    const { out, error } = await parse(["--list-faults"]);
    expect(error).toBeUndefined();
    const lines = out.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ROLE\s+FAULT\s+BREAKS\s+SUMMARY$/);
    expect(lines).toHaveLength(FAULT_CATALOGUE.length + 1);
    expect(lines).toContain(faultTable().find((line) => line.includes("no-reissue")));
    expect(out).toMatch(/tbox\s+no-reissue\s+GBT32960-2016-B\.2\.8-REISSUE\s+drops the reports/);
  });

  it("has --help with the options and examples", async () => {
    const { out, error } = await parse(["--help"]);
    expect(error).toBeInstanceOf(CommanderError);
    const help = out.replace(/\s+/g, " ");
    expect(help).toMatch(/Usage: v2x serve \[options\] \[role\]/);
    expect(help).toMatch(/--fault <name> switch on a named fault; .* \(default: none\)/);
    expect(help).toMatch(/Examples: v2x serve obu --broker mqtt:\/\/127\.0\.0\.1:1883/);
    expect(help).toMatch(/v2x serve --list-faults/);
  });

  it.each([
    [[], /name a role to serve \(obu, rsu, tbox, platform, vss\), or list the faults with --list-faults/],
    [["car"], /unknown role "car"; the roles are obu, rsu, tbox, platform, vss/],
    [["tbox"], /tbox talks MQTT: give the broker with --broker <url>/],
    [["vss", "--broker", "mqtt://127.0.0.1:1883"], /vss serves VISS over WebSocket and takes no --broker/],
    [["obu", "--broker", "mqtt://127.0.0.1:1883", "--port", "9000"], /--port applies to vss .* and platform/],
    [["obu", "--broker", "mqtt://127.0.0.1:1883", "--fault", "bsm-rate-5hz,no-reissue"], /unknown obu fault no-reissue; the obu faults are bsm-rate-5hz, .* \(v2x serve --list-faults\)/],
  ])("refuses %j with a one-line usage error (exit 2)", async (args, message) => {
    const { error } = await parse(args);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toMatch(message);
    expect((error as CliError).message).not.toMatch(/\n/);
  });

  it("rejects a port that is not one, naming the option", async () => {
    const { out, error } = await parse(["vss", "--port", "70000"]);
    expect(error).toBeInstanceOf(CommanderError);
    expect(out).toMatch(/option '--port <n>' argument '70000' is invalid\. expected a port number 0\.\.65535/);
  });
});
