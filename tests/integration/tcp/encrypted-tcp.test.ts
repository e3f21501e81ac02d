import { describe, it } from "vitest";
import { CliError } from "../../../src/cli/cli-error.ts";
import { serveOptionsFrom } from "../../../src/cli/commands/serve.ts";
import { startDevice, type ArchivedReport, type PlatformDevice } from "../../../src/devices/index.ts";
import { loginFrame, realtimeFrame } from "../../../src/devices/tbox/frames.ts";
import { Command, Encryption, ResponseFlag, type Frame } from "../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { beijingTime } from "../../../src/sim/index.ts";
import type { Observation } from "../../../src/transport/observation.ts";
import { Gbt32960TcpClient, Gbt32960TcpServer } from "../../../src/transport/tcp/index.ts";
import { decodeFrame, parseKeySettings, withEncryption, type DataUnitKeys } from "../../../src/wire/gbt32960/index.ts";
import { eventually } from "../../helpers/broker.ts";
import { readHexFixture } from "../../unit/wire/gbt32960/hex.ts";
import { registry, sleep, uniqueVin, type Finished } from "../devices/bus.ts";
import { exampleData } from "../devices/test-vehicle.ts";

const AES_KEY = "000102030405060708090a0b0c0d0e0f";
const OTHER_KEY = "0f0e0d0c0b0a09080706050403020100";

async function platformWith(keys: DataUnitKeys, finished: Finished): Promise<{ platform: PlatformDevice; port: number; log: string[] }> {
  const log: string[] = [];
  const platform = await startDevice("platform", { tcp: { port: 0, host: "127.0.0.1" }, keys, registry, log: (line) => log.push(line) });
  finished(() => platform.stop());
  if (platform.tcp === undefined) throw new Error("the platform does not say where it listens over TCP");
  return { platform, port: platform.tcp.port, log };
}

async function encryptingTbox(port: number, aesKey: string, finished: Finished): Promise<string> {
  const vin = uniqueVin();
  const tbox = await startDevice("tbox", {
    tcp: { host: "127.0.0.1", port },
    keys: parseKeySettings({ aesKey }),
    encrypt: "aes",
    registry,
    id: vin,
    reportIntervalMs: 1000,
    answerTimeoutMs: 3000,
    log: () => undefined,
  });
  finished(() => tbox.stop());
  return vin;
}

async function kept(platform: PlatformDevice, vin: string): Promise<ArchivedReport[]> {
  return ((await (await fetch(`${platform.queryUrl}/vehicles/${vin}/reports`)).json()) as { reports: ArchivedReport[] }).reports;
}

/** The test playing a T-Box with keys of its own: every frame it hears, decoded with them. */
async function keyedClient(port: number, keys: DataUnitKeys, finished: Finished): Promise<{ client: Gbt32960TcpClient; heard: Observation[] }> {
  const client = new Gbt32960TcpClient({ host: "127.0.0.1", port, codec: { keys }, reconnect: { initialDelayMs: 0 } });
  const heard: Observation[] = [];
  client.on("observation", (o) => heard.push(o));
  await client.connect();
  finished(() => client.close());
  return { client, heard };
}

function framesOf(heard: readonly Observation[]): Frame[] {
  return heard.map((o) => {
    if (!o.decoded.ok) throw new Error(o.decoded.error);
    return o.decoded.message as unknown as Frame;
  });
}

describe.concurrent("GB/T 32960 data units encrypted over TCP", { timeout: 30_000 }, () => {
  it("the reference platform with the AES key keeps the reports of a reference T-Box encrypting with it", async ({ expect, onTestFinished }) => {
    const { platform, port, log } = await platformWith(parseKeySettings({ aesKey: AES_KEY }), onTestFinished);
    const vin = await encryptingTbox(port, AES_KEY, onTestFinished);
    const deadline = Date.now() + 15_000;
    while ((await kept(platform, vin)).length < 2 && Date.now() < deadline) await sleep(200);
    expect((await kept(platform, vin)).length).toBeGreaterThanOrEqual(2);
    expect(log.filter((line) => line.includes("malformed"))).toEqual([]);
  });

  it("a T-Box with another key is not logged in, gets an error answer to each report, keeps its connection, and nothing is kept", async ({ expect, onTestFinished }) => {
    const { platform, port, log } = await platformWith(parseKeySettings({ aesKey: AES_KEY }), onTestFinished);
    const referenceVin = await encryptingTbox(port, OTHER_KEY, onTestFinished);
    const vin = uniqueVin();
    const { client, heard } = await keyedClient(port, parseKeySettings({ aesKey: OTHER_KEY }), onTestFinished);
    client.send(withEncryption(loginFrame({ vin, iccid: "89860000000000000001", ressCodes: [] }, beijingTime(Date.now()), 1), Encryption.AES));
    client.send(withEncryption(realtimeFrame(vin, exampleData(Date.now())), Encryption.AES));
    await eventually(() => heard.length >= 1, "an answer", 10_000);
    await sleep(500);
    // The login is ignored (B.1), the report answered with an error (B.2.1).
    expect(framesOf(heard).map((f) => [f.command, f.responseFlag])).toEqual([[Command.REALTIME, ResponseFlag.ERROR]]);
    expect(client.connected).toBe(true);
    expect(await kept(platform, vin)).toEqual([]);
    expect(await kept(platform, referenceVin)).toEqual([]);
    expect(log.some((line) => line.startsWith(`malformed login from ${referenceVin}`) && line.includes("cannot decrypt with aes-128-ecb"))).toBe(true);
  });

  it("a platform without the key error-answers an encrypted report and says why", async ({ expect, onTestFinished }) => {
    const { platform, port, log } = await platformWith({}, onTestFinished);
    const vin = uniqueVin();
    const { client, heard } = await keyedClient(port, parseKeySettings({ aesKey: AES_KEY }), onTestFinished);
    client.send(withEncryption(realtimeFrame(vin, exampleData(Date.now())), Encryption.AES));
    await eventually(() => heard.length >= 1, "an answer", 10_000);
    expect(framesOf(heard).map((f) => [f.command, f.responseFlag])).toEqual([[Command.REALTIME, ResponseFlag.ERROR]]);
    expect(log).toContainEqual(expect.stringMatching(/^malformed realtime from .*: its data unit is encrypted \(encryption 0x03\) and the platform has no key for that mode/));
    expect(await kept(platform, vin)).toEqual([]);
  });

  it("SM4 in CBC round-trips a 2025 report between a client and a server holding the same key", async ({ expect, onTestFinished }) => {
    const keys = parseKeySettings({ sm4Key: AES_KEY, iv: OTHER_KEY });
    const server = await Gbt32960TcpServer.listen({ host: "127.0.0.1", port: 0, codec: { keys } });
    onTestFinished(() => server.close());
    const arrived: Observation[] = [];
    server.on("connection", (link) => link.on("observation", (o) => arrived.push(o)));
    const { client } = await keyedClient(server.port, keys, onTestFinished);
    const report: Frame = { ...decodeFrame(readHexFixture("realtime-2025-all-units")), encryption: Encryption.SM4 };
    client.send(report);
    await eventually(() => arrived.length >= 1, "the report");
    const [observation] = arrived as [Observation];
    expect(observation.decoded).toEqual({ ok: true, message: report });
    expect(decodeFrame(observation.raw).encrypted?.length).toBeGreaterThan(0);
  });
});

describe("v2x serve key flags", () => {
  const signal = AbortSignal.abort();
  const flags = { fault: [] as string[] };

  it("give the platform and the T-Box over TCP their keys", ({ expect }) => {
    expect(serveOptionsFrom("platform", { ...flags, tcp: 7325, aesKey: AES_KEY, cipherIv: OTHER_KEY }, signal).keys).toEqual(parseKeySettings({ aesKey: AES_KEY, iv: OTHER_KEY }));
    expect(serveOptionsFrom("tbox", { ...flags, tcp: { host: "127.0.0.1", port: 7325 }, aesKey: AES_KEY, encrypt: "aes" }, signal)).toMatchObject({ encrypt: "aes", keys: parseKeySettings({ aesKey: AES_KEY }) });
  });

  it("are refused where they cannot apply, and --encrypt without the key", ({ expect }) => {
    expect(() => serveOptionsFrom("platform", { ...flags, broker: "mqtt://b", aesKey: AES_KEY }, signal)).toThrow("--aes-key, --sm4-key and --cipher-iv apply to platform and tbox with --tcp");
    expect(() => serveOptionsFrom("tbox", { ...flags, tcp: { host: "h", port: 1 }, encrypt: "aes" }, signal)).toThrow("--encrypt aes needs the key: give --aes-key");
    expect(() => serveOptionsFrom("platform", { ...flags, tcp: 7325, aesKey: AES_KEY, encrypt: "aes" }, signal)).toThrow("--encrypt applies to tbox with --tcp");
    expect(() => serveOptionsFrom("platform", { ...flags, tcp: 7325, sm4Key: "abc" }, signal)).toThrow(new CliError("--sm4-key: expected 32 hex digits (16 bytes), got 3"));
  });
});
