import { EventEmitter } from "node:events";
import type { WebSocket } from "ws";
import type { Registry } from "../../schema/index.ts";
import type { TimeSource } from "../observation.ts";
import { observeEnvelopeFrame, type EnvelopeObservation, type EnvelopeSender, type SendEncoding } from "./envelope-frame.ts";
import { rawDataToBuffer } from "./raw-data.ts";
import { closeSocket } from "./sockets.ts";
import { TransportError } from "../transport-error.ts";

export interface EnvelopeConnectionEvents {
  /** Every frame received, decoded once; bad frames too, with `decoded.ok === false`. */
  observation: [observation: EnvelopeObservation];
  /** A socket error. Emitted only while someone listens; the `close` that follows says the same. */
  error: [error: TransportError];
  /** The connection closed, with the WebSocket close code and reason. */
  close: [code: number, reason: string];
}

/** One WebSocket connection of the envelope binding, on the client or on the server side. */
export class EnvelopeConnection extends EventEmitter<EnvelopeConnectionEvents> {
  /** Where frames arrive: the WebSocket URL. */
  readonly channel: string;
  private readonly socket: WebSocket;
  private readonly sender: EnvelopeSender;

  constructor(socket: WebSocket, channel: string, registry: Registry, sender: EnvelopeSender, timeSource: TimeSource) {
    super();
    this.socket = socket;
    this.channel = channel;
    this.sender = sender;
    socket.on("message", (data, isBinary) => {
      this.emit("observation", observeEnvelopeFrame(registry, channel, rawDataToBuffer(data), isBinary, timeSource()));
    });
    socket.on("error", (cause) => {
      if (this.listenerCount("error") > 0) this.emit("error", new TransportError("closed", `${channel}: ${cause.message}`, { url: channel }, cause));
    });
    socket.on("close", (code, reason) => this.emit("close", code, reason.toString("utf8")));
  }

  get isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /**
   * Sends `message` as `typeName` in an envelope (binary frame). Throws a "closed" TransportError when the
   * connection is not open and a SchemaError when the message cannot be encoded.
   */
  send(typeName: string, message: unknown, encoding: SendEncoding = "protobuf"): void {
    this.assertOpen();
    this.socket.send(this.sender.wrap(typeName, message, encoding), { binary: true });
  }

  /** Sends bytes as they are, e.g. to test how a peer handles a broken frame. */
  sendRaw(data: Uint8Array | string): void {
    this.assertOpen();
    this.socket.send(data, { binary: typeof data !== "string" });
  }

  /** Calls `listener` with every observation; returns the function that stops it. */
  onObservation(listener: (observation: EnvelopeObservation) => void): () => void {
    this.on("observation", listener);
    return () => this.off("observation", listener);
  }

  /** Closes the connection and resolves once it is closed. */
  close(code = 1000, reason?: string): Promise<void> {
    return closeSocket(this.socket, code, reason);
  }

  private assertOpen(): void {
    if (!this.isOpen) throw new TransportError("closed", `${this.channel}: the connection is not open`, { url: this.channel });
  }
}
