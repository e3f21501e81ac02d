import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { describe, it } from "vitest";
import { CliError } from "../../../src/cli/cli-error.ts";
import { serveCommand } from "../../../src/cli/commands/serve.ts";
import { sharedMosquittoAvailable } from "../../helpers/broker.ts";
import { describeWhen } from "../../helpers/environment.ts";
import { BROKER, sleep, Tap, uniqueTemplate } from "./bus.ts";

/** Runs `serveCommand` until the lines say it serves, then aborts it; returns every line printed. */
async function serveBriefly(options: Omit<Parameters<typeof serveCommand>[0], "signal" | "print">, ms = 600): Promise<string[]> {
  const lines: string[] = [];
  const stop = new AbortController();
  const running = serveCommand({ ...options, signal: stop.signal, print: (line) => lines.push(line) });
  const deadline = Date.now() + 5000;
  while (!lines.includes("stop with Ctrl-C") && Date.now() < deadline) await sleep(20);
  await sleep(ms);
  stop.abort();
  await running;
  return lines;
}

describe.concurrent("serveCommand", () => {
  it("serves the vss role on a port without a broker, says where, and stops cleanly", async ({ expect }) => {
    const lines = await serveBriefly({ role: "vss", faults: [], port: 0 });
    expect(lines[0]).toBe("v2x serve: reference vss vss-1, correct (no fault)");
    expect(lines[1]).toMatch(/^ {2}VISS v2 \(subprotocol VISSv2\) on ws:\/\/127\.0\.0\.1:\d+, error profile viss2-strict$/);
    expect(lines.at(-1)).toBe("v2x serve: vss vss-1 stopped");
  });

  it("turns a device that cannot start into a one-line usage error", async ({ expect }) => {
    const error = await serveCommand({ role: "tbox", broker: "mqtt://127.0.0.1:1883", id: "SHORT", faults: [], signal: AbortSignal.abort(), print: () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect(String(error)).toMatch(/a T-Box id is its VIN, 17 printable ASCII characters; got "SHORT"/);
  });
});

describe.concurrent("v2x serve from the command line", () => {
  it("exits 2 with one line when no role is named", ({ expect }) => {
    const run = spawnSync(process.execPath, ["src/cli/bin.js", "serve"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("v2x: name a role to serve (obu, rsu, tbox, platform, vss), or list the faults with --list-faults\n");
  });

  it("runs until SIGTERM, then stops the device and exits 0", async ({ expect, onTestFinished }) => {
    const child = spawn(process.execPath, ["src/cli/bin.js", "serve", "vss", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    onTestFinished(() => void child.kill("SIGKILL"));
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const deadline = Date.now() + 15_000;
    while (!out.includes("stop with Ctrl-C") && Date.now() < deadline) await sleep(50);
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    expect(out).toMatch(/v2x serve: vss vss-1 stopped/);
  }, 30_000);
});

describeWhen({ what: "the Mosquitto broker on 127.0.0.1:1883", available: sharedMosquittoAvailable, hint: "install and start mosquitto (apt-get install mosquitto)" }, "serveCommand on the bus", () => {
  it("serves a faulty OBU on the broker, naming its faults and topics, until aborted", async ({ expect, onTestFinished }) => {
    const topicTemplate = uniqueTemplate("serve");
    const tap = await Tap.open(topicTemplate, onTestFinished);
    const lines = await serveBriefly({ role: "obu", broker: BROKER, id: "obu-serve", faults: ["bsm-rate-5hz"], topicTemplate, seed: 42 });
    expect(lines[0]).toBe("v2x serve: reference obu obu-serve, with fault bsm-rate-5hz");
    expect(lines).toContain(`  BSM every 100 ms (temporary id ${/temporary id ([0-9a-f]{16})/.exec(lines.join(" "))?.[1] ?? ""}) on ${topicTemplate.split("/{role}")[0] ?? ""}/obu/obu-serve/up/bsm`);
    expect(tap.of("bsm").length).toBeGreaterThan(0);
    expect(lines.at(-1)).toBe("v2x serve: obu obu-serve stopped");
  });
});
