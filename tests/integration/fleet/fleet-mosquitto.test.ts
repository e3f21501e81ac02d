import { expect, it, onTestFinished } from "vitest";
import { formatViolation, loadRegistry, validateRules } from "../../../src/schema/index.ts";
import { fleetScenario, runFleet } from "../../../src/sim/fleet/index.ts";
import { MqttBinding } from "../../../src/transport/mqtt/index.ts";
import type { Observation } from "../../../src/transport/observation.ts";
import { eventually, SHARED_MOSQUITTO_URL, sharedMosquittoAvailable, uniquePrefix } from "../../helpers/broker.ts";
import { describeWhen } from "../../helpers/environment.ts";

const registry = loadRegistry();

describeWhen(
  { what: "Mosquitto on 127.0.0.1:1883", available: sharedMosquittoAvailable, hint: "install and start mosquitto (apt-get install mosquitto)" },
  "a fleet of 200 vehicles on the shared Mosquitto",
  () => {
    it("sends 10 Hz BSMs, T-Box and RSU traffic that a subscriber receives whole, decodes and validates", async () => {
      const prefix = uniquePrefix("fleet");
      const topicTemplate = `${prefix}/{role}/{id}/{dir}/{type}`;
      const received: Observation[] = [];
      const subscriber = new MqttBinding({ url: SHARED_MOSQUITTO_URL, topicTemplate, registry });
      onTestFinished(() => subscriber.close());
      await subscriber.connect();
      await subscriber.subscribe(`${prefix}/#`, (o) => received.push(o));

      const scenario = fleetScenario("yizhuang-arterial", { vehicles: 200 });
      const summary = await runFleet({
        scenario: (start) => scenario.at(start),
        broker: SHARED_MOSQUITTO_URL,
        duration: 3000,
        realtimePeriodMs: 1000,
        topicTemplate,
        clientIdPrefix: `${prefix.replace(/\//g, "-")}-`,
        connectRate: 2000,
        registry,
      });
      console.info(`fleet on Mosquitto: ${summary.messages.sent} sent, ${summary.sentPerSecond.toFixed(0)}/s, lateness p50 ${summary.lateness.p50} ms p99 ${summary.lateness.p99} ms`);

      expect(summary.completed).toBe(true);
      expect(summary.connections).toMatchObject({ sessions: 202, everConnected: 202, neverConnected: 0 });
      // 200 vehicles × 10 Hz × 3 s; nothing dropped or skipped at this size.
      expect(summary.byKind.bsm?.sent).toBe(6000);
      expect(summary.messages.sent).toBe(summary.messages.due);
      expect(summary.lateness.count).toBe(summary.messages.sent);
      expect(summary.lateness.p99).not.toBeNull();

      await eventually(() => received.length >= summary.messages.sent, `${summary.messages.sent} messages at the subscriber (${received.length} so far)`);
      expect(received).toHaveLength(summary.messages.sent);
      const byKind = new Map<string, number>();
      for (const o of received) byKind.set(o.channel.split("/").at(-1)!, (byKind.get(o.channel.split("/").at(-1)!) ?? 0) + 1);
      expect(Object.fromEntries(byKind)).toEqual(Object.fromEntries(Object.entries(summary.byKind).map(([kind, counts]) => [kind, counts.sent])));
      const broken = received.flatMap((o) => (o.decoded.ok ? validateRules(registry, o.typeName, o.decoded.message).map((v) => `${o.channel}: ${formatViolation(v)}`) : [`${o.channel}: ${o.decoded.error}`]));
      expect(broken.slice(0, 10)).toEqual([]);
    });

    it("speaks MQTT 3.1.1 too, where the topic alone names the message type", async () => {
      const prefix = uniquePrefix("fleet-v4");
      const topicTemplate = `${prefix}/{role}/{id}/{dir}/{type}`;
      const received: Observation[] = [];
      const subscriber = new MqttBinding({ url: SHARED_MOSQUITTO_URL, topicTemplate, registry, protocolVersion: 4 });
      onTestFinished(() => subscriber.close());
      await subscriber.connect();
      await subscriber.subscribe(`${prefix}/#`, (o) => received.push(o));

      const scenario = fleetScenario("yizhuang-arterial", { vehicles: 20 });
      const summary = await runFleet({
        scenario: (start) => scenario.at(start),
        broker: SHARED_MOSQUITTO_URL,
        duration: 1000,
        realtimePeriodMs: 1000,
        protocolVersion: 4,
        connections: { kind: "shared", connections: 2 },
        topicTemplate,
        clientIdPrefix: `${prefix.replace(/\//g, "-")}-`,
        registry,
      });
      expect(summary.byKind.bsm?.sent).toBe(200);
      await eventually(() => received.length >= summary.messages.sent, `${summary.messages.sent} messages at the subscriber (${received.length} so far)`);
      expect(received.filter((o) => !o.decoded.ok)).toEqual([]);
      expect(new Set(received.map((o) => o.typeName))).toEqual(new Set(["v2xh.csae53.v1.MessageFrame", "v2xh.gbt32960.v1.Frame"]));
    });
  },
);
