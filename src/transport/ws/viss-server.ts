import { EventEmitter } from "node:events";
import type { WebSocketServer } from "ws";
import type { VissMessage } from "../../schema/gen/v2xh/vss/v1/messages_pb.ts";
import type { Observation } from "../observation.ts";
import { explainOversizeClose } from "./frame-limit.ts";
import { closeSocket, listenSocketServer } from "./sockets.ts";
import { TransportError } from "../transport-error.ts";
import { VissCodec } from "./viss-codec.ts";
import { errorProfileOf, VISS_SERVER_DEFAULTS, type VissServerInput } from "./viss-server-options.ts";
import { VissSession } from "./viss-session.ts";
import { negotiateSubprotocol, offeredSubprotocols, VISS_SUBPROTOCOLS } from "./viss-subprotocol.ts";

export interface VissServerEvents {
  /** A client connected; `subprotocol` is "" when it offered none. */
  connection: [subprotocol: string];
  /** A frame arrived from a client, decoded once (unreadable ones too, with `decoded.ok === false`). */
  observation: [observation: Observation<VissMessage>];
}

/**
 * A VISS v2 (optionally v3) WebSocket server over a SignalStore: get (with the paths, history,
 * static- and dynamic-metadata filters), set, subscribe (with paths and the timebased, change,
 * range and curvelog triggers), unsubscribe. Error answers use the configured error profile, so
 * the server can behave like the spec, like Kuksa or like a VISS v3 server.
 */
export class VissServer extends EventEmitter<VissServerEvents> {
  /** ws://host:port, with the port actually bound. */
  readonly url: string;
  private readonly server: WebSocketServer;

  private constructor(server: WebSocketServer, url: string) {
    super();
    this.server = server;
    this.url = url;
  }

  /** Binds `host:port` (port 0 picks a free port) and starts serving. */
  static async listen(input: VissServerInput): Promise<VissServer> {
    const options = { ...VISS_SERVER_DEFAULTS, ...input };
    const unknown = options.subprotocols.filter((name) => VISS_SUBPROTOCOLS[name] === undefined);
    if (unknown.length > 0 || options.subprotocols.length === 0) {
      throw new TransportError("listen-failed", `subprotocols must name some of ${Object.keys(VISS_SUBPROTOCOLS).join(", ")}; got ${JSON.stringify(options.subprotocols)}`);
    }
    const { server, url } = await listenSocketServer({
      host: options.host,
      port: options.port,
      maxPayload: options.maxPayload,
      verifyClient: (info, accept) => {
        const negotiation = negotiateSubprotocol(offeredSubprotocols(info.req.headers["sec-websocket-protocol"]), options.subprotocols, options.requireSubprotocol);
        if (negotiation.ok) accept(true);
        else accept(false, 400, negotiation.reason);
      },
      handleProtocols: (offered) => {
        const negotiation = negotiateSubprotocol([...offered], options.subprotocols, options.requireSubprotocol);
        return (negotiation.ok && negotiation.protocol) || false;
      },
    });
    const self = new VissServer(server, url);
    let subscriptionCount = 0;
    const context = {
      codec: new VissCodec(input.registry),
      registry: input.registry,
      store: input.store,
      profile: errorProfileOf(options.errorProfile),
      requireTokenForSet: options.requireTokenForSet,
      timeSource: options.timeSource,
      nextSubscriptionId: () => String(++subscriptionCount),
      observe: (observation: Observation<VissMessage>) => self.emit("observation", observation),
    };
    server.on("connection", (socket, request) => {
      explainOversizeClose(socket, options.maxPayload);
      new VissSession(socket, VISS_SUBPROTOCOLS[socket.protocol] ?? "v2", `${url}${request.url ?? "/"}`, context);
      self.emit("connection", socket.protocol);
    });
    return self;
  }

  /** Calls `listener` with every observation; returns the function that stops it. */
  onObservation(listener: (observation: Observation<VissMessage>) => void): () => void {
    this.on("observation", listener);
    return () => this.off("observation", listener);
  }

  /** Closes every client connection (1001, going away), which ends their subscriptions, then stops listening. */
  async close(): Promise<void> {
    await Promise.all([...this.server.clients].map((socket) => closeSocket(socket, 1001, "server shutting down")));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
