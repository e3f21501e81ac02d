import { EventEmitter } from "node:events";
import type { WebSocket } from "ws";
import type { Filter } from "../../schema/gen/v2xh/vss/v1/filter_pb.ts";
import type {
  GetSuccessResponse,
  SetSuccessResponse,
  SubscribeSuccessResponse,
  SubscriptionErrorEvent,
  SubscriptionNotification,
  UnsubscribeSuccessResponse,
  VissMessage,
} from "../../schema/gen/v2xh/vss/v1/messages_pb.ts";
import type { Value, VissError } from "../../schema/gen/v2xh/vss/v1/values_pb.ts";
import type { Registry } from "../../schema/index.ts";
import type { Observation, TimeSource } from "../observation.ts";
import { closeSocket, openSocket } from "./sockets.ts";
import { rawDataToBuffer } from "./raw-data.ts";
import { TransportError } from "../transport-error.ts";
import { VissCodec, originOf } from "./viss-codec.ts";
import { DIALECTS, type VissDialect } from "./viss-dialect.ts";
import { observeVissFrame, readUnboundError } from "./viss-frame.ts";
import { VISS_SUBPROTOCOLS } from "./viss-subprotocol.ts";

/** Options of the VISS client. Callers pass a Partial plus `registry`. */
export interface VissClientOptions {
  /** Subprotocol to offer; null offers none. Default: "VISSv2". */
  readonly subprotocol: string | null;
  /** Dialect to speak. Default: "v3" for the subprotocol VISSv3, otherwise "v2". */
  readonly dialect: VissDialect | undefined;
  /** How long a request waits for its answer, in ms. Default: 5000. */
  readonly requestTimeoutMs: number;
  /** How long the handshake may take, in ms. Default: 5000. */
  readonly connectTimeoutMs: number;
  /** Clock for observation arrival times, ms since the epoch. Default: Date.now. */
  readonly timeSource: TimeSource;
  /** Largest frame accepted, in bytes; a larger one closes the connection with 1009. Default: 1 MiB. */
  readonly maxPayload: number;
}

export const VISS_CLIENT_DEFAULTS: VissClientOptions = {
  subprotocol: "VISSv2",
  dialect: undefined,
  requestTimeoutMs: 5000,
  connectTimeoutMs: 5000,
  timeSource: () => Date.now(),
  maxPayload: 1024 * 1024,
};

export interface VissClientInput extends Partial<VissClientOptions> {
  /** Schema registry the codec reads VISS spellings from. */
  readonly registry: Registry;
}

/** A request's outcome: the success response, or the error the server answered with. */
export type VissReply<T> = { readonly ok: true; readonly response: T } | { readonly ok: false; readonly error: VissError };

export type SubscriptionEvent = SubscriptionNotification | SubscriptionErrorEvent;

export interface RequestOptions {
  readonly authorization?: string;
}

export interface SubscribeOptions extends RequestOptions {
  readonly filter?: readonly Filter[];
  /** Receives the subscription's events from the first one on. */
  readonly onEvent: (event: SubscriptionEvent) => void;
}

export interface VissClientEvents {
  /** Every frame received, decoded once (unreadable ones too, with `decoded.ok === false`). */
  observation: [observation: Observation<VissMessage>];
  /** Every subscription event, whichever subscription it belongs to. */
  subscription: [event: SubscriptionEvent];
  /** The connection closed. */
  close: [code: number, reason: string];
}

interface Pending {
  readonly settle: (message: VissMessage | VissError) => void;
  readonly fail: (error: TransportError) => void;
}

/**
 * A VISS WebSocket client: requests correlated with their answers by requestId, with a timeout;
 * subscription events routed to their subscriber; every received frame surfaced as an observation.
 */
export class VissClient extends EventEmitter<VissClientEvents> {
  readonly url: string;
  /** The subprotocol the server accepted; "" when none was negotiated. */
  readonly subprotocol: string;
  readonly dialect: VissDialect;
  private readonly socket: WebSocket;
  private readonly codec: VissCodec;
  private readonly options: VissClientOptions;
  private readonly pending = new Map<string, Pending>();
  private readonly subscribers = new Map<string, (event: SubscriptionEvent) => void>();
  private requestCount = 0;

  private constructor(url: string, socket: WebSocket, codec: VissCodec, dialect: VissDialect, options: VissClientOptions) {
    super();
    this.url = url;
    this.socket = socket;
    this.subprotocol = socket.protocol;
    this.codec = codec;
    this.dialect = dialect;
    this.options = options;
    socket.on("message", (data, isBinary) => this.receive(rawDataToBuffer(data), isBinary));
    socket.on("error", () => undefined);
    socket.on("close", (code, reason) => {
      const text = reason.toString("utf8");
      for (const pending of this.pending.values()) pending.fail(new TransportError("closed", `${url}: closed (${code}${text === "" ? "" : ` ${text}`}) before the answer came`, { url, closeCode: code, closeReason: text }));
      this.pending.clear();
      this.emit("close", code, text);
    });
  }

  /** Connects to a VISS server; rejects with a "connect-refused" TransportError (e.g. subprotocol refused) or a "timeout" one. */
  static async connect(url: string, input: VissClientInput): Promise<VissClient> {
    const options = { ...VISS_CLIENT_DEFAULTS, ...input };
    const socket = await openSocket(url, {
      protocols: options.subprotocol === null ? [] : [options.subprotocol],
      maxPayload: options.maxPayload,
      timeoutMs: options.connectTimeoutMs,
    });
    const dialect = options.dialect ?? VISS_SUBPROTOCOLS[socket.protocol] ?? "v2";
    return new VissClient(url, socket, new VissCodec(input.registry), dialect, options);
  }

  async get(path: string, options: RequestOptions & { readonly filter?: readonly Filter[] } = {}): Promise<VissReply<GetSuccessResponse>> {
    const request = { path, requestId: this.nextRequestId(), filter: [...(options.filter ?? [])], ...auth(options) };
    return reply(await this.exchange({ ...this.version(), getRequest: request }), "getSuccessResponse");
  }

  /** Sets an actuator; a string is sent as a scalar value. */
  async set(path: string, value: Value | string, options: RequestOptions = {}): Promise<VissReply<SetSuccessResponse>> {
    const typed = typeof value === "string" ? { scalar: value } : value;
    return reply(await this.exchange({ ...this.version(), setRequest: { path, value: typed, requestId: this.nextRequestId(), ...auth(options) } }), "setSuccessResponse");
  }

  async subscribe(path: string, options: SubscribeOptions): Promise<VissReply<SubscribeSuccessResponse>> {
    const request = { path, requestId: this.nextRequestId(), filter: [...(options.filter ?? [])], ...auth(options) };
    // Registered while the answer is handled, so that an event right behind it is not lost.
    const register = (answer: VissMessage): void => {
      const id = answer.subscribeSuccessResponse?.subscriptionId;
      if (id !== undefined) this.subscribers.set(id, options.onEvent);
    };
    return reply(await this.exchange({ ...this.version(), subscribeRequest: request }, register), "subscribeSuccessResponse");
  }

  async unsubscribe(subscriptionId: string): Promise<VissReply<UnsubscribeSuccessResponse>> {
    const answer = reply(await this.exchange({ ...this.version(), unsubscribeRequest: { subscriptionId, requestId: this.nextRequestId() } }), "unsubscribeSuccessResponse");
    if (answer.ok) this.subscribers.delete(subscriptionId);
    return answer;
  }

  /**
   * Sends any request and resolves with the server's answer to its requestId, success or error
   * response. Rejects with a "timeout", "closed" or "wire-format" TransportError when the answer
   * names the requestId but is no VISS message (an error object without `action`).
   */
  async request(message: VissMessage): Promise<VissMessage> {
    const answer = await this.exchange(message);
    if (!("number" in answer)) return answer;
    const requestId = requestIdOf(message);
    throw new TransportError("wire-format", `${this.url}: the answer to request ${requestId} has no action: error ${answer.number} ${answer.reason ?? ""}`.trim(), { url: this.url, requestId });
  }

  /** Sends text as it is, e.g. malformed JSON to test how a server copes. */
  sendRaw(text: string): void {
    this.sendText(text, undefined);
  }

  /** Calls `listener` with every observation; returns the function that stops it. */
  onObservation(listener: (observation: Observation<VissMessage>) => void): () => void {
    this.on("observation", listener);
    return () => this.off("observation", listener);
  }

  get isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  close(): Promise<void> {
    return closeSocket(this.socket, 1000);
  }

  /** Sends a request; resolves with the answer, or with the bare error object of an answer without action. */
  private exchange(message: VissMessage, onAnswer?: (answer: VissMessage) => void): Promise<VissMessage | VissError> {
    if (originOf(message) !== "client") return Promise.reject(new TransportError("wire-format", "only requests can be sent by a client", { url: this.url }));
    const requestId = requestIdOf(message);
    const text = this.codec.stringify(message);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new TransportError("timeout", `${this.url}: no answer to request ${requestId} within ${this.options.requestTimeoutMs} ms`, { url: this.url, requestId }));
      }, this.options.requestTimeoutMs);
      this.pending.set(requestId, {
        settle: (answer) => {
          clearTimeout(timer);
          if (!("number" in answer)) onAnswer?.(answer);
          resolve(answer);
        },
        fail: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.sendText(text, requestId);
    });
  }

  private receive(frame: Buffer, isBinary: boolean): void {
    const observation = observeVissFrame(this.codec, this.url, frame, isBinary, "server", this.dialect, this.options.timeSource());
    this.emit("observation", observation);
    if (!observation.decoded.ok) {
      const unbound = isBinary ? undefined : readUnboundError(frame.toString("utf8"), this.dialect);
      if (unbound !== undefined) this.takePending(unbound.requestId)?.settle(unbound.error);
      return;
    }
    const message = observation.decoded.message;
    const event = message.subscriptionNotification ?? message.subscriptionErrorEvent;
    if (event !== undefined) {
      this.subscribers.get(event.subscriptionId)?.(event);
      if (message.subscriptionErrorEvent !== undefined) this.subscribers.delete(event.subscriptionId);
      this.emit("subscription", event);
      return;
    }
    const requestId = requestIdOf(message);
    this.takePending(requestId)?.settle(message);
  }

  private takePending(requestId: string): Pending | undefined {
    const pending = this.pending.get(requestId);
    this.pending.delete(requestId);
    return pending;
  }

  private sendText(text: string, requestId: string | undefined): void {
    if (!this.isOpen) {
      const error = new TransportError("closed", `${this.url}: the connection is not open`, { url: this.url });
      if (requestId === undefined) throw error;
      this.takePending(requestId)?.fail(error);
      return;
    }
    this.socket.send(text);
  }

  private nextRequestId(): string {
    this.requestCount += 1;
    return String(this.requestCount);
  }

  private version(): { protocolVersion: VissMessage["protocolVersion"] } {
    return { protocolVersion: DIALECTS[this.dialect].protocolVersion };
  }
}

function auth(options: RequestOptions): { authorization?: string } {
  return options.authorization === undefined ? {} : { authorization: options.authorization };
}

/** The requestId of any message that has one; "" for subscription events. */
function requestIdOf(message: VissMessage): string {
  const member = Object.values(message).find((value): value is { requestId: string } => typeof value === "object" && value !== null && "requestId" in value);
  return member?.requestId ?? "";
}

type SuccessMember = "getSuccessResponse" | "setSuccessResponse" | "subscribeSuccessResponse" | "unsubscribeSuccessResponse";

/** The reply of a request of one kind: its success response, or the error of any error answer. */
function reply<K extends SuccessMember>(answer: VissMessage | VissError, success: K): VissReply<NonNullable<VissMessage[K]>> {
  if ("number" in answer) return { ok: false, error: answer };
  const response = answer[success];
  if (response !== undefined) return { ok: true, response };
  const error = (answer.getErrorResponse ?? answer.setErrorResponse ?? answer.subscribeErrorResponse ?? answer.unsubscribeErrorResponse)?.error;
  if (error !== undefined) return { ok: false, error };
  const got = Object.keys(answer).filter((key) => key !== "protocolVersion");
  throw new TransportError("wire-format", `expected a ${success} or an error response, got ${got.join(", ")}`);
}
