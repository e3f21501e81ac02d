import { once } from "node:events";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { Aedes, type Connection } from "aedes";
import { LogLines } from "./log-lines.ts";
import { withDefaults, type BrokerLimits, type EmbeddedBrokerInit } from "./options.ts";
import { PublishThrottle } from "./publish-throttle.ts";
import { TokenBucket } from "./token-bucket.ts";

export interface BrokerStats {
  /** Clients connected now. */
  readonly connections: number;
  /** CONNECTs refused because maxConnections clients were connected. */
  readonly refusedConnections: number;
  /** PUBLISH packets admitted (at once or after waiting). */
  readonly admittedPublishes: number;
  /** PUBLISH packets that had to wait (rate limit or maxInFlight). */
  readonly delayedPublishes: number;
  /** PUBLISH packets waiting now. */
  readonly backlog: number;
  /** PUBLISH packets admitted and still being delivered. */
  readonly inFlight: number;
  /** Clients disconnected because the backlog was full. */
  readonly disconnectedForBacklog: number;
}

export interface EmbeddedBroker {
  /** e.g. "mqtt://127.0.0.1:41234". */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly limits: BrokerLimits;
  readonly stats: () => BrokerStats;
  /** Disconnects every client and stops listening. */
  readonly close: () => Promise<void>;
}

/** CONNACK return code 3 of MQTT 3.1.1 (aedes speaks 3.1 and 3.1.1 only). */
const SERVER_UNAVAILABLE = 3;

/**
 * Starts an aedes MQTT 3.1.1 broker (aedes has no MQTT 5) on a TCP port, with admission limits
 * (BrokerLimits) that slow publishers down, and refuse or disconnect clients only past a bound,
 * instead of letting aedes collapse.
 *
 * Why and where (2-core machine, Node 20, 300-byte QoS 0 payloads, one subscriber on `#`;
 * publishers, subscriber and broker in separate processes on the same cores):
 * - aedes alone: from 100 clients offering 114k msg/s, 13–21k msg/s reach the subscriber; from
 *   5,000 clients offering 30k msg/s, delivery falls from 25k to 900 msg/s within seconds, and
 *   the process later dies of a stack overflow. The cause: aedes hands every publish to its
 *   delivery queue (mqemitter, 100 at a time); past that the queue grows without bound and is
 *   drained recursively.
 * - With maxInFlight (1000) alone, no rate limit: 100 clients → ~100k msg/s delivered; 5,000
 *   clients → 37k msg/s (all that was offered); three subscribers → 33k msg/s in, 100k
 *   deliveries/s out; 10,000 and 18,000 connections at 19k msg/s run steadily (RSS 350 and 450 MB).
 * - With the defaults (20k msg/s): 100 clients offering 114k msg/s and 2,000 or 5,000 clients
 *   offering 30k msg/s all get a steady 20k msg/s delivered; with 2,000 clients the backlog
 *   reaches maxBacklog after ~5 s and the broker then disconnects ~100 clients a second (RSS
 *   stays under 500 MB) for as long as the overload lasts.
 * So the ceiling with the defaults is 20,000 inbound msg/s and 10,000 connections; past the rate
 * publishers are slowed down, past the connection count CONNECT is refused with return code 3.
 */
export async function startEmbeddedBroker(init: EmbeddedBrokerInit = {}): Promise<EmbeddedBroker> {
  const { host, port, limits, log } = withDefaults(init);
  const logLines = new LogLines(log);
  const throttle = new PublishThrottle(new TokenBucket(limits.publishRate, limits.publishBurst), limits);
  // Admitted packets, with their client's connection, until aedes reports them delivered (the
  // `published` hook gets the same object) or the connection closes (a QoS 1 publish whose PUBACK
  // cannot be written never reaches `published`).
  const inFlight = new Map<object, Connection | undefined>();
  const finish = (packet: object): void => {
    if (inFlight.delete(packet)) throttle.finished();
  };
  const admitted = new Set<Connection>();
  const sockets = new Set<Socket>();
  const counts = { refusedConnections: 0, admittedPublishes: 0, delayedPublishes: 0, disconnectedForBacklog: 0 };

  const broker = await Aedes.createBroker({
    concurrency: limits.maxInFlight,
    // A subscriber that reads nothing for this long is disconnected instead of holding deliveries up.
    drainTimeout: 10_000,
    authenticate(client, _username, _password, done) {
      if (admitted.size >= limits.maxConnections) {
        counts.refusedConnections += 1;
        logLines.line("refused", `v2x broker: refused client "${client.id}": ${admitted.size} clients are connected, the limit (maxConnections)`);
        const error = Object.assign(new Error(`server unavailable: ${limits.maxConnections} clients connected, the limit`), { returnCode: SERVER_UNAVAILABLE });
        done(error, false);
        return;
      }
      const conn = client.conn;
      admitted.add(conn);
      conn.once("close", () => {
        admitted.delete(conn);
        throttle.abandon(conn);
        for (const [packet, owner] of inFlight) if (owner === conn) finish(packet);
      });
      done(null, true);
    },
    authorizePublish(client, packet, done) {
      if (packet.topic.startsWith("$SYS")) {
        done(new Error("$SYS topics are reserved"));
        return;
      }
      const admission = throttle.admit(client?.conn ?? broker, () => {
        counts.admittedPublishes += 1;
        inFlight.set(packet, client?.conn);
        done(null);
      });
      if (admission === "delayed") {
        counts.delayedPublishes += 1;
        logLines.line(
          "throttle",
          `v2x broker: publishes arrive faster than ${limits.publishRate} msg/s (publishRate), or ${limits.maxInFlight} are still being delivered (maxInFlight); slowing publishers down`,
        );
      }
      if (admission === "refused") {
        counts.disconnectedForBacklog += 1;
        logLines.line(
          "backlog",
          `v2x broker: disconnected client "${client?.id ?? "?"}": ${limits.maxBacklog} publishes are waiting, the limit (maxBacklog); ` +
            `clients publish faster than ${limits.publishRate} msg/s (publishRate) for too long`,
        );
        done(new Error(`publish backlog full (${limits.maxBacklog} waiting)`));
      }
    },
    published(packet, _client, done) {
      finish(packet);
      done(null);
    },
  });

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    broker.handle(socket);
  });
  try {
    server.listen(port, host);
    await once(server, "listening");
  } catch (error) {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    throw error;
  }
  const bound = (server.address() as AddressInfo).port;
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;

  return {
    url: `mqtt://${urlHost}:${bound}`,
    host,
    port: bound,
    limits,
    stats: () => ({ connections: admitted.size, backlog: throttle.backlog, inFlight: throttle.inFlight, ...counts }),
    async close() {
      throttle.stop();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Clients still before CONNACK are not aedes' to close.
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
