import { EnvelopeConnection } from "./envelope-connection.ts";
import { EnvelopeSender } from "./envelope-frame.ts";
import { withEnvelopeDefaults, type EnvelopeBindingInput } from "./envelope-options.ts";
import { openSocket } from "./sockets.ts";

/**
 * Connects to an envelope-binding server at `url` (ws://…). Rejects with a "connect-refused" or "unreachable" TransportError or
 * "timeout" TransportError when the connection cannot be opened.
 */
export async function connectEnvelopeClient(url: string, input: EnvelopeBindingInput): Promise<EnvelopeConnection> {
  const options = withEnvelopeDefaults(input);
  const socket = await openSocket(url, { protocols: [], maxPayload: options.maxPayload, timeoutMs: options.connectTimeoutMs });
  const sender = new EnvelopeSender(options.registry, options.senderId, options.timeSource);
  return new EnvelopeConnection(socket, url, options.registry, sender, options.timeSource);
}
