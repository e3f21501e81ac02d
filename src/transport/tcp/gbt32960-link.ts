import { EventEmitter } from "node:events";
import type { Socket } from "node:net";
import type { Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { StreamFramer, encodeFrame, isWireError, type FramerOutput, type Gbt32960Options } from "../../wire/gbt32960/index.ts";
import type { Observation, TimeSource } from "../observation.ts";
import { TransportError } from "../transport-error.ts";

export const FRAME_TYPE = "v2xh.gbt32960.v1.Frame";

/** How one GB/T 32960 TCP connection is framed and buffered, on either side. */
export interface Gbt32960LinkOptions {
  /** Codec options: keys for encrypted data units, and `maxFrameSize`, the most held for one incomplete frame. Default: the codec's. */
  readonly codec: Partial<Gbt32960Options>;
  /** Most bytes queued for a peer that does not read; past it, send throws a "pending-limit" TransportError. Default: 1 MiB. */
  readonly maxWriteBuffer: number;
  /** Clock for the arrival time of observations. Default: Date.now. */
  readonly timeSource: TimeSource;
}

const LINK_DEFAULTS: Gbt32960LinkOptions = { codec: {}, maxWriteBuffer: 1 << 20, timeSource: Date.now };

export function linkOptionsOf(options: Partial<Gbt32960LinkOptions>): Gbt32960LinkOptions {
  return {
    codec: options.codec ?? LINK_DEFAULTS.codec,
    maxWriteBuffer: options.maxWriteBuffer ?? LINK_DEFAULTS.maxWriteBuffer,
    timeSource: options.timeSource ?? LINK_DEFAULTS.timeSource,
  };
}

export interface Gbt32960LinkEvents {
  /** One per frame read, or per stretch of bytes that is not a good frame (`decoded.ok` false, naming the stream offset and the field). */
  observation: [observation: Observation];
  /** The connection is over; `cause` says why when it did not end cleanly. */
  close: [cause?: TransportError];
}

/**
 * One TCP connection carrying GB/T 32960 frames: every chunk read goes through a StreamFramer, so
 * split, merged and garbled segments become one observation per frame or per error, and the
 * connection stays up whatever the peer sends. Memory is bounded both ways: the framer holds at most
 * one frame, and at most `maxWriteBuffer` bytes wait for a slow reader.
 */
export class Gbt32960Link extends EventEmitter<Gbt32960LinkEvents> {
  /** "tcp://<peer address>:<port>", the channel of its observations. */
  readonly channel: string;
  private readonly socket: Socket;
  private readonly options: Gbt32960LinkOptions;
  private readonly framer: StreamFramer;
  private closed = false;

  constructor(socket: Socket, options: Gbt32960LinkOptions) {
    super();
    this.socket = socket;
    this.options = options;
    this.framer = new StreamFramer(options.codec);
    this.channel = `tcp://${peerOf(socket)}`;
    socket.setNoDelay(true);
    let failure: TransportError | undefined;
    socket.on("data", (chunk: Buffer) => this.read(chunk));
    socket.on("error", (error) => (failure ??= new TransportError("connection-lost", `${this.channel}: ${error.message}`, { url: this.channel }, error)));
    socket.on("close", () => {
      this.closed = true;
      this.emit("close", failure);
    });
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Encodes and writes a frame; throws a TransportError ("closed", "pending-limit", or "wire-format" naming the field that cannot be written). */
  send(frame: Frame): void {
    let bytes: Uint8Array;
    try {
      bytes = encodeFrame(frame, this.options.codec);
    } catch (error) {
      if (!isWireError(error)) throw error;
      throw new TransportError("wire-format", `${this.channel}: cannot encode the frame: ${error.message}`, { url: this.channel }, error);
    }
    this.sendBytes(bytes);
  }

  /** Writes bytes as they are (a test sending a malformed frame); throws as send does. */
  sendBytes(bytes: Uint8Array): void {
    if (this.closed || this.socket.destroyed) throw new TransportError("closed", `${this.channel}: the connection is closed`, { url: this.channel });
    const queued = this.socket.writableLength;
    if (queued + bytes.length > this.options.maxWriteBuffer) {
      throw new TransportError("pending-limit", `${this.channel}: ${queued} bytes already wait for the peer to read, the limit (maxWriteBuffer) is ${this.options.maxWriteBuffer}`, { url: this.channel });
    }
    this.socket.write(bytes);
  }

  /** Ends the connection at once, dropping what waits to be written; the `close` event follows. */
  close(): void {
    this.socket.destroy();
  }

  /** Ends the connection once what waits to be written has gone out (at most `timeoutMs`, then as close does); resolves when it is closed. */
  end(timeoutMs: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.socket.destroy(), timeoutMs);
      this.once("close", () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.end();
    });
  }

  private read(chunk: Buffer): void {
    const receivedAt = this.options.timeSource();
    for (const output of this.framer.push(chunk)) this.emit("observation", this.observe(output, receivedAt));
  }

  private observe(output: FramerOutput, receivedAt: number): Observation {
    const base = { channel: this.channel, typeName: FRAME_TYPE, encoding: "gbt32960", receivedAt, raw: output.bytes } as const;
    if (output.error === undefined) return { ...base, decoded: { ok: true, message: output.frame as unknown as Record<string, unknown> } };
    // The framer's offsets count from the frame's first byte; the stream offset says where that frame began.
    return { ...base, decoded: { ok: false, error: `${this.channel}, stream offset ${output.streamOffset}: ${output.error.name}: ${output.error.message}` } };
  }
}

function peerOf(socket: Socket): string {
  const { remoteAddress = "unknown", remotePort = 0 } = socket;
  return remoteAddress.includes(":") ? `[${remoteAddress}]:${remotePort}` : `${remoteAddress}:${remotePort}`;
}
