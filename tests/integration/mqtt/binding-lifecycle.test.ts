import { once } from "node:events";
import { describe, expect, it, onTestFinished } from "vitest";
import { startEmbeddedBroker } from "../../../src/transport/broker/index.ts";
import { MqttBinding, isTransportError, type MqttBindingInit, type TransportError } from "../../../src/transport/mqtt/index.ts";
import type { Observation } from "../../../src/transport/observation.ts";
import { eventually, exampleFrame, freePort } from "../../helpers/broker.ts";

// These run against the embedded broker (MQTT 3.1.1), which every machine has.

async function broker() {
  const started = await startEmbeddedBroker({ log: () => undefined });
  onTestFinished(() => started.close());
  return started;
}

function binding(init: MqttBindingInit): MqttBinding {
  const b = new MqttBinding({ protocolVersion: 4, ...init });
  onTestFinished(() => b.close());
  return b;
}

describe("MqttBinding lifecycle", () => {
  it("rejects connect() with 'unreachable' when nothing listens, and closes", async () => {
    const url = `mqtt://127.0.0.1:${await freePort()}`;
    const b = binding({ url });
    const closed = once(b, "close");

    const error = await b.connect().catch((e: unknown) => e);
    await closed;

    expect(isTransportError(error, "unreachable")).toBe(true);
    expect(String(error)).toMatch(new RegExp(`cannot connect to ${url}: .*ECONNREFUSED`));
    await expect(b.publish("map", { id: "x" }, exampleFrame("map"))).rejects.toMatchObject({ code: "closed" });
  });

  it("with reconnecting disabled, goes offline and then closes when the broker goes away", async () => {
    const { url, close } = await broker();
    const b = binding({ url, reconnect: { initialDelayMs: 0 } });
    await b.connect();
    const events: string[] = [];
    b.on("offline", (cause) => events.push(`offline:${cause.code}`));
    b.on("close", () => events.push("close"));

    await close();
    await eventually(() => events.includes("close"), "the binding to close");

    expect(events).toEqual(["offline:connection-lost", "close"]);
  });

  it("holds QoS 1 messages while reconnecting, and close() rejects them with 'closed'", async () => {
    const { url, close } = await broker();
    const b = binding({ url, reconnect: { initialDelayMs: 50 } });
    await b.connect();
    await close();
    await eventually(() => !b.connected, "the binding to notice");

    const held = b.publish("map", { id: "rsu-1" }, exampleFrame("map"));
    const dropped = await b.publish("bsm", { id: "car-1" }, exampleFrame("bsm"));
    expect(b.pendingCount).toBe(1);
    await b.close();

    expect(dropped).toBe("dropped");
    await expect(held).rejects.toMatchObject({ name: "TransportError", code: "closed" });
    expect(b.pendingCount).toBe(0);
  });

  it("decodes each message once for every handler and the observation tap, and reports a throwing handler as an error", async () => {
    const { url } = await broker();
    const subscriber = binding({ url });
    await subscriber.connect();
    const tapped: Observation[] = [];
    const handled: Observation[] = [];
    const errors: TransportError[] = [];
    subscriber.on("observation", (o) => tapped.push(o));
    subscriber.on("error", (e) => errors.push(e));
    await subscriber.subscribe({ kind: "map" }, () => {
      throw new Error("handler bug");
    });
    await subscriber.subscribe("v2x/v1/rsu/#", (o) => handled.push(o));
    const publisher = binding({ url });
    await publisher.connect();

    await publisher.publish("map", { id: "rsu-2" }, exampleFrame("map"));
    await eventually(() => handled.length === 1 && errors.length === 1, "the MAP at both handlers");

    expect(tapped).toHaveLength(1);
    expect(handled[0]).toBe(tapped[0]);
    expect(errors[0]).toMatchObject({ code: "handler-failed", message: "a handler subscribed to v2x/v1/rsu/+/up/map threw on v2x/v1/rsu/rsu-2/up/map: handler bug" });
  });

  it("turns a handler error into a process warning, not a crash, when nobody listens for errors", async () => {
    const { url } = await broker();
    const b = binding({ url });
    await b.connect();
    await b.subscribe({ kind: "map" }, () => {
      throw new Error("unheard");
    });
    const warning = once(process, "warning") as Promise<[Error]>;

    await b.publish("map", { id: "rsu-3" }, exampleFrame("map"));

    const [error] = await warning;
    expect(isTransportError(error, "handler-failed")).toBe(true);
  });

  it("rejects a subscription to a malformed filter with 'subscribe-refused'", async () => {
    const { url } = await broker();
    const b = binding({ url });
    await b.connect();

    await expect(b.subscribe("v2x/#/bsm", () => undefined)).rejects.toMatchObject({ code: "subscribe-refused", message: expect.stringMatching(/cannot subscribe to v2x\/#\/bsm/) as unknown });
  });
});
