import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { SHARED_MOSQUITTO_URL, sharedMosquittoAvailable } from "../helpers/broker.ts";
import { describeWhen } from "../helpers/environment.ts";

const BIN = path.resolve("src/cli/bin.js");
const tmp = mkdtempSync(path.join(tmpdir(), "v2x-conformance-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function v2x(args: string[], timeoutMs = 120_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"], timeout: timeoutMs });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  return { code, stdout, stderr };
}

/** `v2x serve …` as a user would start their device, stopped when the test ends; resolves with what `ready` reads from its output once it says so. */
async function serveUntil<T>(args: string[], ready: (output: string) => T | undefined): Promise<T> {
  const child = spawn(process.execPath, [BIN, "serve", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  onTestFinished(async () => {
    child.kill("SIGINT");
    if (child.exitCode === null) await once(child, "exit");
  });
  let seen = "";
  return new Promise<T>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      seen += d.toString();
      const value = ready(seen);
      if (value !== undefined) resolve(value);
    });
    child.once("exit", () => reject(new Error(`v2x serve exited early: ${seen}`)));
  });
}

/** `v2x serve <role>`, once it has said what it does. */
const serve = (args: string[]): Promise<true> => serveUntil(args, (seen) => (seen.includes("every") ? true : undefined));

function pixitFile(role: string, id: string, params: object): string {
  const file = path.join(tmp, `${role}-${id}.json`);
  writeFileSync(file, JSON.stringify({ role, sut: { id }, bus: { url: SHARED_MOSQUITTO_URL }, params }));
  return file;
}

describeWhen({ what: "the Mosquitto broker on 127.0.0.1:1883", available: sharedMosquittoAvailable, hint: "install and start mosquitto (apt-get install mosquitto)" }, "v2x run against a device the user started", () => {
  it("passes a correct OBU, exits 0 and writes JUnit, JSON and HTML reports", { timeout: 60_000 }, async () => {
    const id = `obu-${randomBytes(4).toString("hex")}`;
    await serve(["obu", "--broker", SHARED_MOSQUITTO_URL, "--id", id]);
    const report = path.join(tmp, id);
    const run = await v2x(["run", "--role", "obu", "--pixit", pixitFile("obu", id, { observeMs: 1500 }), "--report", report, "--only", "TP/OBU/BSM/BV-01"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/pass +TP\/OBU\/BSM\/BV-01/);
    expect(readFileSync(path.join(report, "junit.xml"), "utf8")).toContain('name="TP/OBU/BSM/BV-01 ');
    expect(JSON.parse(readFileSync(path.join(report, "report.json"), "utf8"))).toMatchObject({ role: "obu", sut: id, summary: { pass: 1, total: 1 } });
    expect(existsSync(path.join(report, "report.html"))).toBe(true);
  });

  it("fails an OBU with a fault, exits 1 and names the broken requirement", { timeout: 60_000 }, async () => {
    const id = `obu-${randomBytes(4).toString("hex")}`;
    await serve(["obu", "--broker", SHARED_MOSQUITTO_URL, "--id", id, "--fault", "bsm-rate-5hz"]);
    const report = path.join(tmp, id);
    const run = await v2x(["run", "--role", "obu", "--pixit", pixitFile("obu", id, { observeMs: 2000 }), "--report", report, "--only", "TP/OBU/BSM/BV-02"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("CSAE53-2020-BSM-RATE");
    expect(readFileSync(path.join(report, "junit.xml"), "utf8")).toContain("<failure");
  });
});

/** `v2x serve platform --tcp 0`; resolves with the TCP port it printed. */
const servePlatformOverTcp = (extra: string[] = []): Promise<number> =>
  serveUntil(["platform", "--tcp", "0", ...extra], (seen) => {
    const port = /over TCP on [^ ]+:(\d+)/.exec(seen)?.[1];
    return port !== undefined && seen.includes("stop with") ? Number(port) : undefined;
  });

describe("v2x run of the platform suite over GB/T 32960 TCP, no broker anywhere", () => {
  const pixit = (port: number): string => {
    const file = path.join(tmp, `platform-tcp-${port}.json`);
    writeFileSync(file, JSON.stringify({ role: "platform", sut: { id: "platform-1" }, tcp: { connect: `127.0.0.1:${port}` }, params: { answerTimeoutMs: 3000 } }));
    return file;
  };
  const only = ["TP/PLATFORM/SESSION/BV-01", "TP/PLATFORM/SESSION/BO-01", "TP/PLATFORM/REPORT/BI-01", "TP/PLATFORM/TIME/BV-01"].flatMap((id) => ["--only", id]);

  it("passes the reference platform's TCP port, every exchange on tcp://", { timeout: 60_000 }, async () => {
    const port = await servePlatformOverTcp();
    const report = path.join(tmp, `platform-tcp-${port}`);
    const run = await v2x(["run", "--role", "platform", "--pixit", pixit(port), "--report", report, ...only]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(report, "report.json"), "utf8")) as { summary: { pass: number }; results: { evidence: { channel: string }[] }[] };
    expect(json.summary.pass).toBe(4);
    const channels = new Set(json.results.flatMap((r) => r.evidence.map((e) => e.channel)).filter((c) => c !== ""));
    expect([...channels]).toEqual([`tcp://127.0.0.1:${port}`]);
  });

  it("fails a platform that does not answer a report that cannot be decoded, naming the requirement", { timeout: 60_000 }, async () => {
    const port = await servePlatformOverTcp(["--fault", "no-error-answer"]);
    const run = await v2x(["run", "--role", "platform", "--pixit", pixit(port), "--report", path.join(tmp, `platform-tcp-${port}`), ...only]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/fail +TP\/PLATFORM\/REPORT\/BI-01/);
    expect(run.stdout).toContain("GBT32960-2016-B.2.1-ERROR-ANSWER");
  });

  it("passes a platform decrypting with --aes-key when the vehicles encrypt with it (PIXIT tcp.keys, tcp.encryption), and fails one without the key", { timeout: 90_000 }, async () => {
    const KEY = "000102030405060708090a0b0c0d0e0f";
    const encrypting = (port: number): string => {
      const file = path.join(tmp, `platform-tcp-aes-${port}.json`);
      writeFileSync(file, JSON.stringify({ role: "platform", sut: { id: "platform-1" }, tcp: { connect: `127.0.0.1:${port}`, keys: { aesKey: KEY }, encryption: "aes" }, params: { answerTimeoutMs: 3000 } }));
      return file;
    };
    const port = await servePlatformOverTcp(["--aes-key", KEY]);
    const report = path.join(tmp, `platform-tcp-aes-${port}`);
    const run = await v2x(["run", "--role", "platform", "--pixit", encrypting(port), "--report", report, ...only]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/pass +TP\/PLATFORM\/SESSION\/BV-01/);
    expect(JSON.parse(readFileSync(path.join(report, "report.json"), "utf8"))).toMatchObject({ summary: { pass: 4 }, pixit: { tcp: { keys: { aesKey: "***" }, encryption: "aes" } } });

    const keyless = await servePlatformOverTcp();
    const refused = await v2x(["run", "--role", "platform", "--pixit", encrypting(keyless), "--report", path.join(tmp, `platform-tcp-aes-${keyless}`), "--only", "TP/PLATFORM/SESSION/BV-01"]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/(fail|inconc) +TP\/PLATFORM\/SESSION\/BV-01/);
  });

  it("says which PIXIT key points nowhere when the platform is not listening", { timeout: 60_000 }, async () => {
    const file = pixit(1);
    const run = await v2x(["run", "--role", "platform", "--pixit", file, "--report", path.join(tmp, "platform-tcp-none"), "--only", "TP/PLATFORM/SESSION/BV-01"]);
    expect(run.stdout + run.stderr).toContain("cannot connect to the platform at tcp://127.0.0.1:1 (PIXIT tcp.connect)");
  });
});

describe("v2x run with bad input", () => {
  it("exits 2 naming the PIXIT file, the path and what was expected", async () => {
    const file = path.join(tmp, "bad-pixit.yaml");
    writeFileSync(file, "role: obu\nsut: { id: o }\nbus: { url: http://nope }\n");
    const run = await v2x(["run", "--role", "obu", "--pixit", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}: /bus/url: malformed`);
  });

  it("exits 2 when selftest --tcp is asked for a suite that does not run over TCP", () => {
    const run = spawnSync(process.execPath, [BIN, "selftest", "--tcp", "--role", "obu", "--broker", "mqtt://127.0.0.1:1"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("the obu suite does not run over GB/T 32960 TCP; only tbox and platform do");
  });

  it("exits 2 for an unknown role", () => {
    const run = spawnSync(process.execPath, [BIN, "run", "--role", "car", "--pixit", "x"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Allowed choices are obu, rsu, tbox, platform, vss");
  });
});

describe("the main job (npm start): every suite against the reference devices on an embedded broker", () => {
  it("needs no setup, passes every test, writes the reports and prints the HTML report's path", async () => {
    const report = path.join(tmp, "main-job");
    const run = await v2x(["selftest", "--references-only", "--report", report], 240_000);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("embedded broker on mqtt://127.0.0.1:");
    expect(run.stdout).toContain(`HTML report: ${path.join(report, "report.html")}`);
    type Summary = { total: number; pass: number; skip: number; fail: number; inconc: number; error: number };
    const json = JSON.parse(readFileSync(path.join(report, "report.json"), "utf8")) as { references: { summary: Summary; results: { id: string; verdict: string; reason: string }[] }[] };
    expect(json.references.length).toBeGreaterThan(0);
    // Every test passes, or is skipped with its reason (TP/OBU/ENCODING/BV-01 needs MQTT 5, which the embedded broker does not speak).
    for (const r of json.references) {
      expect({ ...r.summary, passOrSkip: r.summary.pass + r.summary.skip }).toMatchObject({ passOrSkip: r.summary.total, fail: 0, inconc: 0, error: 0 });
      for (const skipped of r.results.filter((t) => t.verdict === "skip")) expect(skipped.reason, skipped.id).not.toBe("");
    }
    const skipped = json.references.flatMap((r) => r.results.filter((t) => t.verdict === "skip").map((t) => t.id));
    expect(skipped).toContain("TP/OBU/ENCODING/BV-01");
  }, 300_000);
});
