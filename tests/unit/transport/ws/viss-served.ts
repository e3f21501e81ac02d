// Helpers for tests that run a real VISS server and talk to it with VissClient.
import { loadRegistry } from "../../../../src/schema/index.ts";
import type { Observation } from "../../../../src/transport/observation.ts";
import type { VissMessage } from "../../../../src/schema/gen/v2xh/vss/v1/messages_pb.ts";
import type { SignalStore } from "../../../../src/transport/ws/signal-store.ts";
import { VissClient, type SubscriptionEvent, type VissClientInput, type VissReply } from "../../../../src/transport/ws/viss-client.ts";
import type { VissServerInput } from "../../../../src/transport/ws/viss-server-options.ts";
import { VissServer } from "../../../../src/transport/ws/viss-server.ts";

export const registry = loadRegistry();
const open: { close(): Promise<void> }[] = [];

/** Starts a server over `store` and connects a client to it; both are closed by closeServed. */
export async function served(store: SignalStore, options: Partial<VissServerInput> = {}, clientOptions: Partial<VissClientInput> = {}): Promise<VissClient> {
  const server = await VissServer.listen({ registry, store, ...options });
  open.push(server);
  const client = await VissClient.connect(server.url, { registry, requestTimeoutMs: 2000, ...clientOptions });
  open.push(client);
  return client;
}

export async function closeServed(): Promise<void> {
  await Promise.all(open.splice(0).reverse().map((item) => item.close()));
}

export function errorOf<T>(reply: VissReply<T>): { number: number; reason: string | undefined; message: string | undefined } {
  if (reply.ok) throw new Error("expected an error answer");
  return { number: reply.error.number, reason: reply.error.reason, message: reply.error.message };
}

export function responseOf<T>(reply: VissReply<T>): T {
  if (!reply.ok) throw new Error(`expected a success, got error ${reply.error.number} ${reply.error.reason ?? ""}: ${reply.error.message ?? ""}`);
  return reply.response;
}

/** The JSON of the next frame the client receives. */
export function nextFrame(client: VissClient): Promise<Record<string, unknown>> {
  return new Promise((resolve) => client.once("observation", (o: Observation<VissMessage>) => resolve(JSON.parse(Buffer.from(o.raw).toString("utf8")) as Record<string, unknown>)));
}

/** The data events of a subscription, as path → scalar value per event. */
export function collectEvents(): { readonly events: Record<string, string | undefined>[]; readonly onEvent: (event: SubscriptionEvent) => void } {
  const events: Record<string, string | undefined>[] = [];
  const onEvent = (event: SubscriptionEvent): void => {
    if (!("data" in event)) return;
    const entries = event.data.nodes?.entries ?? (event.data.node === undefined ? [] : [event.data.node]);
    events.push(Object.fromEntries(entries.map((entry) => [entry.path, entry.single?.value.scalar ?? entry.multiple?.values.map((dp) => dp.value.scalar).join(",")])));
  };
  return { events, onEvent };
}
