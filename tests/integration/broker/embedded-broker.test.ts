import { connectAsync } from "mqtt";
import { describe, expect, it, onTestFinished } from "vitest";
import { startEmbeddedBroker, type EmbeddedBrokerInit } from "../../../src/transport/broker/index.ts";
import { MqttBinding, isTransportError } from "../../../src/transport/mqtt/index.ts";
import type { Observation } from "../../../src/transport/observation.ts";
import { eventually, exampleFrame } from "../../helpers/broker.ts";

async function broker(init: EmbeddedBrokerInit = {}) {
  const lines: string[] = [];
  const started = await startEmbeddedBroker({ ...init, log: (line) => lines.push(line) });
  onTestFinished(() => started.close());
  return { ...started, lines };
}

async function binding(url: string, clientId?: string): Promise<MqttBinding> {
  const b = new MqttBinding({ url, protocolVersion: 4, ...(clientId === undefined ? {} : { clientId }) });
  onTestFinished(() => b.close());
  await b.connect();
  return b;
}

describe("the embedded broker", () => {
  it("listens on a free port and relays messages between MQTT 3.1.1 clients", async () => {
    const { url, port } = await broker();
    const seen: Observation[] = [];
    await (await binding(url)).subscribe({ kind: "map" }, (o) => seen.push(o));

    expect(await (await binding(url)).publish("map", { id: "rsu-9" }, exampleFrame("map"))).toBe("acknowledged");
    await eventually(() => seen.length === 1, "the MAP at the subscriber");

    expect(port).toBeGreaterThan(0);
    expect(url).toBe(`mqtt://127.0.0.1:${port}`);
    expect(seen[0]).toMatchObject({ channel: "v2x/v1/rsu/rsu-9/up/map", decoded: { ok: true, message: exampleFrame("map") } });
  });

  it("answers an MQTT 5 client with 'unacceptable protocol version' and the binding says what to change", async () => {
    const { url } = await broker();
    const error = await new MqttBinding({ url, protocolVersion: 5 }).connect().catch((e: unknown) => e);

    expect(isTransportError(error, "connect-refused")).toBe(true);
    expect(error).toMatchObject({ reasonCode: 1 });
    expect(String(error)).toMatch(/Unacceptable protocol version \(reason code 1\); .* set protocolVersion to 4/);
  });

  it("refuses the client past maxConnections with CONNACK return code 3 and a log line, and admits again once one leaves", async () => {
    const { url, lines, stats } = await broker({ limits: { maxConnections: 2 } });
    const first = await binding(url, "first");
    await binding(url, "second");

    const refused = await new MqttBinding({ url, protocolVersion: 4, clientId: "third" }).connect().catch((e: unknown) => e);
    expect(isTransportError(refused, "connect-refused")).toBe(true);
    expect(refused).toMatchObject({ reasonCode: 3 });
    expect(lines).toEqual([`v2x broker: refused client "third": 2 clients are connected, the limit (maxConnections)`]);
    expect(stats()).toMatchObject({ connections: 2, refusedConnections: 1 });

    await first.close();
    await eventually(() => stats().connections === 1, "the first client's slot to be free");
    await binding(url, "fourth");
    expect(stats().connections).toBe(2);
  });

  it("slows a burst above publishRate down to the rate, delivering every message", async () => {
    const rate = 1000;
    const burst = 50;
    const count = 1050;
    const { url, stats } = await broker({ limits: { publishRate: rate, publishBurst: burst } });
    const seen: Observation[] = [];
    await (await binding(url)).subscribe({ kind: "map" }, (o) => seen.push(o));
    const publisher = await binding(url);
    const map = exampleFrame("map");

    const started = performance.now();
    await Promise.all(Array.from({ length: count }, (_, i) => publisher.publish("map", { id: `rsu-${i}` }, map)));
    const seconds = (performance.now() - started) / 1000;
    await eventually(() => seen.length === count, `${count} messages at the subscriber`);

    const expected = (count - burst) / rate;
    expect(seconds).toBeGreaterThan(expected / 2);
    expect(seconds).toBeLessThan(expected * 2);
    expect(stats()).toMatchObject({ admittedPublishes: count, backlog: 0, inFlight: 0 });
    expect(stats().delayedPublishes).toBeGreaterThan(count / 2);
  });

  it("disconnects a publisher whose publishes find the backlog full, and logs why", async () => {
    const { url, lines, stats } = await broker({ limits: { publishRate: 10, publishBurst: 1, maxBacklog: 20 } });
    const flooder = await connectAsync(url, { reconnectPeriod: 0, clientId: "flooder" });
    onTestFinished(() => flooder.endAsync(true));
    const closed = new Promise<void>((resolve) => flooder.once("close", () => resolve()));

    for (let i = 0; i < 200; i++) flooder.publish("lab/flood", "x", { qos: 0 });
    await closed;

    expect(stats().disconnectedForBacklog).toBeGreaterThanOrEqual(1);
    expect(lines).toContainEqual(expect.stringMatching(/^v2x broker: disconnected client "flooder": 20 publishes are waiting, the limit \(maxBacklog\)/));
    await eventually(() => stats().backlog === 0 && stats().connections === 0, "the flooder's backlog to be dropped");
  });
});
