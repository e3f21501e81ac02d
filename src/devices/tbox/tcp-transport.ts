import { Gbt32960TcpClient } from "../../transport/tcp/index.ts";
import type { ReconnectOptions } from "../../transport/mqtt/index.ts";
import { DeviceError } from "../device-error.ts";
import { checkInteger, type ResolvedDeviceOptions } from "../shared/device-options.ts";
import type { TboxTransport } from "./connection.ts";

export interface TcpAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * The T-Box as a real one is wired: GB/T 32960 frames over one TCP connection to the platform,
 * which answers and commands on the same connection. A connection the platform drops is reopened
 * with backoff.
 */
export function tcpTransport(address: TcpAddress, reconnect: Partial<ReconnectOptions> | undefined, resolved: ResolvedDeviceOptions): TboxTransport {
  const { host, port } = address;
  if (host === "") throw new DeviceError("DeviceOptionError", "tcp.host must name the platform's host, got an empty string");
  checkInteger("tcp.port", port, 1, 65535);
  const { clock, log } = resolved;
  return {
    loginPerConnection: true,
    open: async (hear) => {
      // Frames go out as the T-Box made them, so that a fault miscounting a list shows on the wire.
      const client = new Gbt32960TcpClient({ host, port, codec: { mismatchedCounts: "write" }, timeSource: () => clock.now(), ...(reconnect === undefined ? {} : { reconnect }) });
      client.on("observation", hear);
      client.on("offline", (cause) => log(`lost the platform: ${cause.message}`));
      try {
        await client.connect();
      } catch (cause) {
        throw new DeviceError("DeviceStartError", (cause as Error).message, cause);
      }
      return {
        get connected() {
          return client.connected;
        },
        // send throws while offline; the executor turns that into a rejection.
        send: (_kind, frame) => new Promise((resolve) => resolve(client.send(frame))),
        onReconnect: (listener) => void client.on("connect", listener),
        close: () => client.end(),
      };
    },
    describe: (settings) => [
      `GB/T 32960-2016 over TCP to the platform at ${host}:${port}: login, realtime every ${settings.reportIntervalMs} ms, heartbeat every ${settings.heartbeatIntervalMs} ms`,
      "platform answers and commands heard on the same connection",
    ],
  };
}
