import { once } from "node:events";
import { WebSocket } from "ws";
import { rawDataToBuffer } from "../../../src/transport/ws/raw-data.ts";
import type { Finished } from "./bus.ts";

export type Json = Record<string, unknown>;

/** One frame the server sent, parsed where it is JSON, with its arrival time. */
export interface Received {
  readonly at: number;
  readonly text: string;
  readonly json: Json | undefined;
}

/**
 * A bare VISS WebSocket client: it pairs each request with the next answer that is not a
 * subscription event, so that a server that gets requestIds wrong can still be followed.
 */
export class VissSocket {
  readonly received: Received[] = [];
  readonly socket: WebSocket;

  private constructor(socket: WebSocket) {
    this.socket = socket;
    socket.on("message", (data) => {
      const text = rawDataToBuffer(data).toString("utf8");
      this.received.push({ at: Date.now(), text, json: parse(text) });
    });
    socket.on("error", () => undefined);
  }

  static async open(url: string, finished: Finished, protocols: string[] = ["VISSv2"]): Promise<VissSocket> {
    const socket = new WebSocket(url, protocols);
    await once(socket, "open");
    finished(() => socket.terminate());
    return new VissSocket(socket);
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Sends `request` (an object, or raw text) and resolves with the next answer that is not a subscription event. */
  async request(request: Json | string, timeoutMs = 2000): Promise<Received | undefined> {
    const from = this.received.length;
    this.socket.send(typeof request === "string" ? request : JSON.stringify(request));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = this.received.slice(from).find((r) => r.json?.["action"] !== "subscription");
      if (answer !== undefined) return answer;
      if (Date.now() > deadline || !this.open) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Events of one subscription, by arrival. */
  events(subscriptionId: unknown): Received[] {
    return this.received.filter((r) => r.json?.["action"] === "subscription" && r.json["subscriptionId"] === subscriptionId);
  }
}

function parse(text: string): Json | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}
