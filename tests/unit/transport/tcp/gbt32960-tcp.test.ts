import { once } from "node:events";
import { connect, createServer, type AddressInfo, type Socket } from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";
import { heartbeatFrame } from "../../../../src/devices/tbox/frames.ts";
import { Command, type Frame } from "../../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import type { Observation } from "../../../../src/transport/observation.ts";
import { isTransportError } from "../../../../src/transport/transport-error.ts";
import { Gbt32960TcpClient, Gbt32960TcpServer, type Gbt32960Link, type Gbt32960ServerOptions } from "../../../../src/transport/tcp/index.ts";
import { decodeFrame, encodeFrame } from "../../../../src/wire/gbt32960/index.ts";
import { eventually, freePort } from "../../../helpers/broker.ts";

const VIN = "LSVAU2A37K2100001";
/** spec/gbt32960.md §1.4: the heartbeat command of this VIN. */
const HEARTBEAT = Buffer.from("232307fe4c53564155324133374b32313030303031010000ab", "hex");

interface Served {
  readonly server: Gbt32960TcpServer;
  readonly observations: Observation[];
  readonly links: Gbt32960Link[];
}

async function serve(options: Partial<Gbt32960ServerOptions> = {}, port = 0): Promise<Served> {
  const server = await Gbt32960TcpServer.listen({ host: "127.0.0.1", port, ...options });
  onTestFinished(() => server.close());
  const observations: Observation[] = [];
  const links: Gbt32960Link[] = [];
  server.on("connection", (link) => {
    links.push(link);
    link.on("observation", (o) => observations.push(o));
  });
  return { server, observations, links };
}

async function rawPeer(port: number): Promise<Socket> {
  const socket = connect({ host: "127.0.0.1", port });
  await once(socket, "connect");
  onTestFinished(() => void socket.destroy());
  return socket;
}

const frameOf = (o: Observation | undefined): Frame => {
  if (o === undefined || !o.decoded.ok) throw new Error(o?.decoded.ok === false ? o.decoded.error : "no observation");
  return o.decoded.message as unknown as Frame;
};

describe("Gbt32960TcpServer", () => {
  it("frames merged and split segments: one observation per frame, on channel tcp://<peer>", async () => {
    const { server, observations } = await serve();
    const peer = await rawPeer(server.port);
    peer.write(Buffer.concat([HEARTBEAT, HEARTBEAT, HEARTBEAT.subarray(0, 7)]));
    await eventually(() => observations.length === 2, "two frames");
    peer.write(HEARTBEAT.subarray(7));
    await eventually(() => observations.length === 3, "the split frame");
    expect(observations.map((o) => [frameOf(o).command, frameOf(o).uniqueId, o.encoding, o.typeName])).toEqual(Array(3).fill([Command.HEARTBEAT, VIN, "gbt32960", "v2xh.gbt32960.v1.Frame"]));
    expect(observations[0]?.channel).toBe(`tcp://127.0.0.1:${peer.localPort}`);
    expect(observations[0]?.raw).toEqual(new Uint8Array(HEARTBEAT));
  });

  it("reports garbage and a bad BCC naming the stream offset and the field, and keeps the connection", async () => {
    const { server, observations } = await serve();
    const peer = await rawPeer(server.port);
    const badBcc = Buffer.from(HEARTBEAT);
    badBcc[24] = 0x00;
    peer.write(Buffer.concat([Buffer.from("junk"), badBcc, HEARTBEAT]));
    await eventually(() => observations.some((o) => o.decoded.ok), "the good frame after the bad ones");
    const errors = observations.filter((o) => !o.decoded.ok).map((o) => (o.decoded.ok ? "" : o.decoded.error));
    expect(errors[0]).toMatch(/stream offset 0: StartSymbolError: offset 0, start: skipped 4 bytes/);
    expect(errors[1]).toMatch(/stream offset 4: ChecksumError: offset 24, bcc: BCC mismatch/);
    expect(peer.destroyed).toBe(false);
    expect(server.connections).toBe(1);
  });

  it("sends frames to the peer, and refuses what it cannot encode or queue with a TransportError", async () => {
    const { server, links } = await serve({ maxWriteBuffer: 30 });
    const peer = await rawPeer(server.port);
    await eventually(() => links.length === 1, "the connection");
    const link = links[0] as Gbt32960Link;
    const received: Buffer[] = [];
    peer.on("data", (chunk: Buffer) => received.push(chunk));
    link.send(heartbeatFrame(VIN));
    await eventually(() => Buffer.concat(received).length === 25, "the heartbeat");
    expect(Buffer.concat(received)).toEqual(HEARTBEAT);
    expect(() => link.sendBytes(new Uint8Array(31))).toThrow(expect.objectContaining({ name: "TransportError", code: "pending-limit" }));
    try {
      link.send({ ...heartbeatFrame(VIN), command: 300 as Command });
      expect.unreachable();
    } catch (error) {
      expect(isTransportError(error, "wire-format")).toBe(true);
      expect((error as Error).message).toMatch(/command/);
    }
  });

  it("says which host and port it cannot listen on", async () => {
    const { server } = await serve();
    await expect(Gbt32960TcpServer.listen({ host: "127.0.0.1", port: server.port })).rejects.toMatchObject({ code: "listen-failed", message: expect.stringContaining(`127.0.0.1:${server.port}`) as unknown });
  });
});

describe("Gbt32960TcpClient", () => {
  it("sends and receives frames, and reconnects with backoff when the connection is lost", async () => {
    const { server, observations, links } = await serve();
    const client = new Gbt32960TcpClient({ host: "127.0.0.1", port: server.port, reconnect: { initialDelayMs: 20, maxDelayMs: 50 } });
    onTestFinished(() => client.close());
    const events: string[] = [];
    const heard: Observation[] = [];
    client.on("connect", () => events.push("connect"));
    client.on("offline", (cause) => events.push(`offline ${cause.code}`));
    client.on("reconnect", (attempt) => events.push(`reconnect ${attempt}`));
    client.on("observation", (o) => heard.push(o));
    await client.connect();
    client.send(heartbeatFrame(VIN));
    await eventually(() => observations.length === 1, "the heartbeat at the server");
    links[0]?.send(heartbeatFrame(VIN));
    await eventually(() => heard.length === 1, "the heartbeat at the client");
    expect(decodeFrame(heard[0]?.raw ?? new Uint8Array())).toEqual(frameOf(heard[0]));

    links[0]?.close();
    await eventually(() => events.length === 4, "offline, reconnect and connect again");
    expect(events).toEqual(["connect", "offline connection-lost", "reconnect 1", "connect"]);
    client.send(heartbeatFrame(VIN));
    await eventually(() => observations.length === 2, "a heartbeat on the new connection");
  });

  it("refuses to send while offline, and rejects a first connect it cannot make with the address", async () => {
    const port = await freePort();
    const client = new Gbt32960TcpClient({ host: "127.0.0.1", port });
    await expect(client.connect()).rejects.toMatchObject({ code: "unreachable", message: expect.stringContaining(`tcp://127.0.0.1:${port}`) as unknown });
    expect(() => client.send(heartbeatFrame(VIN))).toThrow(/not connected to 127\.0\.0\.1/);
    client.close();
  });

  it("writes the frame bytes of encodeFrame", async () => {
    const { server, observations } = await serve();
    const client = new Gbt32960TcpClient({ host: "127.0.0.1", port: server.port });
    onTestFinished(() => client.close());
    await client.connect();
    client.send(heartbeatFrame(VIN));
    await eventually(() => observations.length === 1, "the frame");
    expect(observations[0]?.raw).toEqual(encodeFrame(heartbeatFrame(VIN)));
  });

  it("end() lets every frame already sent reach a slow peer before the connection closes, and does not reconnect", async () => {
    let received = 0;
    let accepted = 0;
    const peer = createServer((socket) => {
      accepted++;
      // A peer that reads nothing for a while: what the client sends waits in its socket.
      socket.pause();
      setTimeout(() => socket.resume(), 200);
      socket.on("data", (chunk: Buffer) => (received += chunk.length));
    });
    peer.listen(0, "127.0.0.1");
    await once(peer, "listening");
    onTestFinished(() => void peer.close());
    const client = new Gbt32960TcpClient({ host: "127.0.0.1", port: (peer.address() as AddressInfo).port, reconnect: { initialDelayMs: 0 }, maxWriteBuffer: 64 << 20 });
    await client.connect();
    // More than the kernel's socket buffers hold, so that most of it still waits in the client.
    const chunk = new Uint8Array(1 << 20);
    const chunks = 32;
    for (let i = 0; i < chunks; i++) client.sendBytes(chunk);
    await client.end(10_000);
    expect(received).toBe(chunks * chunk.length);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([accepted, client.connected]).toEqual([1, false]);
  });
});
