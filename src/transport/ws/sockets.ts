import type { IncomingMessage } from "node:http";
import { WebSocket, WebSocketServer, type ServerOptions } from "ws";
import { explainOversizeClose } from "./frame-limit.ts";
import { TransportError } from "../transport-error.ts";

export interface OpenSocketOptions {
  readonly protocols: readonly string[];
  readonly maxPayload: number;
  readonly timeoutMs: number;
}

/**
 * Opens a client WebSocket. Rejects with a "connect-refused" TransportError that carries the HTTP status and the body
 * of a refused handshake (servers put the reason there), or a "timeout" one.
 */
export function openSocket(url: string, options: OpenSocketOptions): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, [...options.protocols], { maxPayload: options.maxPayload, handshakeTimeout: options.timeoutMs });
    const fail = (error: TransportError): void => {
      socket.removeAllListeners();
      socket.on("error", () => undefined);
      socket.terminate();
      reject(error);
    };
    socket.once("unexpected-response", (request, response) => {
      readBody(response)
        .then((body) => {
          const status = response.statusCode ?? 0;
          request.destroy();
          fail(new TransportError("connect-refused", `${url}: handshake refused with HTTP ${status}${body === "" ? "" : `: ${body}`}`, { url, httpStatus: status, closeReason: body }));
        })
        .catch((cause: unknown) => fail(new TransportError("connect-refused", `${url}: handshake refused`, { url }, cause)));
    });
    socket.once("error", (cause) => {
      const timedOut = /timed out/i.test(cause.message);
      fail(new TransportError(timedOut ? "timeout" : "unreachable", `${url}: ${cause.message}`, { url }, cause));
    });
    socket.once("open", () => {
      socket.removeAllListeners();
      explainOversizeClose(socket, options.maxPayload);
      resolve(socket);
    });
  });
}

const MAX_REFUSAL_BODY = 1024;

function readBody(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => {
      if (body.length < MAX_REFUSAL_BODY) body += chunk;
    });
    response.on("end", () => resolve(body.slice(0, MAX_REFUSAL_BODY).trim()));
    response.on("error", reject);
  });
}

/** Starts a WebSocket server and resolves once it listens, with the URL clients reach it at. */
export function listenSocketServer(options: ServerOptions & { host: string; port: number }): Promise<{ server: WebSocketServer; url: string }> {
  return new Promise((resolve, reject) => {
    const server = new WebSocketServer(options);
    server.once("error", (cause) =>
      reject(new TransportError("listen-failed", `cannot listen on ${options.host}:${options.port}: ${cause.message}`, {}, cause)),
    );
    server.once("listening", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : options.port;
      const host = options.host.includes(":") ? `[${options.host}]` : options.host;
      resolve({ server, url: `ws://${host}:${port}` });
    });
  });
}

/** How long a closing peer gets to answer the close handshake before the socket is dropped, in ms. */
const CLOSE_GRACE_MS = 1000;

/** Closes `socket` and resolves once it is closed; a peer that does not answer the close is cut off. */
export function closeSocket(socket: WebSocket, code: number, reason?: string): Promise<void> {
  if (socket.readyState === socket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const cutOff = setTimeout(() => socket.terminate(), CLOSE_GRACE_MS);
    socket.once("close", () => {
      clearTimeout(cutOff);
      resolve();
    });
    socket.close(code, reason);
  });
}
