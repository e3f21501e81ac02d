import { EventEmitter } from "node:events";
import type { Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { Gbt32960TcpServer, headerOfBytes, headerOfFrame, upKindOf, type Gbt32960Link } from "../../transport/tcp/index.ts";
import { encodeFrame, type Gbt32960Options } from "../../wire/gbt32960/index.ts";
import { HarnessError } from "../harness-error.ts";
import { observedBy, type Carrier, type ObservationSink, type Observes } from "./carrier.ts";
import { sentObservation, undecodableFrame } from "./gbt32960-frames.ts";
import type { TcpAddress } from "../../transport/tcp-address.ts";

/** How long a send waits for a T-Box that is not connected (or not known yet) to speak, ms. */
const CONNECT_WAIT_MS = 5000;

export type ListeningCarrier = Carrier & Required<Pick<Carrier, "listening">>;

/**
 * The harness as the platform a T-Box under test connects to over TCP (GB/T 32960.3 4.1). The frame
 * header names the kind and the VIN, as a topic does on the bus; bytes too garbled to show a header
 * are put down to the VIN that last spoke on their connection, as a realtime report (the bulk of
 * what a T-Box sends), so that a check of every frame sees them. Frames for a VIN go to the
 * connection it last spoke on. `codec` holds the keys that decrypt what the T-Box sends and encrypt
 * a frame the harness marks AES or SM4.
 */
export async function openPlatformCarrier(
  listen: TcpAddress,
  sutId: string,
  observes: Observes,
  sink: ObservationSink,
  codec: Partial<Gbt32960Options> = {},
): Promise<ListeningCarrier> {
  let server: Gbt32960TcpServer;
  try {
    server = await Gbt32960TcpServer.listen({ ...listen, codec });
  } catch (cause) {
    throw new HarnessError("HarnessFault", `PIXIT tcp.listen ${listen.host}:${listen.port}: ${(cause as Error).message}`, cause);
  }
  const observed = observedBy(observes, sutId);
  const byVin = new Map<string, Gbt32960Link>();
  const spoke = new EventEmitter<{ spoke: [vin: string] }>();
  spoke.setMaxListeners(0);
  const lastVin = new WeakMap<Gbt32960Link, string>();
  server.on("connection", (link) => {
    link.on("observation", (o) => {
      const header = o.decoded.ok ? headerOfFrame(o.decoded.message as unknown as Frame) : headerOfBytes(o.raw);
      const vin = header?.vin ?? lastVin.get(link);
      if (vin === undefined) return;
      lastVin.set(link, vin);
      byVin.set(vin, link);
      spoke.emit("spoke", vin);
      const kind = header === undefined ? "realtime" : upKindOf(header);
      if (kind !== undefined && observed(kind, vin)) sink({ ...o, kind, id: vin });
    });
  });
  // A T-Box that has just (re)connected is known by its VIN only once its first frame is read.
  const linkOf = async (vin: string): Promise<Gbt32960Link> => {
    const open = (): Gbt32960Link | undefined => {
      const link = byVin.get(vin);
      return link?.isOpen === true ? link : undefined;
    };
    if (open() === undefined) {
      await new Promise<void>((resolve) => {
        const heard = (who: string): void => {
          if (who === vin) finish();
        };
        const finish = (): void => {
          clearTimeout(timer);
          spoke.off("spoke", heard);
          resolve();
        };
        const timer = setTimeout(finish, CONNECT_WAIT_MS);
        spoke.on("spoke", heard);
      });
    }
    const link = open();
    if (link === undefined) throw new HarnessError("HarnessFault", `no T-Box with VIN ${vin} has spoken on a connection to the harness on tcp://${server.host}:${server.port} in ${CONNECT_WAIT_MS} ms`);
    return link;
  };
  return {
    listening: { host: server.host, port: server.port },
    send: async (kind, id, message) => {
      const link = await linkOf(id);
      const frame = message as Frame;
      const bytes = encodeFrame(frame, codec);
      link.sendBytes(bytes);
      if (observed(kind, id)) sink(sentObservation(link.channel, kind, id, frame, bytes));
      return link.channel;
    },
    sendRaw: async (_kind, id, payload) => {
      const link = await linkOf(id);
      link.sendBytes(payload);
      return link.channel;
    },
    undecodable: undecodableFrame,
    close: () => server.close(),
  };
}
