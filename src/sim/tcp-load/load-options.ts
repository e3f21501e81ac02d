import { vehicleVin } from "../scenario/vin.ts";
import { TcpLoadError } from "./load-error.ts";
import type { TcpLoadProgress } from "./load-progress.ts";

export interface TcpLoadOptions {
  /** Host name or address of the platform's GB/T 32960 TCP port. Required. */
  readonly host: string;
  /** Required. */
  readonly port: number;
  /** T-Boxes, each on its own TCP connection, 1..1,000,000. Required. */
  readonly tboxes: number;
  /**
   * Realtime report period of every T-Box, ms: 1000..30000 (GB/T 32960.3-2016 B.2.1 allows 1 s to
   * 30 s); 100..999 is accepted for lab stress runs, beyond what the standard has terminals do. Default: 1000.
   */
  readonly periodMs: number;
  /** How long the T-Boxes report, from the first whole second after every login was answered, ms. Default: 60000. */
  readonly durationMs: number;
  /** The VIN of T-Box `index` (0-based): 17 printable ASCII characters, no two alike. Default: vehicleVin("tcp-load", index). */
  readonly vin: (index: number) => string;
  /** Only the 2016 edition of GB/T 32960.3 is spoken. Default: 2016. */
  readonly edition: 2016;
  /** How long a T-Box waits for the answer to its login before counting it unanswered, ms. Default: 10000. */
  readonly loginTimeoutMs: number;
  /** How long opening one connection may take, ms. Default: 10000. */
  readonly connectTimeoutMs: number;
  /** Connections opened per second, so that a platform does not face thousands of handshakes at once. Default: 500. */
  readonly connectRate: number;
  /** Each logged-in T-Box also sends a heartbeat (0x07) this often, ms; undefined sends none. Default: undefined. */
  readonly heartbeatPeriodMs: number | undefined;
  /** Called about once a second, and once when the run ends. Default: none. */
  readonly onProgress: ((progress: TcpLoadProgress) => void) | undefined;
  /** Ends the run early; the summary says so. Default: none. */
  readonly signal: AbortSignal | undefined;
}

/** What callers pass: where, how many, and any option they want to change. */
export type TcpLoadInit = Partial<TcpLoadOptions> & Pick<TcpLoadOptions, "host" | "port" | "tboxes">;

export const TCP_LOAD_DEFAULTS = {
  periodMs: 1000,
  durationMs: 60_000,
  vin: (index: number) => vehicleVin("tcp-load", index),
  edition: 2016,
  loginTimeoutMs: 10_000,
  connectTimeoutMs: 10_000,
  connectRate: 500,
  heartbeatPeriodMs: undefined,
  onProgress: undefined,
  signal: undefined,
} as const satisfies Omit<TcpLoadOptions, "host" | "port" | "tboxes">;

const MAX_TBOXES = 1_000_000;

/** The options with defaults filled in; throws a TcpLoadError naming the first bad one. */
export function withDefaults(init: TcpLoadInit): TcpLoadOptions {
  const options: TcpLoadOptions = { ...TCP_LOAD_DEFAULTS, ...init };
  const problem = optionsProblem(options);
  if (problem !== undefined) throw new TcpLoadError("bad-option", `T-Box TCP load options: ${problem}`);
  return options;
}

function optionsProblem(o: TcpLoadOptions): string | undefined {
  if (o.host === "") return "host must not be empty";
  if (!Number.isInteger(o.port) || o.port < 1 || o.port > 65535) return `port must be 1..65535, got ${o.port}`;
  if (!Number.isInteger(o.tboxes) || o.tboxes < 1 || o.tboxes > MAX_TBOXES) return `tboxes must be an integer 1..${MAX_TBOXES}, got ${o.tboxes}`;
  if (!(o.periodMs >= 100 && o.periodMs <= 30_000)) return `periodMs must be 1000..30000 (100 and up for lab stress), got ${o.periodMs}`;
  if (!(o.durationMs > 0)) return `durationMs must be above 0, got ${o.durationMs}`;
  if (o.edition !== 2016) return `edition must be 2016 (the only one spoken), got ${String(o.edition)}`;
  if (!(o.loginTimeoutMs > 0)) return `loginTimeoutMs must be above 0, got ${o.loginTimeoutMs}`;
  if (!(o.connectTimeoutMs > 0)) return `connectTimeoutMs must be above 0, got ${o.connectTimeoutMs}`;
  if (!(o.connectRate > 0)) return `connectRate must be above 0 per second, got ${o.connectRate}`;
  if (o.heartbeatPeriodMs !== undefined && !(o.heartbeatPeriodMs >= 100)) return `heartbeatPeriodMs must be at least 100, got ${o.heartbeatPeriodMs}`;
  return undefined;
}

/** The run's VINs; throws a TcpLoadError on the first malformed or repeated one. */
export function vinsOf(o: TcpLoadOptions): string[] {
  const vins = Array.from({ length: o.tboxes }, (_, index) => o.vin(index));
  const seen = new Set<string>();
  for (const [index, vin] of vins.entries()) {
    if (!/^[\x21-\x7e]{17}$/.test(vin)) throw new TcpLoadError("bad-option", `T-Box TCP load options: vin(${index}) must be 17 printable ASCII characters, got ${JSON.stringify(vin)}`);
    if (seen.has(vin)) throw new TcpLoadError("bad-option", `T-Box TCP load options: vin(${index}) repeats ${vin}; every T-Box needs its own VIN`);
    seen.add(vin);
  }
  return vins;
}
