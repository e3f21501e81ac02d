import { spawn, spawnSync } from "node:child_process";
import { InvalidArgumentError } from "commander";
import { describe, it, vi } from "vitest";
import { CliError } from "../../../src/cli/cli-error.ts";
import { serveOptionsFrom, tcpAddress } from "../../../src/cli/commands/serve.ts";
import { parameterQuery } from "../../../src/conformance/dsl/tbox.ts";
import { startDevice, type TboxOptions } from "../../../src/devices/index.ts";
import { epochOfBeijingTime } from "../../../src/devices/shared/beijing-time.ts";
import { Command, Edition, ResponseFlag } from "../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { encodeFrame } from "../../../src/wire/gbt32960/index.ts";
import { sharedMosquittoAvailable } from "../../helpers/broker.ts";
import { describeWhen } from "../../helpers/environment.ts";
import { BROKER, rawClient, registry, sleep, uniqueVin, upperTester, type Finished } from "./bus.ts";
import { TcpPlatform, type Arrival, type PlatformSide } from "./tcp-platform.ts";

vi.setConfig({ testTimeout: 30_000 });

const REPORT_MS = 1000;

/** A reference T-Box reporting every second to `platform` over TCP, reconnecting within 50..200 ms. */
async function startTcpTbox(platform: TcpPlatform, finished: Finished, options: Partial<TboxOptions> = {}): Promise<{ vin: string; log: string[] }> {
  const vin = uniqueVin();
  const log: string[] = [];
  const tbox = await startDevice("tbox", {
    tcp: { host: "127.0.0.1", port: platform.port },
    registry,
    id: vin,
    reportIntervalMs: REPORT_MS,
    heartbeatIntervalMs: 5000,
    answerTimeoutMs: 3000,
    reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
    log: (line) => log.push(line),
    ...options,
  });
  finished(() => tbox.stop());
  return { vin, log };
}

async function until(condition: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

function loginSerial(side: PlatformSide): number | undefined {
  return side.arrivals[0]?.frame.vehicleLogin2016?.serial.value;
}

describe.concurrent("the reference T-Box over TCP", () => {
  it("logs in first with a 2016 login frame, and reports at its period only once the login is answered", async ({ expect, onTestFinished }) => {
    const platform = await TcpPlatform.listen(onTestFinished, false);
    const { vin } = await startTcpTbox(platform, onTestFinished);
    const side = await platform.connection(0);
    await until(() => side.arrivals.length > 0, "the first frame");
    const [first] = side.arrivals as [Arrival];
    expect(first.frame).toMatchObject({ edition: Edition.EDITION_2016, command: Command.VEHICLE_LOGIN, responseFlag: ResponseFlag.COMMAND, uniqueId: vin });
    expect(first.frame.vehicleLogin2016?.serial.value).toBe(1);

    await sleep(2 * REPORT_MS);
    expect(side.of(Command.REALTIME)).toEqual([]);
    const answeredAt = Date.now();
    platform.answerLogin(side, first.frame);
    await until(() => side.of(Command.REALTIME).length >= 4, "four realtime reports");
    const reports = side.of(Command.REALTIME).slice(0, 4);
    expect(reports.every((r) => r.at >= answeredAt)).toBe(true);
    const meanGap = ((reports[3]?.at ?? 0) - (reports[0]?.at ?? 0)) / 3;
    expect(meanGap).toBeGreaterThan(0.7 * REPORT_MS);
    expect(meanGap).toBeLessThan(1.5 * REPORT_MS);
  });

  it("answers a parameter query on the same connection, after logging a frame it cannot read (bad checksum)", async ({ expect, onTestFinished }) => {
    const platform = await TcpPlatform.listen(onTestFinished);
    const { vin, log } = await startTcpTbox(platform, onTestFinished);
    const side = await platform.connection(0);
    await until(() => side.of(Command.REALTIME).length > 0, "a realtime report");
    // A query with its check byte flipped: the framer rejects it whole.
    const bytes = encodeFrame(parameterQuery(vin, [0x01]));
    side.link.sendBytes(Uint8Array.of(...bytes.subarray(0, -1), (bytes.at(-1) ?? 0) ^ 0xff));
    await until(() => log.some((line) => line.includes("unreadable")), "the T-Box to log the unreadable input");
    side.link.send(parameterQuery(vin, [0x02, 0x09]));
    await until(() => side.of(Command.PARAMETER_QUERY).length > 0, "the answer to the parameter query");
    const [answer] = side.of(Command.PARAMETER_QUERY);
    expect(answer?.frame.responseFlag).toBe(ResponseFlag.SUCCESS);
    expect(answer?.frame.parameterQueryAnswer?.parameters).toEqual([{ normalReportPeriod: { value: REPORT_MS / 1000 } }, { heartbeatPeriod: { value: 5 } }]);
    expect(platform.connections).toHaveLength(1);
  });

  it("reconnects after the platform drops the connection and logs in again with the next serial before reporting", async ({ expect, onTestFinished }) => {
    const platform = await TcpPlatform.listen(onTestFinished);
    await startTcpTbox(platform, onTestFinished);
    const first = await platform.connection(0);
    await until(() => first.of(Command.REALTIME).length > 0, "a realtime report");
    first.link.close();
    const second = await platform.connection(1);
    await until(() => second.of(Command.REALTIME).length > 0, "a realtime report on the new connection");
    expect(second.arrivals[0]?.frame.command).toBe(Command.VEHICLE_LOGIN);
    expect(loginSerial(second)).toBe((loginSerial(first) ?? 0) + 1);
  });
});

describeWhen({ what: "the Mosquitto broker on 127.0.0.1:1883", available: sharedMosquittoAvailable, hint: "install and start mosquitto (apt-get install mosquitto)" }, "the reference T-Box over TCP with an upper tester on the bus", () => {
  it("stores its reports while the upper tester has cut the link, then logs in again and reissues them", async ({ expect, onTestFinished }) => {
    const platform = await TcpPlatform.listen(onTestFinished);
    const { vin } = await startTcpTbox(platform, onTestFinished, { broker: BROKER });
    const ut = await rawClient(onTestFinished);
    const first = await platform.connection(0);
    await until(() => first.of(Command.REALTIME).length >= 2, "two realtime reports");
    const cutAt = Date.now();
    await upperTester(ut, vin, { cutLink: {} });
    await until(() => first.closed, "the cut connection to close");
    await sleep(3.5 * REPORT_MS);
    expect(platform.connections).toHaveLength(1);
    const restoredAt = Date.now();
    await upperTester(ut, vin, { restoreLink: {} });
    const second = await platform.connection(1);
    await until(() => second.of(Command.REISSUE).length >= 3, "three reissued reports");

    expect(first.arrivals.every((a) => a.at <= restoredAt && a.frame.command !== Command.REISSUE)).toBe(true);
    expect(second.arrivals[0]?.frame.command).toBe(Command.VEHICLE_LOGIN);
    expect(loginSerial(second)).toBe((loginSerial(first) ?? 0) + 1);
    const collected = second.of(Command.REISSUE).map((a) => epochOfBeijingTime(a.frame.reissue2016!.time));
    expect(collected.every((at) => at >= cutAt - 1000 && at <= restoredAt + 1000)).toBe(true);
  });
});

describe.concurrent("v2x serve tbox --tcp", () => {
  it("takes host:port, refusing a bare port for the tbox and naming a malformed value", ({ expect }) => {
    const signal = AbortSignal.abort();
    expect(tcpAddress("127.0.0.1:7325")).toEqual({ host: "127.0.0.1", port: 7325 });
    expect(tcpAddress("[::1]:7325")).toEqual({ host: "::1", port: 7325 });
    expect(tcpAddress("7325")).toBe(7325);
    expect(() => tcpAddress("127.0.0.1")).toThrow(InvalidArgumentError);
    expect(serveOptionsFrom("tbox", { fault: [], tcp: { host: "10.0.0.5", port: 7325 } }, signal)).toMatchObject({ role: "tbox", tcp: { host: "10.0.0.5", port: 7325 } });
    expect(() => serveOptionsFrom("tbox", { fault: [], tcp: 7325 }, signal)).toThrow(/tbox --tcp is the platform's address as host:port.*got 7325/);
    expect(() => serveOptionsFrom("tbox", { fault: [] }, signal)).toThrow(CliError);

    const run = spawnSync(process.execPath, ["src/cli/bin.js", "serve", "tbox", "--tcp", "platform.example"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/'platform\.example' is invalid.*host:port/);
  });

  it("connects to the platform at host:port, says so, logs in there, and logs out when stopped", async ({ expect, onTestFinished }) => {
    const platform = await TcpPlatform.listen(onTestFinished);
    const vin = uniqueVin();
    const child = spawn(process.execPath, ["src/cli/bin.js", "serve", "tbox", "--tcp", `127.0.0.1:${platform.port}`, "--id", vin], { stdio: ["ignore", "pipe", "pipe"] });
    onTestFinished(() => void child.kill("SIGKILL"));
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const side = await platform.connection(0, 20_000);
    await until(() => side.of(Command.TIME_CALIBRATION).length > 0, "the T-Box to be logged in and ask the time");
    expect(side.arrivals[0]?.frame).toMatchObject({ command: Command.VEHICLE_LOGIN, uniqueId: vin });
    expect(out).toContain(`over TCP to the platform at 127.0.0.1:${platform.port}`);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    await until(() => side.closed, "the connection to close");
    expect(side.of(Command.VEHICLE_LOGOUT)).toHaveLength(1);
  });
});
