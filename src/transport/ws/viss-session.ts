import type { WebSocket } from "ws";
import { NodeType } from "../../schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import type { GetRequest, SetRequest, SubscribeRequest, UnsubscribeRequest, VissMessage } from "../../schema/gen/v2xh/vss/v1/messages_pb.ts";
import type { VissError } from "../../schema/gen/v2xh/vss/v1/values_pb.ts";
import { formatViolation, validateRules, type Registry } from "../../schema/index.ts";
import type { Observation, TimeSource } from "../observation.ts";
import { rawDataToBuffer } from "./raw-data.ts";
import type { SignalStore } from "./signal-store.ts";
import type { VissCodec } from "./viss-codec.ts";
import { DIALECTS, type VissDialect } from "./viss-dialect.ts";
import type { VissErrorProfile } from "./viss-error-profiles.ts";
import { VISS_MESSAGE_TYPE, observeVissFrame, salvageIds, writeUnboundError } from "./viss-frame.ts";
import { read } from "./viss-read.ts";
import { Refusal } from "./viss-refusal.ts";
import { planSubscription } from "./viss-subscribe-plan.ts";
import { startSubscription } from "./viss-subscription.ts";

/** What every session of one server shares. */
export interface SessionContext {
  readonly codec: VissCodec;
  readonly registry: Registry;
  readonly store: SignalStore;
  readonly profile: VissErrorProfile;
  readonly requireTokenForSet: boolean;
  readonly timeSource: TimeSource;
  /** A subscription id unique on the server. */
  readonly nextSubscriptionId: () => string;
  readonly observe: (observation: Observation<VissMessage>) => void;
}

type Action = "get" | "set" | "subscribe" | "unsubscribe";

/**
 * The VISS server's side of one WebSocket connection: answers each request, runs the
 * connection's subscriptions and stops them when the connection closes. Nothing a client sends
 * closes the connection; a request that cannot be read gets an error answer.
 */
export class VissSession {
  private readonly socket: WebSocket;
  private readonly dialect: VissDialect;
  private readonly channel: string;
  private readonly context: SessionContext;
  private readonly subscriptions = new Map<string, () => void>();

  constructor(socket: WebSocket, dialect: VissDialect, channel: string, context: SessionContext) {
    this.socket = socket;
    this.dialect = dialect;
    this.channel = channel;
    this.context = context;
    socket.on("message", (data, isBinary) => this.receive(rawDataToBuffer(data), isBinary));
    socket.on("close", () => this.stopAll());
    // Socket errors (an oversized frame, a reset) are followed by `close`, which cleans up.
    socket.on("error", () => undefined);
  }

  private receive(frame: Buffer, isBinary: boolean): void {
    const { codec, registry, observe, timeSource } = this.context;
    const observation = observeVissFrame(codec, this.channel, frame, isBinary, "client", this.dialect, timeSource());
    observe(observation);
    if (!observation.decoded.ok) {
      this.answerUnreadable(isBinary ? "" : frame.toString("utf8"), observation.decoded.error);
      return;
    }
    const message = observation.decoded.message;
    const violations = validateRules(registry, VISS_MESSAGE_TYPE, message);
    if (violations.length > 0) {
      this.answerRefusal(message, new Refusal("bad-request", violations.map(formatViolation).join("; ")));
      return;
    }
    try {
      this.answer(message);
    } catch (error) {
      const answer = error instanceof Refusal ? error : new Refusal("internal", `the signal store failed: ${(error as Error).message}`);
      this.answerRefusal(message, answer);
    }
  }

  private answer(message: VissMessage): void {
    if (message.getRequest !== undefined) this.get(message.getRequest);
    else if (message.setRequest !== undefined) this.update(message.setRequest);
    else if (message.subscribeRequest !== undefined) this.subscribe(message.subscribeRequest);
    else if (message.unsubscribeRequest !== undefined) this.unsubscribe(message.unsubscribeRequest);
  }

  private get(request: GetRequest): void {
    const result = read(this.context.store, request, this.context.timeSource());
    this.send({ getSuccessResponse: { requestId: request.requestId, ...result, ts: this.now() } });
  }

  private update(request: SetRequest): void {
    const { store, requireTokenForSet } = this.context;
    const node = store.metadata(request.path);
    if (node === undefined) throw new Refusal("unknown-path", `no node ${request.path}`);
    if (requireTokenForSet && request.authorization === undefined) throw new Refusal("missing-token", "set needs an access token (authorization)");
    if (node.type !== NodeType.ACTUATOR) throw new Refusal("not-writable", `${request.path} is ${describeKind(node.type)} and cannot be set; only actuators can`);
    const outcome = store.set(request.path, request.value);
    if (!outcome.ok) throw new Refusal(outcome.problem === "unknown-path" ? "unknown-path" : "invalid-value", outcome.detail);
    this.send({ setSuccessResponse: { requestId: request.requestId, ts: this.now() } });
  }

  private subscribe(request: SubscribeRequest): void {
    const { store, nextSubscriptionId } = this.context;
    const { target, trigger } = planSubscription(store, request);
    const subscriptionId = nextSubscriptionId();
    this.send({ subscribeSuccessResponse: { requestId: request.requestId, subscriptionId, ts: this.now() } });
    const stop = startSubscription(store, target, trigger, (data) => this.send({ subscriptionNotification: { subscriptionId, data, ts: this.now() } }));
    this.subscriptions.set(subscriptionId, stop);
  }

  private unsubscribe(request: UnsubscribeRequest): void {
    const stop = this.subscriptions.get(request.subscriptionId);
    if (stop === undefined) throw new Refusal("unknown-subscription", `no subscription ${request.subscriptionId} on this connection`);
    stop();
    this.subscriptions.delete(request.subscriptionId);
    const echo = DIALECTS[this.dialect].unsubscribeEchoesSubscriptionId ? { subscriptionId: request.subscriptionId } : {};
    this.send({ unsubscribeSuccessResponse: { ...echo, requestId: request.requestId, ts: this.now() } });
  }

  private answerRefusal(message: VissMessage, refusal: Refusal): void {
    const error = this.errorOf(refusal);
    const ts = this.now();
    if (message.getRequest !== undefined) this.send({ getErrorResponse: { requestId: message.getRequest.requestId, error, ts } });
    else if (message.setRequest !== undefined) this.send({ setErrorResponse: { requestId: message.setRequest.requestId, error, ts } });
    else if (message.subscribeRequest !== undefined) this.send({ subscribeErrorResponse: { requestId: message.subscribeRequest.requestId, error, ts } });
    else if (message.unsubscribeRequest !== undefined) {
      const { subscriptionId, requestId } = message.unsubscribeRequest;
      this.send({ unsubscribeErrorResponse: { subscriptionId, requestId, error, ts } });
    }
  }

  /** Answers a request the codec could not read: as its action's error response where action and requestId are readable. */
  private answerUnreadable(text: string, problem: string): void {
    const error = this.errorOf(new Refusal("bad-request", problem));
    const ts = this.now();
    const { action, requestId, subscriptionId } = salvageIds(text);
    if (requestId !== undefined && isAction(action)) {
      if (action === "get") this.send({ getErrorResponse: { requestId, error, ts } });
      else if (action === "set") this.send({ setErrorResponse: { requestId, error, ts } });
      else if (action === "subscribe") this.send({ subscribeErrorResponse: { requestId, error, ts } });
      else this.send({ unsubscribeErrorResponse: { ...(subscriptionId === undefined ? {} : { subscriptionId }), requestId, error, ts } });
      return;
    }
    this.sendText(JSON.stringify(writeUnboundError(error, ts, this.dialect, requestId)));
  }

  private errorOf(refusal: Refusal): VissError {
    const { number, reason } = this.context.profile[refusal.condition];
    return { number, reason, message: refusal.message };
  }

  private send(message: Omit<VissMessage, "protocolVersion">): void {
    this.sendText(this.context.codec.stringify({ protocolVersion: DIALECTS[this.dialect].protocolVersion, ...message } as VissMessage));
  }

  private sendText(text: string): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(text);
  }

  private now(): string {
    return new Date(this.context.timeSource()).toISOString();
  }

  private stopAll(): void {
    for (const stop of this.subscriptions.values()) stop();
    this.subscriptions.clear();
  }
}

function isAction(action: string | undefined): action is Action {
  return action === "get" || action === "set" || action === "subscribe" || action === "unsubscribe";
}

function describeKind(type: NodeType): string {
  switch (type) {
    case NodeType.SENSOR:
      return "a sensor";
    case NodeType.ATTRIBUTE:
      return "an attribute";
    case NodeType.BRANCH:
      return "a branch";
    default:
      return "not an actuator";
  }
}
