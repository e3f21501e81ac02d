import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, it } from "vitest";
import { startPlatform } from "../../src/devices/platform/platform-device.ts";
import type { TcpLoadSummary } from "../../src/sim/tcp-load/index.ts";

const BIN = path.resolve("src/cli/bin.js");
const tmp = mkdtempSync(path.join(tmpdir(), "v2x-load-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `v2x` without blocking this process, which serves the platform under load. */
async function v2x(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  return { code, stdout, stderr };
}

describe.concurrent("v2x load gbt32960", () => {
  it("loads the reference platform's TCP port, exits 0 when it carried the load, and writes the summary", async ({ expect, onTestFinished }) => {
    const platform = await startPlatform({ tcp: { port: 0, host: "127.0.0.1" } });
    onTestFinished(() => platform.stop());
    const output = path.join(tmp, "summary.json");
    const run = await v2x(["load", "gbt32960", "--tcp", `127.0.0.1:${platform.tcp?.port}`, "--tboxes", "5", "--period", "500", "--duration", "2", "--output", output]);

    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(output, "utf8")) as TcpLoadSummary;
    expect(summary).toMatchObject({ tboxes: 5, loginsAccepted: 5, errorAnswers: 0, connectionsLost: 0 });
    expect(JSON.parse(run.stdout)).toEqual(summary);
    expect(run.stderr).toMatch(/^v2x load: 5 T-Boxes on tcp:\/\/127\.0\.0\.1:\d+: 5 connected, 5\/5 logins accepted/m);
  });

  it("exits 2 naming the flag and its value when --tcp is not host:port", async ({ expect }) => {
    const run = await v2x(["load", "gbt32960", "--tcp", "nope", "--tboxes", "5"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--tcp <host:port>");
    expect(run.stderr).toContain("'nope'");
  });
});
