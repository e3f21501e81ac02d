import { once } from "node:events";
import { expect, it, onTestFinished } from "vitest";
import { MqttBinding, isTransportError, type DroppedMessage, type PublishOutcome } from "../../../src/transport/mqtt/index.ts";
import type { Observation } from "../../../src/transport/observation.ts";
import { eventually, exampleFrame, mosquittoBinaryAvailable, startOwnMosquitto, startTcpGate, uniquePrefix } from "../../helpers/broker.ts";
import { describeWhen } from "../../helpers/environment.ts";

const MAX_PENDING = 300;

describeWhen(
  { what: "the mosquitto binary", available: mosquittoBinaryAvailable, hint: "install mosquitto (apt-get install mosquitto)" },
  "a broker that is killed and restarted mid-run",
  () => {
    it("keeps every accepted QoS 1 message, resends it after the reconnect, and bounds what it holds", async () => {
      const mosquitto = await startOwnMosquitto();
      onTestFinished(() => mosquitto.stop());
      // The publisher reaches the broker through a gate, so that after the restart the subscriber
      // is back (and subscribed) before the publisher resends.
      const gate = await startTcpGate(mosquitto.port);
      onTestFinished(() => gate.close());
      const topicTemplate = `${uniquePrefix("outage")}/{role}/{id}/{dir}/{type}`;
      const reconnect = { initialDelayMs: 20, maxDelayMs: 100 };

      const received: string[] = [];
      const subscriber = new MqttBinding({ url: mosquitto.url, topicTemplate, reconnect });
      onTestFinished(() => subscriber.close());
      await subscriber.connect();
      await subscriber.subscribe({ kind: "map" }, (o: Observation) => received.push(o.channel.split("/").at(-3) ?? ""));

      const publisher = new MqttBinding({ url: gate.url, topicTemplate, reconnect, maxPending: MAX_PENDING });
      onTestFinished(() => publisher.close());
      const events: string[] = [];
      publisher.on("offline", (cause) => events.push(`offline:${cause.code}`));
      publisher.on("reconnect", (attempt) => events.push(`reconnect:${attempt}`));
      publisher.on("connect", () => events.push("connect"));
      const dropped: DroppedMessage[] = [];
      publisher.on("dropped", (message) => dropped.push(message));
      await publisher.connect();

      const map = exampleFrame("map");
      const publishes = new Map<string, Promise<PublishOutcome>>();
      // Which messages the restarted broker acknowledged: those the binding held or resent.
      let reconnected = false;
      publisher.on("connect", () => (reconnected = true));
      const acknowledgedAfterRestart = new Set<string>();
      const publish = (id: string): void => {
        const outcome = publisher.publish("map", { id }, map);
        outcome.then((result) => reconnected && result === "acknowledged" && acknowledgedAfterRestart.add(id)).catch(() => undefined); // settled and inspected below
        publishes.set(id, outcome);
      };

      // Publishing runs on while the broker dies under it, with a burst in flight when it does.
      for (let i = 0; i < 120; i++) {
        publish(`m${i}`);
        if (i === 80) await mosquitto.kill();
        else if (i < 60 && i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await eventually(() => !publisher.connected, "the publisher to notice the outage");

      // Offline: QoS 1 is held up to maxPending, then refused; QoS 0 is reported dropped.
      let refused: unknown;
      for (let i = 120; i < 120 + MAX_PENDING + 10 && refused === undefined; i++) {
        if (publisher.pendingCount >= MAX_PENDING) {
          refused = await publisher.publish("map", { id: `over${i}` }, map).catch((error: unknown) => error);
        } else {
          publish(`m${i}`);
        }
      }
      expect(isTransportError(refused, "pending-limit")).toBe(true);
      expect(String(refused)).toMatch(new RegExp(`${MAX_PENDING} pending messages, the limit \\(maxPending\\) is ${MAX_PENDING}`));
      expect(await publisher.publish("bsm", { id: "v1" }, exampleFrame("bsm"))).toBe("dropped");
      expect(dropped).toContainEqual(expect.objectContaining({ qos: 0, reason: "offline" }));

      gate.cut();
      const subscriberBack = once(subscriber, "connect");
      await mosquitto.restart();
      await subscriberBack;
      gate.restore();
      const outcomes = await Promise.all([...publishes].map(async ([id, p]) => [id, await p.catch((e: unknown) => e)] as const));

      const accepted = outcomes.filter(([, outcome]) => outcome === "acknowledged").map(([id]) => id);
      expect(accepted).toHaveLength(publishes.size);
      // A message the first broker acknowledged and then lost to kill -9 (no persistence) is the
      // broker's loss; what the binding held or resent is acknowledged by the restarted broker and
      // must all arrive.
      const held = [...acknowledgedAfterRestart];
      expect(held.length).toBeGreaterThan(MAX_PENDING / 2);
      await eventually(() => held.every((id) => received.includes(id)), "every message acknowledged after the restart at the subscriber");
      const duplicates = received.length - new Set(received).size;
      console.info(`broker outage: ${accepted.length} QoS 1 messages accepted, none lost, ${duplicates} delivered twice`);
      expect(events.slice(0, 3)).toEqual(["connect", "offline:connection-lost", "reconnect:1"]);
      expect(events.at(-1)).toBe("connect");
      expect(events.filter((e) => e === "connect")).toHaveLength(2);
      expect(publisher.pendingCount).toBe(0);
    });
  },
);
