import { once } from "node:events";
import { connect, createServer, type AddressInfo, type Socket } from "node:net";
import type { TcpAddress } from "./tcp-address.ts";
import { TransportError } from "./transport-error.ts";

export interface LinkProxyOptions {
  /** Interface to listen on. Default: "127.0.0.1". */
  readonly host?: string;
  /** Port to listen on; 0 picks a free one. Default: 0. */
  readonly port?: number;
  /** Where every accepted connection is forwarded; a function is asked at each connection (for an upstream that starts after the proxy). */
  readonly upstream: TcpAddress | (() => TcpAddress);
}

/**
 * A TCP proxy in the SUT's path (ARCHITECTURE.md §5): the SUT connects here instead of to its
 * broker or peer, and the harness cuts and restores the link. While cut, live connections are
 * closed and new ones are accepted and closed at once, as a dead network path looks to a client
 * that keeps retrying.
 */
export interface LinkProxy {
  readonly host: string;
  readonly port: number;
  /** Connections forwarded right now. */
  readonly connections: number;
  readonly isCut: boolean;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startLinkProxy(options: LinkProxyOptions): Promise<LinkProxy> {
  const host = options.host ?? "127.0.0.1";
  let cut = false;
  const pairs = new Set<readonly [Socket, Socket]>();
  const server = createServer((downstream) => {
    if (cut) {
      downstream.destroy();
      return;
    }
    const target = typeof options.upstream === "function" ? options.upstream() : options.upstream;
    const upstream = connect({ host: target.host, port: target.port });
    const pair = [downstream, upstream] as const;
    pairs.add(pair);
    downstream.pipe(upstream).pipe(downstream);
    const end = (): void => {
      pairs.delete(pair);
      downstream.destroy();
      upstream.destroy();
    };
    for (const socket of pair) {
      socket.once("close", end);
      socket.once("error", end);
    }
  });
  server.listen(options.port ?? 0, host);
  try {
    await Promise.race([once(server, "listening"), once(server, "error").then(([error]) => Promise.reject(error as Error))]);
  } catch (cause) {
    throw new TransportError("listen-failed", `the link proxy cannot listen on ${host}:${options.port ?? 0}: ${(cause as Error).message}`);
  }
  const { port } = server.address() as AddressInfo;
  const destroyAll = (): void => {
    for (const [down, up] of pairs) {
      down.destroy();
      up.destroy();
    }
    pairs.clear();
  };
  return {
    host,
    port,
    get connections() {
      return pairs.size;
    },
    get isCut() {
      return cut;
    },
    cut: () => {
      cut = true;
      destroyAll();
    },
    restore: () => {
      cut = false;
    },
    close: async () => {
      destroyAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
