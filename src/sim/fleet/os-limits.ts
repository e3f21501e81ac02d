import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** Descriptors the process needs beside its connections (stdio, the event loop, files). */
const SPARE_DESCRIPTORS = 64;

/** The soft limit on open files of this process (a child shell inherits it), or undefined where it cannot be read. */
export function openFilesLimit(): number | undefined {
  if (process.platform === "win32") return undefined;
  const result = spawnSync("sh", ["-c", "ulimit -n"], { encoding: "utf8" });
  const text = result.stdout?.trim() ?? "";
  if (text === "unlimited") return Infinity;
  const limit = Number(text);
  return Number.isInteger(limit) && limit > 0 ? limit : undefined;
}

/** How many local ports Linux hands out for outgoing connections to one address (net.ipv4.ip_local_port_range). */
export function ephemeralPorts(): number | undefined {
  try {
    const [low, high] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/).map(Number);
    return low !== undefined && high !== undefined && high >= low ? high - low + 1 : undefined;
  } catch {
    return undefined;
  }
}

/** What a connection-limit message says besides the limits: the peer, and what else the user can do. */
export interface LimitAdvice {
  /** e.g. "broker", "platform". */
  readonly peer: string;
  /** e.g. "or use --connections shared". */
  readonly otherwise: string;
}

const FLEET_ADVICE: LimitAdvice = { peer: "broker", otherwise: "or use --connections shared" };

/**
 * Why this machine cannot hold `connections` connections to one peer address, or undefined when it
 * can: each needs a file descriptor (`ulimit -n`) and a local port. The peer needs a descriptor per
 * connection too (for Mosquitto: its own `ulimit -n` and max_connections).
 */
export function connectionLimitProblem(connections: number, limits = { openFiles: openFilesLimit(), ports: ephemeralPorts() }, advice: LimitAdvice = FLEET_ADVICE): string | undefined {
  const { openFiles, ports } = limits;
  if (openFiles !== undefined && connections + SPARE_DESCRIPTORS > openFiles) {
    return (
      `${connections} connections need at least ${connections + SPARE_DESCRIPTORS} open files, but this process may open ${openFiles} (ulimit -n); ` +
      `raise it (e.g. \`ulimit -n ${Math.max(connections * 2, 4096)}\`), ${advice.otherwise}; the ${advice.peer} needs a descriptor per connection too`
    );
  }
  if (ports !== undefined && connections > ports) {
    return (
      `${connections} connections to one ${advice.peer} address need as many local ports, but net.ipv4.ip_local_port_range allows ${ports}; ` +
      `widen the range, split the run over several machines, ${advice.otherwise}`
    );
  }
  return undefined;
}
