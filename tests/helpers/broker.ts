import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { connect, createServer, type AddressInfo } from "node:net";
import { decodeJson, loadRegistry } from "../../src/schema/index.ts";
import { startLinkProxy, type LinkProxy } from "../../src/transport/link-proxy.ts";

/**
 * Helpers for tests that talk to real brokers.
 *
 * Glossary: "the shared Mosquitto" is the one the machine runs on 127.0.0.1:1883 (tests use
 * unique topic prefixes and client ids on it, so they may run in parallel); "an own Mosquitto" is
 * a process a test starts on a free port and may kill; "a gate" is a TCP forwarder a test can
 * close to keep a client from reaching a broker.
 */

export const SHARED_MOSQUITTO_URL = "mqtt://127.0.0.1:1883";

/** True when something accepts TCP connections on host:port within `timeoutMs`. */
export async function tcpReachable(host: string, port: number, timeoutMs = 300): Promise<boolean> {
  const socket = connect({ host, port });
  socket.setTimeout(timeoutMs);
  try {
    return await new Promise<boolean>((resolve) => {
      socket.once("connect", () => resolve(true));
      socket.once("error", () => resolve(false));
      socket.once("timeout", () => resolve(false));
    });
  } finally {
    socket.destroy();
  }
}

/** Whether the shared Mosquitto answers; checked once, when a test file imports this module. */
export const sharedMosquittoAvailable = await tcpReachable("127.0.0.1", 1883);

/** Whether the mosquitto binary can be started (it exits 3 after printing its usage for -h). */
export const mosquittoBinaryAvailable = spawnSync("mosquitto", ["-h"], { stdio: "ignore" }).error === undefined;

/** A topic prefix no other test uses, e.g. "test-12345-a1b2c3/round-trip". */
export function uniquePrefix(name: string): string {
  return `test-${process.pid}-${randomBytes(3).toString("hex")}/${name}`;
}

/** A port that was free a moment ago (bound on port 0, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface OwnMosquitto {
  readonly port: number;
  readonly url: string;
  /** kill -9: the broker vanishes without a DISCONNECT or a FIN from MQTT's side. */
  kill(): Promise<void>;
  /** Starts it again on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `mosquitto -p <port>` on a free port and waits until it accepts connections. */
export async function startOwnMosquitto(): Promise<OwnMosquitto> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    const broker = spawn("mosquitto", ["-p", String(port)], { stdio: "ignore" });
    child = broker;
    await waitUntil(async () => {
      if (broker.exitCode !== null) throw new Error(`mosquitto -p ${port} exited with code ${broker.exitCode}`);
      return tcpReachable("127.0.0.1", port, 100);
    }, `mosquitto on port ${port}`);
  };
  const kill = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
    running.kill("SIGKILL");
    await once(running, "exit");
  };
  await start();
  return { port, url: `mqtt://127.0.0.1:${port}`, kill, restart: start, stop: kill };
}

export interface TcpGate extends LinkProxy {
  readonly url: string;
}

/** A link proxy to 127.0.0.1:targetPort, with the mqtt:// URL that reaches the broker through it. */
export async function startTcpGate(targetPort: number): Promise<TcpGate> {
  const proxy = await startLinkProxy({ upstream: { host: "127.0.0.1", port: targetPort } });
  return Object.assign(proxy, { url: `mqtt://127.0.0.1:${proxy.port}` });
}

const FRAME = "v2xh.csae53.v1.MessageFrame";

/** A decoded CSAE 53 MessageFrame from proto/examples/csae53/<name>.json ("bsm", "map", "spat"). */
export function exampleFrame(name: "bsm" | "map" | "spat"): Record<string, unknown> {
  return decodeJson(loadRegistry(), FRAME, readFileSync(`proto/examples/csae53/${name}.json`, "utf8"));
}

/** Resolves when `condition` holds, polling every 10 ms; rejects after `timeoutMs` naming `what`. */
export async function eventually(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  await waitUntil(() => Promise.resolve(condition()), what, timeoutMs);
}
