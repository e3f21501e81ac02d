/** Where a TCP peer is, or where to listen. */
export interface TcpAddress {
  readonly host: string;
  readonly port: number;
}

/** "host:port" (an IPv6 host in brackets, e.g. [::1]:7325; port 0..65535) as an address; undefined when it is not of that form. */
export function parseTcpAddress(value: string): TcpAddress | undefined {
  const [, bracketed, plain, digits = ""] = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d{1,5})$/.exec(value) ?? [];
  const host = bracketed ?? plain;
  const port = Number(digits);
  return host === undefined || port > 65535 ? undefined : { host, port };
}
