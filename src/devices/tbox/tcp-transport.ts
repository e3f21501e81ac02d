import { Encryption, type Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import type { TcpAddress } from "../../transport/tcp-address.ts";
import { Gbt32960TcpClient } from "../../transport/tcp/index.ts";
import { withEncryption, type DataUnitKeys } from "../../wire/gbt32960/index.ts";
import { DeviceError } from "../device-error.ts";
import { checkInteger, type ResolvedDeviceOptions } from "../shared/device-options.ts";
import type { TboxTransport } from "./connection.ts";
import type { TboxOptions } from "./options.ts";

/**
 * The T-Box as a real one is wired: GB/T 32960 frames over one TCP connection to the platform,
 * which answers and commands on the same connection. A connection the platform drops is reopened
 * with backoff.
 */
export function tcpTransport(address: TcpAddress, options: TboxOptions, resolved: ResolvedDeviceOptions): TboxTransport {
  const { host, port } = address;
  const { reconnect, keys = {}, encrypt } = options;
  if (host === "") throw new DeviceError("DeviceOptionError", "tcp.host must name the platform's host, got an empty string");
  checkInteger("tcp.port", port, 1, 65535);
  const seal = sealerOf(encrypt, keys);
  const { clock, log } = resolved;
  return {
    loginPerConnection: true,
    open: async (hear) => {
      // Frames go out as the T-Box made them, so that a fault miscounting a list shows on the wire.
      const client = new Gbt32960TcpClient({ host, port, codec: { mismatchedCounts: "write", keys }, timeSource: () => clock.now(), ...(reconnect === undefined ? {} : { reconnect }) });
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
        send: (_kind, frame) => new Promise((resolve) => resolve(client.send(seal(frame)))),
        onReconnect: (listener) => void client.on("connect", listener),
        close: () => client.end(),
      };
    },
    describe: (settings) => [
      `GB/T 32960-2016 over TCP to the platform at ${host}:${port}: login, realtime every ${settings.reportIntervalMs} ms, heartbeat every ${settings.heartbeatIntervalMs} ms`,
      ...(encrypt === undefined ? [] : [`data units encrypted with AES (0x03, ${keys.aes?.mode ?? "ecb"})`]),
      "platform answers and commands heard on the same connection",
    ],
  };
}

/** How a frame leaves the T-Box: as made, or marked for AES so that the client's codec encrypts its data unit. */
function sealerOf(encrypt: TboxOptions["encrypt"], keys: DataUnitKeys): (frame: Frame) => Frame {
  if (encrypt === undefined) return (frame) => frame;
  if (encrypt !== "aes") throw new DeviceError("DeviceOptionError", `encrypt must be "aes" (SM4 is a 2025 code; this T-Box speaks 2016), got ${JSON.stringify(encrypt)}`);
  if (keys.aes === undefined) throw new DeviceError("DeviceOptionError", 'encrypt "aes" needs the AES key in keys.aes');
  return (frame) => withEncryption(frame, Encryption.AES);
}
