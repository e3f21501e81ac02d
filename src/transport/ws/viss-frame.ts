import type { VissError } from "../../schema/gen/v2xh/vss/v1/values_pb.ts";
import type { VissMessage } from "../../schema/gen/v2xh/vss/v1/messages_pb.ts";
import type { Observation } from "../observation.ts";
import type { VissCodec, VissOrigin } from "./viss-codec.ts";
import { DIALECTS, type VissDialect } from "./viss-dialect.ts";
import { readError, writeError } from "./viss-values-wire.ts";
import { isObject, type JsonObject } from "./wire-json.ts";

export const VISS_MESSAGE_TYPE = "v2xh.vss.v1.VissMessage";

/** Decodes one received VISS frame, once. Never throws: whatever is wrong ends up in `decoded.error`. */
export function observeVissFrame(
  codec: VissCodec,
  channel: string,
  frame: Buffer,
  isBinary: boolean,
  origin: VissOrigin,
  dialect: VissDialect,
  receivedAt: number,
): Observation<VissMessage> {
  const raw = new Uint8Array(frame.buffer, frame.byteOffset, frame.length);
  const base = { channel, typeName: VISS_MESSAGE_TYPE, encoding: "json" as const, receivedAt, raw };
  if (isBinary) return { ...base, decoded: { ok: false, error: "binary frame: VISS JSON travels in text frames" } };
  try {
    return { ...base, decoded: { ok: true, message: codec.parse(frame.toString("utf8"), origin, dialect) } };
  } catch (error) {
    return { ...base, decoded: { ok: false, error: (error as Error).message } };
  }
}

/** What can still be read from a message the codec refused: its action and ids, where they are strings. */
export interface SalvagedIds {
  readonly action?: string;
  readonly requestId?: string;
  readonly subscriptionId?: string;
}

export function salvageIds(text: string): SalvagedIds {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  if (!isObject(json)) return {};
  const ids: { action?: string; requestId?: string; subscriptionId?: string } = {};
  for (const key of ["action", "requestId", "subscriptionId"] as const) {
    const value = json[key];
    if (typeof value === "string") ids[key] = value;
  }
  return ids;
}

/**
 * VISS defines no answer to a request whose action cannot be read (not JSON, unknown action). The
 * server then sends the error object alone, with the request id when it could be read:
 * `{"requestId": …, "error": {…}, "ts": …}`.
 */
export function writeUnboundError(error: VissError, ts: string, dialect: VissDialect, requestId: string | undefined): JsonObject {
  return { ...(requestId === undefined ? {} : { requestId }), error: writeError(error, DIALECTS[dialect]), ts };
}

/** The request id and error of an answer the codec refused, when it has both; lets a client settle the request. */
export function readUnboundError(text: string, dialect: VissDialect): { requestId: string; error: VissError } | undefined {
  const { requestId } = salvageIds(text);
  if (requestId === undefined) return undefined;
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    return { requestId, error: readError(json["error"], "error", DIALECTS[dialect]) };
  } catch {
    return undefined;
  }
}
