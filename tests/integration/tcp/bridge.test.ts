import { it } from "vitest";
import { CliError } from "../../../src/cli/cli-error.ts";
import { bridgeCommand } from "../../../src/cli/commands/bridge.ts";
import { startDevice, type ArchivedReport } from "../../../src/devices/index.ts";
import { loginFrame, realtimeFrame, heartbeatFrame } from "../../../src/devices/tbox/frames.ts";
import { Command, Encryption, ResponseFlag, type Frame } from "../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { decodeProtobuf, encodeProtobuf } from "../../../src/schema/index.ts";
import { beijingTime } from "../../../src/sim/index.ts";
import { emqxLayout, Gbt32960TcpClient, startGbt32960Bridge, v2xLayout } from "../../../src/transport/tcp/index.ts";
import { parseKeySettings, withEncryption } from "../../../src/wire/gbt32960/index.ts";
import { eventually, freePort, sharedMosquittoAvailable, uniquePrefix } from "../../helpers/broker.ts";
import { describeWhen } from "../../helpers/environment.ts";
import { BROKER, messageOf, rawClient, registry, sleep, Tap, uniqueId, uniqueTemplate, uniqueVin } from "../devices/bus.ts";
import { exampleData } from "../devices/test-vehicle.ts";
import { TcpTbox } from "./tcp-tbox.ts";

const MOSQUITTO = { what: "the Mosquitto broker on 127.0.0.1:1883", available: sharedMosquittoAvailable, hint: "install and start mosquitto (apt-get install mosquitto)" };
const FRAME = "v2xh.gbt32960.v1.Frame";
const identity = (vin: string): { vin: string; iccid: string; ressCodes: string[] } => ({ vin, iccid: "89860000000000000001", ressCodes: [] });

describeWhen(MOSQUITTO, "v2x bridge gbt32960", () => {
  it("v2x layout: a TCP T-Box logs in to the reference platform on the bus, its reports are kept, and the platform's answers come back on its connection", async ({ expect, onTestFinished }) => {
    const topicTemplate = uniqueTemplate("bridge");
    const tap = await Tap.open(topicTemplate, onTestFinished);
    const platform = await startDevice("platform", { broker: BROKER, topicTemplate, registry, id: uniqueId("platform"), upperTester: false });
    onTestFinished(() => platform.stop());
    const bridge = await startGbt32960Bridge({ tcp: { port: 0, host: "127.0.0.1" }, broker: BROKER, layout: v2xLayout(topicTemplate), registry });
    onTestFinished(() => bridge.close());
    const tbox = await TcpTbox.connect(bridge.tcp.port, onTestFinished);
    const vin = uniqueVin();
    const base = Date.now() - 10_000;

    tbox.client.send(loginFrame(identity(vin), beijingTime(Date.now()), 1));
    const [login] = await tbox.answers(1, "the login answer through the bridge");
    expect([login?.command, login?.responseFlag]).toEqual([Command.VEHICLE_LOGIN, ResponseFlag.SUCCESS]);
    for (let i = 0; i < 3; i++) tbox.client.send(realtimeFrame(vin, exampleData(base + i * 1000)));
    tbox.client.send(heartbeatFrame(vin));
    const answers = await tbox.answers(2, "the heartbeat answer");
    expect(answers[1]?.command).toBe(Command.HEARTBEAT);

    const kept = async (): Promise<ArchivedReport[]> => ((await (await fetch(`${platform.queryUrl}/vehicles/${vin}/reports`)).json()) as { reports: ArchivedReport[] }).reports;
    let reports = await kept();
    for (let tries = 0; tries < 40 && reports.length < 3; tries++) {
      await sleep(50);
      reports = await kept();
    }
    expect(reports).toHaveLength(3);
    const up = tap.of("realtime", `/tbox/${vin}/up/`).map((o) => messageOf<Frame>(o));
    expect(up.map((f) => f.uniqueId)).toEqual([vin, vin, vin]);
  });

  it("with keys: a T-Box's encrypted frames are published decrypted, and the platform's plain answers reach it as published", async ({ expect, onTestFinished }) => {
    const topicTemplate = uniqueTemplate("bridge-aes");
    const tap = await Tap.open(topicTemplate, onTestFinished);
    const platform = await startDevice("platform", { broker: BROKER, topicTemplate, registry, id: uniqueId("platform"), upperTester: false });
    onTestFinished(() => platform.stop());
    const keys = parseKeySettings({ aesKey: "000102030405060708090a0b0c0d0e0f" });
    const bridge = await startGbt32960Bridge({ tcp: { port: 0, host: "127.0.0.1" }, broker: BROKER, layout: v2xLayout(topicTemplate), registry, keys });
    onTestFinished(() => bridge.close());
    const client = new Gbt32960TcpClient({ host: "127.0.0.1", port: bridge.tcp.port, codec: { keys } });
    const heard: Frame[] = [];
    client.on("observation", (o) => void (o.decoded.ok && heard.push(o.decoded.message as unknown as Frame)));
    await client.connect();
    onTestFinished(() => client.close());
    const vin = uniqueVin();

    client.send(withEncryption(loginFrame(identity(vin), beijingTime(Date.now()), 1), Encryption.AES));
    await eventually(() => heard.length >= 1, "the login answer through the bridge");
    expect([heard[0]?.command, heard[0]?.responseFlag, heard[0]?.encryption]).toEqual([Command.VEHICLE_LOGIN, ResponseFlag.SUCCESS, Encryption.NONE]);
    client.send(withEncryption(realtimeFrame(vin, exampleData(Date.now())), Encryption.AES));
    await eventually(() => tap.of("realtime", `/tbox/${vin}/up/`).length >= 1, "the report on the bus");
    const [report] = tap.of("realtime", `/tbox/${vin}/up/`).map((o) => messageOf<Frame>(o));
    expect(report?.encryption).toBe(Encryption.AES);
    expect(report?.realtime2016?.units.length).toBeGreaterThan(0);
  });

  it("emqx layout: frames go to <mountpoint>/upstream/<vlogin|info|transparent>, and a frame published on …/dnstream reaches the T-Box", async ({ expect, onTestFinished }) => {
    const mountpoint = `${uniquePrefix("emqx")}/gbt32960/\${clientid}/`;
    const bridge = await startGbt32960Bridge({ tcp: { port: 0, host: "127.0.0.1" }, broker: BROKER, layout: emqxLayout(mountpoint), registry });
    onTestFinished(() => bridge.close());
    const raw = await rawClient(onTestFinished);
    const seen: { topic: string; frame: Frame }[] = [];
    const root = mountpoint.split("${clientid}")[0] ?? "";
    await raw.subscribeAsync(`${root}#`, { qos: 1 });
    raw.on("message", (topic, payload) => void (topic.includes("/upstream/") && seen.push({ topic, frame: decodeProtobuf<Frame>(registry, FRAME, payload) })));
    const tbox = await TcpTbox.connect(bridge.tcp.port, onTestFinished);
    const vin = uniqueVin();

    tbox.client.send(loginFrame(identity(vin), beijingTime(Date.now()), 1));
    tbox.client.send(realtimeFrame(vin, exampleData(Date.now())));
    tbox.client.send(heartbeatFrame(vin));
    await eventually(() => seen.length === 3, "three upstream messages");
    expect(seen.map((s) => s.topic)).toEqual(["vlogin", "info", "transparent"].map((suffix) => `${root}${vin}/upstream/${suffix}`));

    const answer: Frame = { ...loginFrame(identity(vin), beijingTime(Date.now()), 1), responseFlag: ResponseFlag.SUCCESS };
    await raw.publishAsync(`${root}${vin}/dnstream`, Buffer.from(encodeProtobuf(registry, FRAME, answer)), { qos: 1 });
    const [down] = await tbox.answers(1, "the frame from dnstream");
    expect([down?.command, down?.responseFlag, down?.uniqueId]).toEqual([Command.VEHICLE_LOGIN, ResponseFlag.SUCCESS, vin]);
  });
});

it("bridgeCommand turns an unreachable broker or a bad mountpoint into a one-line usage error", async ({ expect }) => {
  const signal = AbortSignal.abort();
  const unreachable = `mqtt://127.0.0.1:${await freePort()}`;
  await expect(bridgeCommand({ tcp: 0, broker: unreachable, layout: "v2x", signal, print: () => undefined })).rejects.toThrow(CliError);
  await expect(bridgeCommand({ tcp: 0, broker: unreachable, layout: "emqx", mountpoint: "gbt32960/", signal, print: () => undefined })).rejects.toThrow(/\$\{clientid\}/);
});

describeWhen(MOSQUITTO, "v2x bridge gbt32960 from the command line", () => {
  it("says where T-Boxes connect and where their frames come from, and stops cleanly", async ({ expect }) => {
    const lines: string[] = [];
    const stop = new AbortController();
    const running = bridgeCommand({ tcp: 0, broker: BROKER, layout: "emqx", signal: stop.signal, print: (line) => lines.push(line) });
    await eventually(() => lines.includes("stop with Ctrl-C"), "the bridge to start");
    stop.abort();
    await running;
    expect(lines[0]).toMatch(/^v2x bridge: GB\/T 32960 T-Boxes on tcp:\/\/0\.0\.0\.0:\d+ ↔ mqtt:\/\/127\.0\.0\.1:1883 \(emqx topics\)$/);
    expect(lines[1]).toBe("  frames for T-Boxes from gbt32960/+/dnstream");
    expect(lines.at(-1)).toBe("v2x bridge: stopped");
  });
});
