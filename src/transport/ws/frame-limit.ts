import type { WebSocket } from "ws";

/** WebSocket close code "message too big" (RFC 6455 §7.4.1). */
const CLOSE_TOO_BIG = 1009;

/**
 * ws refuses a frame above `maxPayload` by closing with 1009 and an empty reason. This gives the
 * close a reason the peer can show. ws calls `close(1009)` itself before it emits the error, so
 * the reason can only be added by wrapping `close` on the socket.
 */
export function explainOversizeClose(socket: WebSocket, maxPayload: number): void {
  const close = socket.close.bind(socket);
  socket.close = (code?: number, reason?: string | Buffer) =>
    close(code, code === CLOSE_TOO_BIG && reason === undefined ? `frame larger than ${maxPayload} bytes refused (maxPayload)` : reason);
}
