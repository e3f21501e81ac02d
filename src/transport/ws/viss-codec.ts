import type { Filter } from "../../schema/gen/v2xh/vss/v1/filter_pb.ts";
import type { GetSuccessResponse, VissMessage } from "../../schema/gen/v2xh/vss/v1/messages_pb.ts";
import type { Registry } from "../../schema/index.ts";
import { DIALECTS, dialectOfVersion, type DialectSpelling, type VissDialect } from "./viss-dialect.ts";
import { FilterWire } from "./viss-filter-wire.ts";
import { MetadataWire } from "./viss-metadata-wire.ts";
import { readData, readError, readValue, writeData, writeError, writeValue } from "./viss-values-wire.ts";
import { vissWireNames } from "./viss-wire-names.ts";
import { checkMembers, readName, readObject, readString, wireError, type JsonObject } from "./wire-json.ts";

/** Who sent a message: clients send requests, servers send responses and subscription events. */
export type VissOrigin = "client" | "server";

const CLIENT_ACTIONS = ["get", "set", "subscribe", "unsubscribe"] as const;
const SERVER_ACTIONS = [...CLIENT_ACTIONS, "subscription"] as const;

type ServerAction = (typeof SERVER_ACTIONS)[number];

/** The request members of VissMessage; every other member is sent by a server. */
const REQUEST_MEMBERS = ["getRequest", "setRequest", "subscribeRequest", "unsubscribeRequest"] as const;

export function originOf(message: VissMessage): VissOrigin {
  return REQUEST_MEMBERS.some((member) => message[member] !== undefined) ? "client" : "server";
}

interface DialectWire {
  readonly spelling: DialectSpelling;
  readonly filters: FilterWire;
  readonly metadata: MetadataWire;
}

/**
 * VISS wire JSON (WebSocket text frames, MQTT payloads) ↔ `v2xh.vss.v1.VissMessage`, in the VISS
 * v2 or v3 dialect. Reading is strict: a missing or unexpected member, a value of the wrong JSON
 * type or an unknown action throws a "wire-format" TransportError whose message starts with the JSON path,
 * e.g. `filter.parameter.period: expected a number as string, got {}`.
 */
export class VissCodec {
  private readonly dialects: Readonly<Record<VissDialect, DialectWire>>;

  constructor(registry: Registry) {
    const names = vissWireNames(registry);
    const wire = (spelling: DialectSpelling): DialectWire => ({ spelling, filters: new FilterWire(names, spelling), metadata: new MetadataWire(names) });
    this.dialects = { v2: wire(DIALECTS.v2), v3: wire(DIALECTS.v3) };
  }

  /** Reads one message sent by `origin`, from JSON text or an already parsed value. */
  parse(input: unknown, origin: VissOrigin, dialect: VissDialect): VissMessage {
    let json = input;
    if (typeof input === "string") {
      try {
        json = JSON.parse(input);
      } catch (cause) {
        throw wireError("", `not valid JSON: ${(cause as Error).message}`);
      }
    }
    const object = readObject(json, "");
    const action = readName<ServerAction>(object["action"], "action", origin === "client" ? CLIENT_ACTIONS : SERVER_ACTIONS);
    const wire = this.dialects[dialect];
    const message = origin === "client" ? this.readRequest(action, object, wire) : this.readServerMessage(action, object, wire);
    return { protocolVersion: wire.spelling.protocolVersion, ...message };
  }

  /** The wire JSON of `message`, in the dialect its `protocolVersion` names. */
  toWire(message: VissMessage): JsonObject {
    const dialect = dialectOfVersion(message.protocolVersion);
    if (dialect === undefined) throw wireError("protocolVersion", `expected VISS v2 or v3, got ${message.protocolVersion}`);
    return this.write(message, this.dialects[dialect]);
  }

  stringify(message: VissMessage): string {
    return JSON.stringify(this.toWire(message));
  }

  private readRequest(action: ServerAction, object: Record<string, unknown>, wire: DialectWire): Partial<VissMessage> {
    switch (action) {
      case "get":
      case "subscribe": {
        checkMembers(object, "", ["action", "path", "requestId"], ["filter", "authorization"]);
        const request = {
          path: readPath(object["path"]),
          requestId: readString(object["requestId"], "requestId"),
          filter: object["filter"] === undefined ? [] : wire.filters.read(object["filter"], "filter"),
          ...readAuthorization(object),
        };
        return action === "get" ? { getRequest: request } : { subscribeRequest: request };
      }
      case "set":
        checkMembers(object, "", ["action", "path", "value", "requestId"], ["authorization"]);
        return {
          setRequest: {
            path: readPath(object["path"]),
            value: readValue(object["value"], "value"),
            requestId: readString(object["requestId"], "requestId"),
            ...readAuthorization(object),
          },
        };
      default:
        checkMembers(object, "", ["action", "subscriptionId", "requestId"]);
        return { unsubscribeRequest: { subscriptionId: readString(object["subscriptionId"], "subscriptionId"), requestId: readString(object["requestId"], "requestId") } };
    }
  }

  private readServerMessage(action: ServerAction, object: Record<string, unknown>, wire: DialectWire): Partial<VissMessage> {
    const text = (key: string): string => readString(object[key], key);
    if (object["error"] !== undefined) {
      const error = readError(object["error"], "error", wire.spelling);
      switch (action) {
        case "subscription":
          checkMembers(object, "", ["action", "subscriptionId", "error", "ts"]);
          return { subscriptionErrorEvent: { subscriptionId: text("subscriptionId"), error, ts: text("ts") } };
        case "unsubscribe": {
          checkMembers(object, "", ["action", "requestId", "error", "ts"], ["subscriptionId"]);
          const response = { requestId: text("requestId"), error, ts: text("ts") };
          return { unsubscribeErrorResponse: object["subscriptionId"] === undefined ? response : { ...response, subscriptionId: text("subscriptionId") } };
        }
        default: {
          checkMembers(object, "", ["action", "requestId", "error", "ts"]);
          const response = { requestId: text("requestId"), error, ts: text("ts") };
          if (action === "get") return { getErrorResponse: response };
          return action === "set" ? { setErrorResponse: response } : { subscribeErrorResponse: response };
        }
      }
    }
    switch (action) {
      case "get":
        return { getSuccessResponse: this.readGetSuccess(object, wire) };
      case "set":
        checkMembers(object, "", ["action", "requestId", "ts"]);
        return { setSuccessResponse: { requestId: text("requestId"), ts: text("ts") } };
      case "subscribe":
        checkMembers(object, "", ["action", "requestId", "subscriptionId", "ts"]);
        return { subscribeSuccessResponse: { requestId: text("requestId"), subscriptionId: text("subscriptionId"), ts: text("ts") } };
      case "subscription":
        checkMembers(object, "", ["action", "subscriptionId", "data", "ts"]);
        return { subscriptionNotification: { subscriptionId: text("subscriptionId"), data: readData(object["data"], "data"), ts: text("ts") } };
      case "unsubscribe":
        if (wire.spelling.unsubscribeEchoesSubscriptionId) {
          checkMembers(object, "", ["action", "subscriptionId", "requestId", "ts"]);
          return { unsubscribeSuccessResponse: { subscriptionId: text("subscriptionId"), requestId: text("requestId"), ts: text("ts") } };
        }
        checkMembers(object, "", ["action", "requestId", "ts"]);
        return { unsubscribeSuccessResponse: { requestId: text("requestId"), ts: text("ts") } };
    }
  }

  private readGetSuccess(object: Record<string, unknown>, wire: DialectWire): GetSuccessResponse {
    checkMembers(object, "", ["action", "requestId"], ["data", "metadata", "ts"]);
    if ((object["data"] === undefined) === (object["metadata"] === undefined)) throw wireError("data", "a read response carries exactly one of data and metadata");
    const base = { requestId: readString(object["requestId"], "requestId"), ...(object["ts"] === undefined ? {} : { ts: readString(object["ts"], "ts") }) };
    if (object["data"] !== undefined) return { ...base, data: readData(object["data"], "data") };
    return { ...base, metadata: wire.metadata.read(object["metadata"], "metadata") };
  }

  private write(message: VissMessage, wire: DialectWire): JsonObject {
    const error = (value: Parameters<typeof writeError>[0]): JsonObject => writeError(value, wire.spelling);
    const filter = (filters: readonly Filter[]): JsonObject => (filters.length === 0 ? {} : { filter: wire.filters.write(filters, "filter") });
    const authorization = (value: string | undefined): JsonObject => (value === undefined ? {} : { authorization: value });
    if (message.getRequest !== undefined) {
      const m = message.getRequest;
      return { action: "get", path: m.path, requestId: m.requestId, ...filter(m.filter), ...authorization(m.authorization) };
    }
    if (message.getSuccessResponse !== undefined) {
      const m = message.getSuccessResponse;
      const result = m.data !== undefined ? { data: writeData(m.data) } : { metadata: wire.metadata.write(m.metadata, "metadata") };
      return { action: "get", requestId: m.requestId, ...result, ...(m.ts === undefined ? {} : { ts: m.ts }) };
    }
    if (message.getErrorResponse !== undefined) {
      const m = message.getErrorResponse;
      return { action: "get", requestId: m.requestId, error: error(m.error), ts: m.ts };
    }
    if (message.setRequest !== undefined) {
      const m = message.setRequest;
      return { action: "set", path: m.path, value: writeValue(m.value), requestId: m.requestId, ...authorization(m.authorization) };
    }
    if (message.setSuccessResponse !== undefined) return { action: "set", requestId: message.setSuccessResponse.requestId, ts: message.setSuccessResponse.ts };
    if (message.setErrorResponse !== undefined) {
      const m = message.setErrorResponse;
      return { action: "set", requestId: m.requestId, error: error(m.error), ts: m.ts };
    }
    if (message.subscribeRequest !== undefined) {
      const m = message.subscribeRequest;
      return { action: "subscribe", path: m.path, requestId: m.requestId, ...filter(m.filter), ...authorization(m.authorization) };
    }
    if (message.subscribeSuccessResponse !== undefined) {
      const m = message.subscribeSuccessResponse;
      return { action: "subscribe", requestId: m.requestId, subscriptionId: m.subscriptionId, ts: m.ts };
    }
    if (message.subscribeErrorResponse !== undefined) {
      const m = message.subscribeErrorResponse;
      return { action: "subscribe", requestId: m.requestId, error: error(m.error), ts: m.ts };
    }
    if (message.subscriptionNotification !== undefined) {
      const m = message.subscriptionNotification;
      return { action: "subscription", subscriptionId: m.subscriptionId, data: writeData(m.data), ts: m.ts };
    }
    if (message.subscriptionErrorEvent !== undefined) {
      const m = message.subscriptionErrorEvent;
      return { action: "subscription", subscriptionId: m.subscriptionId, error: error(m.error), ts: m.ts };
    }
    if (message.unsubscribeRequest !== undefined) {
      return { action: "unsubscribe", subscriptionId: message.unsubscribeRequest.subscriptionId, requestId: message.unsubscribeRequest.requestId };
    }
    if (message.unsubscribeSuccessResponse !== undefined) {
      const m = message.unsubscribeSuccessResponse;
      return { action: "unsubscribe", ...(m.subscriptionId === undefined ? {} : { subscriptionId: m.subscriptionId }), requestId: m.requestId, ts: m.ts };
    }
    if (message.unsubscribeErrorResponse !== undefined) {
      const m = message.unsubscribeErrorResponse;
      return { action: "unsubscribe", ...(m.subscriptionId === undefined ? {} : { subscriptionId: m.subscriptionId }), requestId: m.requestId, error: error(m.error), ts: m.ts };
    }
    throw wireError("", "the message has no member set (getRequest, getSuccessResponse, …)");
  }
}

/** VISS accepts '/' as path separator; the typed model always uses '.'. */
function readPath(json: unknown): string {
  return readString(json, "path").replace(/\//g, ".");
}

function readAuthorization(object: Record<string, unknown>): { authorization?: string } {
  return object["authorization"] === undefined ? {} : { authorization: readString(object["authorization"], "authorization") };
}
