import { once } from "node:events";
import { connect, createServer, type AddressInfo, type Socket } from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";
import { startLinkProxy } from "../../../src/transport/link-proxy.ts";

/** A TCP server that echoes what it receives. */
async function echoServer(): Promise<number> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.pipe(socket);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  onTestFinished(() => {
    for (const s of sockets) s.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return (server.address() as AddressInfo).port;
}

async function client(port: number): Promise<Socket> {
  const socket = connect({ host: "127.0.0.1", port });
  onTestFinished(() => void socket.destroy());
  await once(socket, "connect");
  return socket;
}

async function echoed(socket: Socket, text: string): Promise<string> {
  socket.write(text);
  const [data] = (await once(socket, "data")) as [Buffer];
  return data.toString();
}

describe("the link proxy in the SUT's path", () => {
  it("forwards both ways, closes live connections when cut, refuses new ones until restored", async () => {
    const proxy = await startLinkProxy({ upstream: { host: "127.0.0.1", port: await echoServer() } });
    onTestFinished(() => proxy.close());
    const first = await client(proxy.port);
    expect(await echoed(first, "hello")).toBe("hello");
    expect(proxy.connections).toBe(1);

    const closed = once(first, "close");
    proxy.cut();
    await closed;
    expect(proxy.isCut).toBe(true);
    const refused = connect({ host: "127.0.0.1", port: proxy.port });
    await once(refused, "close");
    expect(proxy.connections).toBe(0);

    proxy.restore();
    expect(await echoed(await client(proxy.port), "again")).toBe("again");
  });

  it("says which port it could not listen on", async () => {
    const proxy = await startLinkProxy({ upstream: { host: "127.0.0.1", port: 1 } });
    onTestFinished(() => proxy.close());
    await expect(startLinkProxy({ port: proxy.port, upstream: { host: "127.0.0.1", port: 1 } })).rejects.toThrow(`the link proxy cannot listen on 127.0.0.1:${proxy.port}`);
  });
});
