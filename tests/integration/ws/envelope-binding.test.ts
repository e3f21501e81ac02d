import { afterEach, describe, expect, it } from "vitest";
import type { SetRequest } from "../../../src/schema/gen/v2xh/vss/v1/messages_pb.ts";
import { encodeProtobuf, loadRegistry } from "../../../src/schema/index.ts";
import { connectEnvelopeClient } from "../../../src/transport/ws/envelope-client.ts";
import type { EnvelopeConnection } from "../../../src/transport/ws/envelope-connection.ts";
import type { EnvelopeObservation } from "../../../src/transport/ws/envelope-frame.ts";
import { EnvelopeServer } from "../../../src/transport/ws/envelope-server.ts";
import { isTransportError } from "../../../src/transport/transport-error.ts";

const registry = loadRegistry();
const SET_REQUEST = "v2xh.vss.v1.SetRequest";
const message: SetRequest = { path: "Vehicle.Cabin.Infotainment.Media.Volume", value: { scalar: "30" }, requestId: "110" };

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).reverse().map((item) => item.close()));
});

async function serverAndClient(options: { maxPayload?: number } = {}): Promise<{ server: EnvelopeServer; client: EnvelopeConnection }> {
  const server = await EnvelopeServer.listen({ registry, senderId: "rsu-1", timeSource: () => 1_700_000_000_000, ...options });
  open.push(server);
  const connected = new Promise<void>((resolve) => server.once("connection", () => resolve()));
  const client = await connectEnvelopeClient(server.url, { registry, senderId: "obu-7", timeSource: () => 1_700_000_000_123.5 });
  open.push(client);
  await connected;
  return { server, client };
}

function nextObservations(source: { onObservation(listener: (o: EnvelopeObservation) => void): () => void }, count: number): Promise<EnvelopeObservation[]> {
  return new Promise((resolve) => {
    const seen: EnvelopeObservation[] = [];
    const stop = source.onObservation((observation) => {
      seen.push(observation);
      if (seen.length === count) {
        stop();
        resolve(seen);
      }
    });
  });
}

describe("envelope binding over WebSocket", () => {
  it("binds port 0 and reports the port it got", async () => {
    const { server } = await serverAndClient();
    expect(server.url).toMatch(/^ws:\/\/127\.0\.0\.1:[1-9]\d*$/);
  });

  it("delivers a message in an envelope with type, encoding, send time, sender and sequence", async () => {
    const { server, client } = await serverAndClient();
    const received = nextObservations(server, 2);
    client.send(SET_REQUEST, message);
    client.send(SET_REQUEST, { ...message, requestId: "111" }, "json");
    const [first, second] = await received;
    expect(first?.decoded).toEqual({ ok: true, message });
    expect(first?.typeName).toBe(SET_REQUEST);
    expect(first?.encoding).toBe("protobuf");
    expect(first?.receivedAt).toBe(1_700_000_000_000);
    expect(first?.envelope).toMatchObject({ messageType: SET_REQUEST, senderId: "obu-7", sequenceNumber: 0n, sendTimeUs: 1_700_000_000_123_500n });
    expect(second?.encoding).toBe("json");
    expect(second?.decoded).toEqual({ ok: true, message: { ...message, requestId: "111" } });
    expect(second?.envelope?.sequenceNumber).toBe(1n);
  });

  it("sends from the server to every client with one sequence per sender", async () => {
    const { server, client } = await serverAndClient();
    const second = await connectEnvelopeClient(server.url, { registry });
    open.push(second);
    await expect.poll(() => server.connections.size).toBe(2);
    const atFirst = nextObservations(client, 2);
    const atSecond = nextObservations(second, 2);
    expect(server.send(SET_REQUEST, message)).toBe(2);
    server.send(SET_REQUEST, message);
    for (const seen of [await atFirst, await atSecond]) {
      expect(seen.map((o) => o.envelope?.sequenceNumber)).toEqual([0n, 1n]);
      expect(seen.map((o) => o.envelope?.senderId)).toEqual(["rsu-1", "rsu-1"]);
    }
  });

  it("turns bad frames into failed observations and keeps the connection", async () => {
    const { server, client } = await serverAndClient();
    const received = nextObservations(server, 6);
    const envelope = (fields: Record<string, unknown>): Uint8Array =>
      encodeProtobuf(registry, "v2xh.harness.v1.Envelope", { messageType: SET_REQUEST, encoding: 1, sendTimeUs: 1n, senderId: "x", sequenceNumber: 0n, payload: new Uint8Array(), ...fields });
    client.sendRaw("hello");
    client.sendRaw(new Uint8Array([0xff, 0xff, 0xff]));
    client.sendRaw(new Uint8Array());
    client.sendRaw(envelope({ payload: new Uint8Array([0x0a, 0xff]) }));
    client.sendRaw(envelope({ messageType: "v2xh.vss.v1.NoSuchType", payload: new Uint8Array([0x0a, 0x00]) }));
    client.send(SET_REQUEST, message);
    const seen = await received;
    const errors = seen.map((o) => (o.decoded.ok ? "ok" : o.decoded.error));
    expect(errors[0]).toMatch(/^text frame: the envelope binding carries binary frames only/);
    expect(errors[1]).toMatch(/^malformed envelope: .*not valid protobuf binary/);
    expect(errors[2]).toMatch(/^malformed envelope: .*messageType/);
    expect(errors[3]).toMatch(/^undecodable payload: v2xh\.vss\.v1\.SetRequest: not valid protobuf binary/);
    expect(errors[4]).toMatch(/^undecodable payload: no message type "v2xh\.vss\.v1\.NoSuchType"/);
    expect(seen[3]?.envelope?.messageType).toBe(SET_REQUEST);
    expect(seen[0]?.envelope).toBeUndefined();
    expect(errors[5]).toBe("ok");
    expect(client.isOpen).toBe(true);
  });

  it("refuses a frame above maxPayload with close code 1009 and a reason, and keeps serving others", async () => {
    const { server, client } = await serverAndClient({ maxPayload: 1024 });
    const closed = new Promise<[number, string]>((resolve) => client.once("close", (code, reason) => resolve([code, reason])));
    client.sendRaw(new Uint8Array(2000));
    const [code, reason] = await closed;
    expect(code).toBe(1009);
    expect(reason).toBe("frame larger than 1024 bytes refused (maxPayload)");
    const next = await connectEnvelopeClient(server.url, { registry });
    open.push(next);
    const received = nextObservations(server, 1);
    next.send(SET_REQUEST, message);
    expect((await received)[0]?.decoded.ok).toBe(true);
  });

  it("rejects sending on a closed connection with a closed TransportError", async () => {
    const { client } = await serverAndClient();
    await client.close();
    let caught: unknown;
    try {
      client.send(SET_REQUEST, message);
    } catch (error) {
      caught = error;
    }
    expect(isTransportError(caught, "closed")).toBe(true);
  });

  it("reports a server that is not there as unreachable", async () => {
    const server = await EnvelopeServer.listen({ registry });
    const url = server.url;
    await server.close();
    await expect(connectEnvelopeClient(url, { registry })).rejects.toSatisfy((error) => isTransportError(error, "unreachable") && /ECONNREFUSED/.test(error.message));
  });
});
