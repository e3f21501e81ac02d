import type { Registry } from "../../schema/index.ts";
import type { TimeSource } from "../observation.ts";

/** Options of the envelope binding's server and client. Callers pass a Partial plus `registry`. */
export interface EnvelopeBindingOptions {
  /** Interface the server binds to. Default: "127.0.0.1". */
  readonly host: string;
  /** Port the server binds to; 0 picks a free one (read it back from `server.url`). Default: 0. */
  readonly port: number;
  /** Sender id written into every envelope this endpoint sends. Default: "harness". */
  readonly senderId: string;
  /** Clock for envelope send times and observation arrival times, ms since the epoch. Default: Date.now. */
  readonly timeSource: TimeSource;
  /** Largest frame accepted, in bytes; a larger one closes the connection with 1009. Default: 1 MiB. */
  readonly maxPayload: number;
  /** How long the client waits for the handshake, in ms. Default: 5000. */
  readonly connectTimeoutMs: number;
}

export const ENVELOPE_DEFAULTS: EnvelopeBindingOptions = {
  host: "127.0.0.1",
  port: 0,
  senderId: "harness",
  timeSource: () => Date.now(),
  maxPayload: 1024 * 1024,
  connectTimeoutMs: 5000,
};

/** What the binding needs besides options: the schema registry that encodes and decodes messages. */
export interface EnvelopeBindingInput extends Partial<EnvelopeBindingOptions> {
  readonly registry: Registry;
}

export function withEnvelopeDefaults(input: EnvelopeBindingInput): EnvelopeBindingOptions & { readonly registry: Registry } {
  return { ...ENVELOPE_DEFAULTS, ...input };
}
