import { describe, it } from "vitest";
import type { BusObservation } from "../../../src/conformance/carriers/carrier.ts";
import { openPlatformCarrier } from "../../../src/conformance/carriers/gbt32960-platform-carrier.ts";
import { undecodableFrame } from "../../../src/conformance/carriers/gbt32960-frames.ts";
import { openVehiclesCarrier } from "../../../src/conformance/carriers/gbt32960-vehicles-carrier.ts";
import { heartbeatFrame, loginFrame } from "../../../src/devices/tbox/frames.ts";
import { Command, ResponseFlag, type Frame } from "../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { heartbeatAnswer, timeCalibrationAnswer } from "../../../src/sim/gbt32960-answers.ts";
import { beijingTime } from "../../../src/sim/index.ts";
import { Gbt32960TcpServer, headerOfBytes, type Gbt32960Link } from "../../../src/transport/tcp/index.ts";
import { decodeFrame, isWireError } from "../../../src/wire/gbt32960/index.ts";
import { eventually, freePort } from "../../helpers/broker.ts";
import { TcpTbox } from "../tcp/tcp-tbox.ts";

const SUT = "LSUTVIN0000000001";
const OTHER = "LOTHERVIN00000002";
const identity = (vin: string): { vin: string; iccid: string; ressCodes: string[] } => ({ vin, iccid: "89860000000000000001", ressCodes: [] });
const frameOf = (o: BusObservation | undefined): Frame | undefined => (o?.decoded.ok === true ? (o.decoded.message as unknown as Frame) : undefined);

describe("undecodableFrame", () => {
  it("carries a good header, length and BCC, so it is placed by its header, but its data unit does not decode", ({ expect }) => {
    const bytes = undecodableFrame("realtime", SUT);
    expect(headerOfBytes(bytes)).toEqual({ command: Command.REALTIME, responseFlag: ResponseFlag.COMMAND, vin: SUT });
    let thrown: unknown;
    try {
      decodeFrame(bytes);
    } catch (error) {
      thrown = error;
    }
    expect(isWireError(thrown) ? thrown.name : thrown).not.toBe("ChecksumError");
    expect(isWireError(thrown)).toBe(true);
  });

  it("refuses a kind no vehicle command carries", ({ expect }) => {
    expect(() => undecodableFrame("platformAnswer", SUT)).toThrow(/no vehicle command carries a platformAnswer/);
  });
});

describe("the harness as the platform (tbox suite over TCP)", () => {
  const observes = [
    { kind: "login", of: "sut" },
    { kind: "realtime", of: "sut" },
    { kind: "heartbeat", of: "sut" },
    { kind: "platformAnswer", of: "sut" },
  ] as const;

  it("observes the SUT's frames by their header, garbage as the realtime of the VIN that last spoke, its own answers, and nothing of other VINs", async ({ expect, onTestFinished }) => {
    const seen: BusObservation[] = [];
    const carrier = await openPlatformCarrier({ host: "127.0.0.1", port: 0 }, SUT, observes, (o) => seen.push(o));
    onTestFinished(() => carrier.close());
    const tbox = await TcpTbox.connect(carrier.listening.port, onTestFinished);
    const other = await TcpTbox.connect(carrier.listening.port, onTestFinished);

    other.client.send(loginFrame(identity(OTHER), beijingTime(Date.now()), 1));
    tbox.client.send(loginFrame(identity(SUT), beijingTime(Date.now()), 7));
    await eventually(() => seen.length >= 1, "the SUT's login");
    tbox.client.sendBytes(Uint8Array.from([0x00, 0x01, 0x02, 0x03]));
    await eventually(() => seen.length >= 2, "the garbage");
    const channel = await carrier.send("platformAnswer", SUT, heartbeatAnswer(SUT));
    const [answer] = await tbox.answers(1, "the answer on the SUT's connection");

    expect(seen.map((o) => [o.kind, o.id, o.decoded.ok])).toEqual([
      ["login", SUT, true],
      ["realtime", SUT, false],
      ["platformAnswer", SUT, true],
    ]);
    expect(frameOf(seen[0])?.vehicleLogin2016?.serial.value).toBe(7);
    expect(seen[1]?.decoded.ok === false && seen[1].decoded.error).toMatch(/stream offset \d+: StartSymbolError/);
    expect(answer?.command).toBe(Command.HEARTBEAT);
    expect(channel).toBe(seen[0]?.channel);
    expect(other.received).toEqual([]);
  });

  it("refuses to send to a VIN that is not connected, naming it", async ({ expect, onTestFinished }) => {
    const carrier = await openPlatformCarrier({ host: "127.0.0.1", port: 0 }, SUT, observes, () => undefined);
    onTestFinished(() => carrier.close());
    await expect(carrier.send("platformAnswer", SUT, heartbeatAnswer(SUT))).rejects.toThrow(`no T-Box with VIN ${SUT} has spoken on a connection to the harness`);
  });

  it("names the address when it cannot listen", async ({ expect, onTestFinished }) => {
    const first = await openPlatformCarrier({ host: "127.0.0.1", port: 0 }, SUT, observes, () => undefined);
    onTestFinished(() => first.close());
    await expect(openPlatformCarrier({ host: "127.0.0.1", port: first.listening.port }, SUT, observes, () => undefined)).rejects.toThrow(`PIXIT tcp.listen 127.0.0.1:${first.listening.port}`);
  });
});

describe("the harness as vehicles (platform suite over TCP)", () => {
  const observes = [
    { kind: "platformAnswer", of: "any" },
    { kind: "platformCommand", of: "any" },
  ] as const;

  /** A platform under test that answers every heartbeat, and sends a time calibration as a command to check the kinds. */
  async function platform(onTestFinished: (fn: () => Promise<void>) => void): Promise<{ server: Gbt32960TcpServer; frames: Frame[]; links: Set<Gbt32960Link> }> {
    const server = await Gbt32960TcpServer.listen({ host: "127.0.0.1", port: 0 });
    onTestFinished(() => server.close());
    const frames: Frame[] = [];
    const links = new Set<Gbt32960Link>();
    server.on("connection", (link) => {
      links.add(link);
      link.on("observation", (o) => {
        if (!o.decoded.ok) return;
        const frame = o.decoded.message as unknown as Frame;
        frames.push(frame);
        if (frame.command === Command.HEARTBEAT) link.send(heartbeatAnswer(frame.uniqueId));
        if (frame.command === Command.TIME_CALIBRATION) link.send({ ...timeCalibrationAnswer(frame.uniqueId, beijingTime(Date.now())), responseFlag: ResponseFlag.COMMAND });
      });
    });
    return { server, frames, links };
  }

  it("opens a connection per VIN, and puts what comes back on it down to that VIN, as an answer or a command", async ({ expect, onTestFinished }) => {
    const { server, frames, links } = await platform(onTestFinished);
    const seen: BusObservation[] = [];
    const carrier = openVehiclesCarrier({ host: "127.0.0.1", port: server.port }, "platform-1", observes, (o) => seen.push(o));
    onTestFinished(() => carrier.close());

    await carrier.send("heartbeat", SUT, heartbeatFrame(SUT));
    await carrier.send("heartbeat", OTHER, heartbeatFrame(OTHER));
    await carrier.send("timeCalibration", SUT, { ...heartbeatFrame(SUT), command: Command.TIME_CALIBRATION, heartbeat: undefined, timeCalibrationRequest: {} });
    await eventually(() => seen.length >= 3, "two answers and a command");

    expect(links.size).toBe(2);
    expect(frames.map((f) => f.uniqueId).sort()).toEqual([OTHER, SUT, SUT]);
    expect(seen.map((o) => [o.kind, o.id]).sort()).toEqual([
      ["platformAnswer", OTHER],
      ["platformAnswer", SUT],
      ["platformCommand", SUT],
    ]);
  });

  it("sends an undecodable report the platform sees as a realtime report of that VIN", async ({ expect, onTestFinished }) => {
    const server = await Gbt32960TcpServer.listen({ host: "127.0.0.1", port: 0 });
    onTestFinished(() => server.close());
    const errors: string[] = [];
    server.on("connection", (link) => link.on("observation", (o) => void (o.decoded.ok ? undefined : errors.push(`${headerOfBytes(o.raw)?.vin ?? "?"} ${o.decoded.error}`))));
    const carrier = openVehiclesCarrier({ host: "127.0.0.1", port: server.port }, "platform-1", observes, () => undefined);
    onTestFinished(() => carrier.close());

    await carrier.sendRaw("realtime", SUT, carrier.undecodable("realtime", SUT));
    await eventually(() => errors.length === 1, "the platform's decode error");
    expect(errors[0]).toMatch(new RegExp(`^${SUT} .*stream offset 0`));
  });

  it("reconnects a vehicle the platform dropped, at its next send", async ({ expect, onTestFinished }) => {
    const { server, frames, links } = await platform(onTestFinished);
    const carrier = openVehiclesCarrier({ host: "127.0.0.1", port: server.port }, "platform-1", observes, () => undefined);
    onTestFinished(() => carrier.close());
    await carrier.send("heartbeat", SUT, heartbeatFrame(SUT));
    await eventually(() => frames.length === 1, "the first heartbeat");
    for (const link of links) link.close();
    await eventually(() => [...links].every((l) => !l.isOpen), "the platform closing the connection");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await carrier.send("heartbeat", SUT, heartbeatFrame(SUT));
    await eventually(() => frames.length === 2, "the heartbeat after the reconnect");
    expect(links.size).toBe(2);
  });

  it("rejects with the PIXIT key when the platform cannot be reached", async ({ expect, onTestFinished }) => {
    const port = await freePort();
    const carrier = openVehiclesCarrier({ host: "127.0.0.1", port }, "platform-1", observes, () => undefined);
    onTestFinished(() => carrier.close());
    await expect(carrier.send("heartbeat", SUT, heartbeatFrame(SUT))).rejects.toThrow(`cannot connect to the platform at tcp://127.0.0.1:${port} (PIXIT tcp.connect) as ${SUT}`);
  });
});
