import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { WebSocket, WebSocketServer, type RawData } from "ws";
import { rawDataToBuffer } from "../../transport/ws/raw-data.ts";
import { negotiateSubprotocol, offeredSubprotocols } from "../../transport/ws/viss-subprotocol.ts";
import type { VssBehaviour } from "./behaviour.ts";

type Json = Record<string, unknown>;

/**
 * A WebSocket proxy in front of the VISS server that changes frames the way a faulty server
 * would: answers with its own requestIds, stretches timebased periods, confirms unsubscribes it
 * does not pass on, closes the connection after answering a frame that is not JSON, selects no
 * subprotocol, writes numeric timestamps, answers gets under the wrong path or drops the events of
 * change subscriptions. It offers the server's subprotocols and refuses the clients the server
 * would refuse.
 */
export class FaultProxy {
  readonly url: string;
  private readonly server: WebSocketServer;

  private constructor(server: WebSocketServer, url: string) {
    this.server = server;
    this.url = url;
  }

  static async listen(host: string, port: number, upstream: string, subprotocols: readonly string[], behaviour: VssBehaviour): Promise<FaultProxy> {
    const server = new WebSocketServer({
      host,
      port,
      verifyClient: (info, accept) => {
        const negotiation = negotiateSubprotocol(offeredSubprotocols(info.req.headers["sec-websocket-protocol"]), subprotocols, false);
        if (negotiation.ok) accept(true);
        else accept(false, 400, negotiation.reason);
      },
      handleProtocols: (offered) => {
        const negotiation = negotiateSubprotocol([...offered], subprotocols, false);
        return (behaviour.selectSubprotocol && negotiation.ok && negotiation.protocol) || false;
      },
    });
    await Promise.race([once(server, "listening"), once(server, "error").then(([error]) => Promise.reject(error as Error))]);
    let answers = 0;
    server.on("connection", (client) => new ProxiedConnection(client, upstream, behaviour, () => `proxy-${++answers}`));
    const address = server.address() as AddressInfo;
    return new FaultProxy(server, `ws://${host.includes(":") ? `[${host}]` : host}:${address.port}`);
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

class ProxiedConnection {
  private readonly client: WebSocket;
  private readonly upstream: WebSocket;
  private readonly behaviour: VssBehaviour;
  private readonly ownRequestId: () => string;
  private readonly waiting: string[] = [];
  /** requestIds of change subscriptions whose events are dropped, then their subscriptionIds. */
  private readonly changeRequests = new Set<unknown>();
  private readonly changeSubscriptions = new Set<unknown>();
  private closeAfterAnswer = false;

  constructor(client: WebSocket, url: string, behaviour: VssBehaviour, ownRequestId: () => string) {
    this.client = client;
    this.behaviour = behaviour;
    this.ownRequestId = ownRequestId;
    this.upstream = new WebSocket(url, client.protocol === "" ? [] : [client.protocol]);
    this.upstream.on("open", () => this.waiting.splice(0).forEach((text) => this.upstream.send(text)));
    this.upstream.on("message", (data) => this.fromServer(text(data)));
    client.on("message", (data) => this.fromClient(text(data)));
    for (const socket of [client, this.upstream]) {
      socket.on("error", () => undefined);
      socket.on("close", () => this.end());
    }
  }

  private fromClient(frame: string): void {
    const request = parse(frame);
    if (request === undefined) {
      if (!this.behaviour.keepConnectionOnMalformed) this.closeAfterAnswer = true;
      return this.toServer(frame);
    }
    if (request["action"] === "unsubscribe" && !this.behaviour.honourUnsubscribe) {
      const { subscriptionId, requestId } = request;
      return this.toClient(JSON.stringify({ action: "unsubscribe", subscriptionId, requestId, ts: new Date().toISOString() }));
    }
    if (request["action"] === "subscribe" && this.behaviour.timebasedPeriodFactor !== 1) request["filter"] = stretched(request["filter"], this.behaviour.timebasedPeriodFactor);
    if (request["action"] === "subscribe" && !this.behaviour.deliverChangeEvents && hasFilter(request["filter"], "change")) this.changeRequests.add(request["requestId"]);
    this.toServer(JSON.stringify(request));
  }

  private fromServer(frame: string): void {
    const answer = parse(frame);
    if (answer !== undefined && this.dropped(answer)) return;
    if (answer !== undefined) this.alter(answer);
    this.toClient(answer === undefined ? frame : JSON.stringify(answer));
    if (this.closeAfterAnswer && answer?.["action"] !== "subscription") this.client.close(1003, "malformed request");
  }

  /** Whether the frame is an event of a change subscription whose events are dropped (noting such subscriptions as they are confirmed). */
  private dropped(answer: Json): boolean {
    if (answer["action"] === "subscribe" && this.changeRequests.delete(answer["requestId"])) this.changeSubscriptions.add(answer["subscriptionId"]);
    return answer["action"] === "subscription" && this.changeSubscriptions.has(answer["subscriptionId"]);
  }

  private alter(answer: Json): void {
    if ("requestId" in answer && !this.behaviour.echoRequestId) answer["requestId"] = this.ownRequestId();
    if (typeof answer["ts"] === "string" && !this.behaviour.isoTimestamps) answer["ts"] = Date.parse(answer["ts"]);
    const data = answer["data"];
    if (answer["action"] === "get" && typeof data === "object" && data !== null && !this.behaviour.getAnswersRequestedPath) answer["data"] = { ...data, path: "Vehicle" };
  }

  private toServer(frame: string): void {
    if (this.upstream.readyState === WebSocket.OPEN) this.upstream.send(frame);
    else this.waiting.push(frame);
  }

  private toClient(frame: string): void {
    if (this.client.readyState === WebSocket.OPEN) this.client.send(frame);
  }

  private end(): void {
    for (const socket of [this.client, this.upstream]) if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.terminate();
  }
}

function text(data: RawData): string {
  return rawDataToBuffer(data).toString("utf8");
}

function parse(frame: string): Json | undefined {
  try {
    const value: unknown = JSON.parse(frame);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** A filter (one object or an array of them) with every timebased period multiplied by `factor`. */
function stretched(filter: unknown, factor: number): unknown {
  if (Array.isArray(filter)) return filter.map((item) => stretched(item, factor));
  if (typeof filter !== "object" || filter === null) return filter;
  const f = filter as Json;
  const parameter = f["parameter"] as Json | undefined;
  if (!hasFilter(f, "timebased") || typeof parameter?.["period"] !== "string") return filter;
  return { ...f, parameter: { ...parameter, period: String(Number(parameter["period"]) * factor) } };
}

/** Whether a filter (one object or an array of them) has an item of `type`. */
function hasFilter(filter: unknown, type: string): boolean {
  if (Array.isArray(filter)) return filter.some((item) => hasFilter(item, type));
  return typeof filter === "object" && filter !== null && ((filter as Json)["type"] ?? (filter as Json)["variant"]) === type;
}
