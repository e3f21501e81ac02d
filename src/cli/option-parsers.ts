import { InvalidArgumentError } from "commander";

/** Commander parsers of option values: a bad value becomes commander's usage error, naming the option and the value. */

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive integer.");
  return n;
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError("expected a number above 0.");
  return n;
}

/** A port to listen on, 0 for a free one. */
export function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("expected a port number 0..65535 (0 picks a free one).");
  return n;
}

/** host:port, an IPv6 host in brackets, e.g. 10.0.0.5:7325 or [::1]:7325; undefined when `value` is not of that form. */
export function parseHostPort(value: string): HostPort | undefined {
  const [, bracketed, plain, digits = ""] = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d+)$/.exec(value) ?? [];
  const host = bracketed ?? plain;
  const n = Number(digits);
  return host === undefined || !(n >= 1 && n <= 65535) ? undefined : { host, port: n };
}

/** The address of a peer to connect to. */
export function hostPort(value: string): HostPort {
  const address = parseHostPort(value);
  if (address === undefined) throw new InvalidArgumentError("expected host:port, e.g. 10.0.0.5:7325 or [::1]:7325.");
  return address;
}

/** A live progress line on a terminal, rewritten in place; none elsewhere (the summary line comes at the end). */
export function progressLine<P extends { readonly phase: string }>(stream: NodeJS.WriteStream, format: (progress: P) => string): ((progress: P) => void) | undefined {
  if (!stream.isTTY) return undefined;
  return (p) => stream.write(`\r\x1b[2K${format(p)}${p.phase === "done" ? "\n" : ""}`);
}
