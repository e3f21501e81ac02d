import { once } from "node:events";
import type { Encryption, Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { Gbt32960TcpClient, downKindOf, headerOfBytes, headerOfFrame } from "../../transport/tcp/index.ts";
import { encodeFrame, withEncryption, type Gbt32960Options } from "../../wire/gbt32960/index.ts";
import { HarnessError } from "../harness-error.ts";
import { observedBy, type Carrier, type ObservationSink, type Observes } from "./carrier.ts";
import { sentObservation, undecodableFrame } from "./gbt32960-frames.ts";
import type { TcpAddress } from "../../transport/tcp-address.ts";

/** How long a send waits for a vehicle's lost connection to come back, ms. */
const RECONNECT_WAIT_MS = 5000;

/**
 * The harness as vehicles talking to a platform under test over TCP: each VIN it sends as gets a
 * connection of its own, opened at its first send and reopened when the platform drops it, as a
 * T-Box's would be. What the platform sends on a connection is for that connection's VIN, as a
 * topic names the id on the bus; the frame header says whether it is an answer or a command.
 * `codec` holds the keys that decrypt what the platform sends; with `encryption` every frame that
 * has a data unit goes out encrypted in that mode, as an encrypting T-Box sends it.
 */
export function openVehiclesCarrier(
  platform: TcpAddress,
  sutId: string,
  observes: Observes,
  sink: ObservationSink,
  wire: { readonly codec: Partial<Gbt32960Options>; readonly encryption?: Encryption } = { codec: {} },
): Carrier {
  const { codec, encryption } = wire;
  const observed = observedBy(observes, sutId);
  const channel = `tcp://${platform.host}:${platform.port}`;
  const clients = new Map<string, Promise<Gbt32960TcpClient>>();

  const open = async (vin: string): Promise<Gbt32960TcpClient> => {
    const client = new Gbt32960TcpClient({ ...platform, codec, reconnect: { initialDelayMs: 100, maxDelayMs: 1000 }, connectTimeoutMs: RECONNECT_WAIT_MS });
    client.on("offline", () => undefined);
    client.on("observation", (o) => {
      const header = o.decoded.ok ? headerOfFrame(o.decoded.message as unknown as Frame) : headerOfBytes(o.raw);
      // Bytes without a header still came as the platform's word to this vehicle: an answer that cannot be read.
      const kind = header === undefined ? "platformAnswer" : downKindOf(header);
      if (observed(kind, vin)) sink({ ...o, kind, id: vin });
    });
    try {
      await client.connect();
    } catch (cause) {
      client.close();
      throw new HarnessError("HarnessFault", `cannot connect to the platform at ${channel} (PIXIT tcp.connect) as ${vin}: ${(cause as Error).message}`, cause);
    }
    return client;
  };

  const connectionOf = async (vin: string): Promise<Gbt32960TcpClient> => {
    let client = clients.get(vin);
    if (client === undefined) {
      client = open(vin);
      clients.set(vin, client);
      client.catch(() => clients.delete(vin));
    }
    const ready = await client;
    if (!ready.connected) await Promise.race([once(ready, "connect"), new Promise((resolve) => setTimeout(resolve, RECONNECT_WAIT_MS).unref())]);
    return ready;
  };

  return {
    send: async (kind, id, message) => {
      const client = await connectionOf(id);
      const frame = encryption === undefined ? (message as Frame) : withEncryption(message as Frame, encryption);
      const bytes = encodeFrame(frame, codec);
      client.sendBytes(bytes);
      if (observed(kind, id)) sink(sentObservation(channel, kind, id, frame, bytes));
      return channel;
    },
    sendRaw: async (_kind, id, payload) => {
      (await connectionOf(id)).sendBytes(payload);
      return channel;
    },
    undecodable: undecodableFrame,
    close: async () => {
      const settled = await Promise.allSettled(clients.values());
      for (const s of settled) if (s.status === "fulfilled") s.value.close();
    },
  };
}
