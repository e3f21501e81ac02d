import { describe, it } from "vitest";
import { startDevice, type ArchivedReport, type PlatformDevice } from "../../../src/devices/index.ts";
import { heartbeatFrame, loginFrame, realtimeFrame, timeCalibrationRequestFrame } from "../../../src/devices/tbox/frames.ts";
import { Command, ResponseFlag } from "../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { beijingTime } from "../../../src/sim/index.ts";
import { encodeFrame } from "../../../src/wire/gbt32960/index.ts";
import { registry, sleep, uniqueVin } from "../devices/bus.ts";
import { exampleData } from "../devices/test-vehicle.ts";
import { TcpTbox } from "./tcp-tbox.ts";

type Finished = (cleanup: () => void | Promise<void>) => void;

async function platformOverTcp(finished: Finished, faults: readonly string[] = []): Promise<PlatformDevice & { readonly tcp: { readonly port: number } }> {
  const platform = await startDevice("platform", { tcp: { port: 0, host: "127.0.0.1" }, registry, faults });
  finished(() => platform.stop());
  if (platform.tcp === undefined) throw new Error("the platform does not say where it listens over TCP");
  return { ...platform, tcp: platform.tcp };
}

function identity(vin: string): { vin: string; iccid: string; ressCodes: string[] } {
  return { vin, iccid: "89860000000000000001", ressCodes: [] };
}

async function kept(platform: PlatformDevice, vin: string): Promise<ArchivedReport[]> {
  return ((await (await fetch(`${platform.queryUrl}/vehicles/${vin}/reports`)).json()) as { reports: ArchivedReport[] }).reports;
}

describe.concurrent("the reference platform over GB/T 32960 TCP", () => {
  it("logs a T-Box in, keeps its reports, answers a bad frame with an error and carries on, answers heartbeat and time calibration", async ({ expect, onTestFinished }) => {
    const platform = await platformOverTcp(onTestFinished);
    const tbox = await TcpTbox.connect(platform.tcp.port, onTestFinished);
    const vin = uniqueVin();
    const base = Date.now() - 60_000;
    tbox.client.send(loginFrame(identity(vin), beijingTime(Date.now()), 1));
    const [login] = await tbox.answers(1, "the login answer");
    expect([login?.command, login?.responseFlag, login?.uniqueId]).toEqual([Command.VEHICLE_LOGIN, ResponseFlag.SUCCESS, vin]);

    // Two reports in one segment, then one split over three segments.
    const report = (i: number): Uint8Array => encodeFrame(realtimeFrame(vin, exampleData(base + i * 1000)));
    tbox.client.sendBytes(Buffer.concat([report(0), report(1)]));
    const split = report(2);
    for (const part of [split.subarray(0, 5), split.subarray(5, 40), split.subarray(40)]) {
      tbox.client.sendBytes(part);
      await sleep(10);
    }
    // A report whose BCC is wrong, and one whose speed is out of range: each gets an error answer.
    const badBcc = report(3);
    badBcc[badBcc.length - 1] = (badBcc[badBcc.length - 1] ?? 0) ^ 0xff;
    tbox.client.sendBytes(badBcc);
    const data = exampleData(base + 4000);
    tbox.client.send(realtimeFrame(vin, { ...data, units: data.units.map((u) => (u.vehicle === undefined ? u : { vehicle: { ...u.vehicle, speed: { value: 3000 } } })) }));
    tbox.client.sendBytes(report(5));
    tbox.client.send(heartbeatFrame(vin));
    tbox.client.send(timeCalibrationRequestFrame(vin));
    const answers = await tbox.answers(5, "two error answers, the heartbeat and time-calibration answers");
    expect(answers.slice(1).map((f) => [f.command, f.responseFlag])).toEqual([
      [Command.REALTIME, ResponseFlag.ERROR],
      [Command.REALTIME, ResponseFlag.ERROR],
      [Command.HEARTBEAT, ResponseFlag.SUCCESS],
      [Command.TIME_CALIBRATION, ResponseFlag.SUCCESS],
    ]);
    expect((await kept(platform, vin)).map((r) => r.collectedAt)).toEqual([0, 1, 2, 5].map((i) => Math.floor((base + i * 1000) / 1000) * 1000));
  });

  it("refuses a second connection's login for a live VIN, and accepts it once the first connection has closed", async ({ expect, onTestFinished }) => {
    const platform = await platformOverTcp(onTestFinished);
    const vin = uniqueVin();
    const first = await TcpTbox.connect(platform.tcp.port, onTestFinished);
    first.client.send(loginFrame(identity(vin), beijingTime(Date.now()), 1));
    await first.answers(1);
    const second = await TcpTbox.connect(platform.tcp.port, onTestFinished);
    second.client.send(loginFrame(identity(vin), beijingTime(Date.now()), 2));
    expect((await second.answers(1))[0]?.responseFlag).toBe(ResponseFlag.VIN_DUPLICATE);
    first.client.close();
    await sleep(100);
    second.client.send(loginFrame(identity(vin), beijingTime(Date.now()), 2));
    expect((await second.answers(2))[1]?.responseFlag).toBe(ResponseFlag.SUCCESS);
  });

  it("error-answers a report from a T-Box that has not logged in, and ignores garbage without closing the connection", async ({ expect, onTestFinished }) => {
    const platform = await platformOverTcp(onTestFinished);
    const vin = uniqueVin();
    const tbox = await TcpTbox.connect(platform.tcp.port, onTestFinished);
    tbox.client.sendBytes(Buffer.from("hello, platform\r\n"));
    tbox.client.send(realtimeFrame(vin, exampleData(Date.now())));
    const [answer] = await tbox.answers(1);
    expect([answer?.command, answer?.responseFlag]).toEqual([Command.REALTIME, ResponseFlag.ERROR]);
    expect(tbox.client.connected).toBe(true);
  });

  it("with no-error-answer, stays silent on a malformed report (the faults apply over TCP too)", async ({ expect, onTestFinished }) => {
    const platform = await platformOverTcp(onTestFinished, ["no-error-answer"]);
    const vin = uniqueVin();
    const tbox = await TcpTbox.connect(platform.tcp.port, onTestFinished);
    tbox.client.send(loginFrame(identity(vin), beijingTime(Date.now()), 1));
    await tbox.answers(1);
    const bad = encodeFrame(realtimeFrame(vin, exampleData(Date.now())));
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 0xff;
    tbox.client.sendBytes(bad);
    tbox.client.send(heartbeatFrame(vin));
    const answers = await tbox.answers(2);
    expect(answers.map((f) => f.command)).toEqual([Command.VEHICLE_LOGIN, Command.HEARTBEAT]);
  });
});
