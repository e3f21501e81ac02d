import { EventEmitter } from "node:events";
import type { WebSocketServer } from "ws";
import { EnvelopeConnection } from "./envelope-connection.ts";
import { EnvelopeSender, type EnvelopeObservation, type SendEncoding } from "./envelope-frame.ts";
import { withEnvelopeDefaults, type EnvelopeBindingInput } from "./envelope-options.ts";
import { explainOversizeClose } from "./frame-limit.ts";
import { listenSocketServer } from "./sockets.ts";

export interface EnvelopeServerEvents {
  /** A client connected. */
  connection: [connection: EnvelopeConnection];
  /** A frame arrived from one of the clients (bad frames too, with `decoded.ok === false`). */
  observation: [observation: EnvelopeObservation, from: EnvelopeConnection];
}

/** The server side of the envelope binding: accepts clients, observes their frames, sends to all of them. */
export class EnvelopeServer extends EventEmitter<EnvelopeServerEvents> {
  /** ws://host:port, with the port actually bound. */
  readonly url: string;
  private readonly server: WebSocketServer;
  private readonly sender: EnvelopeSender;
  private readonly open = new Set<EnvelopeConnection>();

  private constructor(server: WebSocketServer, url: string, sender: EnvelopeSender) {
    super();
    this.server = server;
    this.url = url;
    this.sender = sender;
  }

  /** Binds `host:port` (port 0 picks a free port) and starts accepting clients. */
  static async listen(input: EnvelopeBindingInput): Promise<EnvelopeServer> {
    const options = withEnvelopeDefaults(input);
    const { server, url } = await listenSocketServer({ host: options.host, port: options.port, maxPayload: options.maxPayload });
    const self = new EnvelopeServer(server, url, new EnvelopeSender(options.registry, options.senderId, options.timeSource));
    server.on("connection", (socket, request) => {
      explainOversizeClose(socket, options.maxPayload);
      const connection = new EnvelopeConnection(socket, `${url}${request.url ?? "/"}`, options.registry, self.sender, options.timeSource);
      self.open.add(connection);
      connection.on("observation", (observation) => self.emit("observation", observation, connection));
      connection.on("close", () => self.open.delete(connection));
      self.emit("connection", connection);
    });
    return self;
  }

  /** The clients connected now. */
  get connections(): ReadonlySet<EnvelopeConnection> {
    return this.open;
  }

  /**
   * Sends `message` to every connected client, as one envelope (one sequence number). Returns the
   * number of clients it was sent to.
   */
  send(typeName: string, message: unknown, encoding: SendEncoding = "protobuf"): number {
    const open = [...this.open].filter((connection) => connection.isOpen);
    if (open.length === 0) return 0;
    const frame = this.sender.wrap(typeName, message, encoding);
    for (const connection of open) connection.sendRaw(frame);
    return open.length;
  }

  /** Calls `listener` with every observation from any client; returns the function that stops it. */
  onObservation(listener: (observation: EnvelopeObservation, from: EnvelopeConnection) => void): () => void {
    this.on("observation", listener);
    return () => this.off("observation", listener);
  }

  /** Closes every client connection (1001, going away), then stops listening. */
  async close(): Promise<void> {
    await Promise.all([...this.open].map((connection) => connection.close(1001, "server shutting down")));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
