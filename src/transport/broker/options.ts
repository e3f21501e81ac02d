/**
 * What the embedded broker admits: the defaults stay well inside what aedes 1.2 handled with
 * these limits on the project's 2-core machine (measurements in startEmbeddedBroker's comment).
 */
export interface BrokerLimits {
  /**
   * Most clients connected at once. The next CONNECT is answered with CONNACK return code 3
   * ("server unavailable"), the connection closed and a line logged. Each connection takes about
   * 25 KB and a file descriptor: keep it below `ulimit -n`. Default: 10000.
   */
  readonly maxConnections: number;
  /**
   * Inbound PUBLISH packets admitted per second, over all clients (a token bucket). A publish
   * above the rate waits, and aedes reads nothing more from that client meanwhile, so TCP
   * backpressure slows the publisher down. Default: 20000.
   */
  readonly publishRate: number;
  /** Publishes admitted at once after a quiet spell (the bucket's size). Default: 1000. */
  readonly publishBurst: number;
  /**
   * Most admitted publishes still being delivered to their subscribers; further publishes wait.
   * This makes admission follow what aedes actually delivers (it slows down as connections
   * grow), and aedes' delivery concurrency is set to the same number. Default: 1000.
   */
  readonly maxInFlight: number;
  /**
   * Most publishes waiting at once, over all clients. A client whose publish finds the backlog
   * full is disconnected and a line logged. Default: 100000 (5 s at the default rate).
   */
  readonly maxBacklog: number;
}

export interface EmbeddedBrokerOptions {
  /** Interface to listen on. Default: "127.0.0.1". */
  readonly host: string;
  /** TCP port; 0 picks a free one (see the result's `port`). Default: 0. */
  readonly port: number;
  /** Admission limits. Default: see BrokerLimits. */
  readonly limits: BrokerLimits;
  /** Where refusals and throttling are reported, one line each (repeats within a second are summarised). Default: standard error. */
  readonly log: (line: string) => void;
}

export type EmbeddedBrokerInit = Partial<Omit<EmbeddedBrokerOptions, "limits">> & { readonly limits?: Partial<BrokerLimits> };

export const EMBEDDED_BROKER_DEFAULTS = {
  host: "127.0.0.1",
  port: 0,
  limits: { maxConnections: 10_000, publishRate: 20_000, publishBurst: 1000, maxInFlight: 1000, maxBacklog: 100_000 },
  log: (line: string) => process.stderr.write(`${line}\n`),
} as const satisfies EmbeddedBrokerOptions;

/** The options with defaults filled in; throws a RangeError naming the first bad limit. */
export function withDefaults(init: EmbeddedBrokerInit): EmbeddedBrokerOptions {
  const options = { ...EMBEDDED_BROKER_DEFAULTS, ...init, limits: { ...EMBEDDED_BROKER_DEFAULTS.limits, ...init.limits } };
  for (const [name, value] of Object.entries(options.limits)) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`embedded broker limits: ${name} must be a positive integer, got ${value}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new RangeError(`embedded broker: port must be 0..65535, got ${options.port}`);
  return options;
}
