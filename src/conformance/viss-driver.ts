import type { Registry } from "../schema/index.ts";
import { VissClient, type VissClientOptions } from "../transport/ws/index.ts";

/** Opens VISS connections to the SUT; the engine closes them when the test ends. */
export interface VissDriver {
  /** The SUT's WebSocket URL (PIXIT params.url). */
  readonly url: string;
  open(options?: Partial<VissClientOptions>): Promise<VissClient>;
}

/** A VissDriver whose connections are closed by `closeAll`. */
export function vissDriver(url: string, registry: Registry): VissDriver & { closeAll(): Promise<void> } {
  const open = new Set<VissClient>();
  return {
    url,
    async open(options = {}) {
      const client = await VissClient.connect(url, { ...options, registry });
      open.add(client);
      return client;
    },
    async closeAll() {
      await Promise.all([...open].map((c) => c.close().catch(() => undefined)));
      open.clear();
    },
  };
}
