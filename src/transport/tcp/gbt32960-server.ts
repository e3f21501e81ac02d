import { EventEmitter, once } from "node:events";
import { createServer, type AddressInfo, type Server } from "node:net";
import { TransportError } from "../transport-error.ts";
import { Gbt32960Link, linkOptionsOf, type Gbt32960LinkOptions } from "./gbt32960-link.ts";

export interface Gbt32960ServerOptions extends Partial<Gbt32960LinkOptions> {
  /** Interface to listen on. Default: "0.0.0.0", since real T-Boxes connect from the network. */
  readonly host?: string;
  /** Port to listen on; 0 picks a free one. Required. */
  readonly port: number;
  /** Most connections at once; a connection past it is closed at once. Default: 100000. */
  readonly maxConnections?: number;
}

export interface Gbt32960ServerEvents {
  /** A peer connected: attach to the link's `observation` and `close` events here, before any data arrives. */
  connection: [link: Gbt32960Link];
}

/** The terminal-facing end of GB/T 32960 over TCP: accepts T-Box connections, one Gbt32960Link each. */
export class Gbt32960TcpServer extends EventEmitter<Gbt32960ServerEvents> {
  readonly host: string;
  readonly port: number;
  private readonly server: Server;
  private readonly links = new Set<Gbt32960Link>();

  private constructor(server: Server, host: string, port: number) {
    super();
    this.server = server;
    this.host = host;
    this.port = port;
  }

  /** Listens; rejects with a "listen-failed" TransportError naming host and port. */
  static async listen(options: Gbt32960ServerOptions): Promise<Gbt32960TcpServer> {
    const host = options.host ?? "0.0.0.0";
    const linkOptions = linkOptionsOf(options);
    const server = createServer();
    server.maxConnections = options.maxConnections ?? 100_000;
    server.listen({ port: options.port, host, backlog: 4096 });
    try {
      await Promise.race([once(server, "listening"), once(server, "error").then(([error]) => Promise.reject(error as Error))]);
    } catch (cause) {
      throw new TransportError("listen-failed", `cannot listen for GB/T 32960 over TCP on ${host}:${options.port}: ${(cause as Error).message}`, {}, cause);
    }
    const tcp = new Gbt32960TcpServer(server, host, (server.address() as AddressInfo).port);
    server.on("connection", (socket) => {
      const link = new Gbt32960Link(socket, linkOptions);
      tcp.links.add(link);
      link.once("close", () => tcp.links.delete(link));
      tcp.emit("connection", link);
    });
    return tcp;
  }

  /** Connections open right now. */
  get connections(): number {
    return this.links.size;
  }

  /** Stops listening and ends every connection. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const link of this.links) link.close();
    await closed;
  }
}
