export { TransportError, isTransportError, type TransportErrorCode, type TransportErrorDetails } from "../transport-error.ts";

/** The numeric reason code mqtt.js puts on its errors (`ErrorWithReasonCode.code`), if any. */
export function reasonCodeOf(error: unknown): number | undefined {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === "number" ? code : undefined;
}
