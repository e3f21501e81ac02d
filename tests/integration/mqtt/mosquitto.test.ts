import { connectAsync, type IPublishPacket, type MqttClient } from "mqtt";
import { expect, it, onTestFinished } from "vitest";
import { encodeProtobuf, loadRegistry } from "../../../src/schema/index.ts";
import { MqttBinding, type MqttBindingInit } from "../../../src/transport/mqtt/index.ts";
import type { Observation } from "../../../src/transport/observation.ts";
import { SHARED_MOSQUITTO_URL, eventually, exampleFrame, sharedMosquittoAvailable, uniquePrefix } from "../../helpers/broker.ts";
import { describeWhen } from "../../helpers/environment.ts";

const FRAME = "v2xh.csae53.v1.MessageFrame";

async function binding(options: Omit<MqttBindingInit, "url">): Promise<MqttBinding> {
  const b = new MqttBinding({ url: SHARED_MOSQUITTO_URL, ...options });
  onTestFinished(() => b.close());
  await b.connect();
  return b;
}

/** A plain mqtt.js client subscribed to `filter`, recording every packet it gets. */
async function rawSubscriber(filter: string, protocolVersion: 4 | 5): Promise<IPublishPacket[]> {
  const client = await connectAsync(SHARED_MOSQUITTO_URL, { protocolVersion, reconnectPeriod: 0 });
  onTestFinished(() => client.endAsync());
  const packets: IPublishPacket[] = [];
  client.on("message", (_topic, _payload, packet) => packets.push(packet));
  await client.subscribeAsync(filter, { qos: 2 });
  return packets;
}

async function rawPublisher(protocolVersion: 4 | 5): Promise<MqttClient> {
  const client = await connectAsync(SHARED_MOSQUITTO_URL, { protocolVersion, reconnectPeriod: 0 });
  onTestFinished(() => client.endAsync());
  return client;
}

function collect(into: Observation[]): (o: Observation) => void {
  return (o) => into.push(o);
}

describeWhen(
  { what: "an MQTT broker on 127.0.0.1:1883", available: sharedMosquittoAvailable, hint: "install and start mosquitto (apt-get install mosquitto; service mosquitto start)" },
  "MqttBinding against Mosquitto",
  () => {
    it("delivers a message over MQTT 5 as one decoded observation, typed by the content type it announces", async () => {
      const prefix = uniquePrefix("mqtt5");
      const topicTemplate = `${prefix}/{role}/{id}/{dir}/{type}`;
      const raw = await rawSubscriber(`${prefix}/#`, 5);
      // The subscriber would read JSON without a content type; the protobuf payload decodes only if it honours the announced one.
      const subscriber = await binding({ topicTemplate, encoding: "json", timeSource: () => 1_700_000_000_000 });
      const seen: Observation[] = [];
      await subscriber.subscribe({ kind: "bsm" }, collect(seen));
      const publisher = await binding({ topicTemplate, protocolVersion: 5 });
      const bsm = exampleFrame("bsm");

      expect(await publisher.publish("bsm", { id: "car-1" }, bsm)).toBe("written");
      await eventually(() => seen.length === 1 && raw.length === 1, "the BSM at both subscribers");

      expect(raw[0]?.properties?.contentType).toBe(`application/x-protobuf; type=${FRAME}`);
      expect(seen[0]).toMatchObject({ channel: `${prefix}/obu/car-1/up/bsm`, typeName: FRAME, encoding: "protobuf", receivedAt: 1_700_000_000_000 });
      expect(seen[0]?.decoded).toEqual({ ok: true, message: bsm });
      expect(Buffer.from(seen[0]?.raw ?? [])).toEqual(Buffer.from(encodeProtobuf(loadRegistry(), FRAME, bsm)));
    });

    it("over MQTT 3.1.1 sends no content type, and the receiver decodes with its configured encoding", async () => {
      const prefix = uniquePrefix("mqtt311");
      const topicTemplate = `${prefix}/{role}/{id}/{dir}/{type}`;
      const raw = await rawSubscriber(`${prefix}/#`, 5);
      const asJson: Observation[] = [];
      const asProtobuf: Observation[] = [];
      await (await binding({ topicTemplate, protocolVersion: 4, encoding: "json" })).subscribe({ kind: "spat" }, collect(asJson));
      await (await binding({ topicTemplate, protocolVersion: 4, encoding: "protobuf" })).subscribe({ kind: "spat" }, collect(asProtobuf));
      const publisher = await binding({ topicTemplate, protocolVersion: 4, encoding: "json" });
      const spat = exampleFrame("spat");

      await publisher.publish("spat", { id: "rsu-1" }, spat);
      await eventually(() => asJson.length === 1 && asProtobuf.length === 1 && raw.length === 1, "the SPAT at every subscriber");

      expect(raw[0]?.properties?.contentType).toBeUndefined();
      expect(raw[0]?.payload.toString().startsWith('{"spatFrame":')).toBe(true);
      expect(asJson[0]).toMatchObject({ typeName: FRAME, encoding: "json", decoded: { ok: true, message: spat } });
      expect(asProtobuf[0]).toMatchObject({ typeName: FRAME, encoding: "protobuf", decoded: { ok: false } });
    });

    it("publishes each kind at the QoS of its policy unless the options override it", async () => {
      const prefix = uniquePrefix("qos");
      const topicTemplate = `${prefix}/{role}/{id}/{dir}/{type}`;
      const raw = await rawSubscriber(`${prefix}/#`, 5);
      const byPolicy = await binding({ topicTemplate });
      const overridden = await binding({ topicTemplate, qos: { bsm: 1, map: 0 } });

      expect(await byPolicy.publish("bsm", { id: "policy" }, exampleFrame("bsm"))).toBe("written");
      expect(await byPolicy.publish("map", { id: "policy" }, exampleFrame("map"))).toBe("acknowledged");
      expect(await overridden.publish("bsm", { id: "override" }, exampleFrame("bsm"))).toBe("acknowledged");
      expect(await overridden.publish("map", { id: "override" }, exampleFrame("map"))).toBe("written");
      await eventually(() => raw.length === 4, "four messages");

      const qosByTopic = Object.fromEntries(raw.map((p) => [p.topic.slice(prefix.length + 1), p.qos]));
      expect(qosByTopic).toEqual({ "obu/policy/up/bsm": 0, "rsu/policy/up/map": 1, "obu/override/up/bsm": 1, "rsu/override/up/map": 0 });
    });

    it("turns an undecodable payload into an observation that names the type and the field", async () => {
      const prefix = uniquePrefix("undecodable");
      const topicTemplate = `${prefix}/{role}/{id}/{dir}/{type}`;
      const seen: Observation[] = [];
      const subscriber = await binding({ topicTemplate });
      await subscriber.subscribe({ kind: "bsm" }, collect(seen));
      const raw = await rawPublisher(5);

      await raw.publishAsync(`${prefix}/obu/bad-1/up/bsm`, Buffer.from([0x0a, 0xff, 0x01]), { qos: 1 });
      await raw.publishAsync(`${prefix}/obu/bad-2/up/bsm`, '{"bsmFrame": {"speed": "fast"}}', { qos: 1, properties: { contentType: "application/json" } });
      await raw.publishAsync(`${prefix}/obu/bad-3/up/bsm`, "x", { qos: 1, properties: { contentType: "text/plain" } });
      await eventually(() => seen.length === 3, "three observations");

      const errors: Record<string, string> = Object.fromEntries(seen.map((o) => [o.channel.split("/").at(-3) ?? "", o.decoded.ok ? "decoded" : o.decoded.error]));
      expect(errors["bad-1"]).toMatch(/^v2xh\.csae53\.v1\.MessageFrame: not valid protobuf binary/);
      expect(errors["bad-2"]).toMatch(/^v2xh\.csae53\.v1\.MessageFrame: bsmFrame\.speed: expected an integer, got "fast"/);
      expect(errors["bad-3"]).toMatch(/unknown content type "text\/plain"/);
      expect(seen.map((o) => o.raw.length)).toEqual([3, 31, 1]);
    });

    it("publishes raw bytes unchecked on a kind's topic with the encoding's content type, for malformed stimuli", async () => {
      const prefix = uniquePrefix("raw");
      const topicTemplate = `${prefix}/{role}/{id}/{dir}/{type}`;
      const raw = await rawSubscriber(`${prefix}/#`, 5);
      const publisher = await binding({ topicTemplate });
      const garbage = Uint8Array.from([0xff, 0x00, 0x13]);

      expect(await publisher.publishRaw("map", { id: "rsu-x" }, garbage)).toBe("acknowledged");
      await eventually(() => raw.length === 1, "the raw MAP");

      expect(raw[0]).toMatchObject({ topic: `${prefix}/rsu/rsu-x/up/map`, qos: 1 });
      expect(raw[0]?.properties?.contentType).toBe(`application/x-protobuf; type=${FRAME}`);
      expect(Buffer.from(raw[0]?.payload ?? [])).toEqual(Buffer.from(garbage));
    });

    it("renders topics from the template given in the options, and subscribes to one device by id", async () => {
      const prefix = uniquePrefix("template");
      const topicTemplate = `${prefix}/lab/{type}/{dir}/{role}/{id}`;
      const raw = await rawSubscriber(`${prefix}/#`, 4);
      const seen: Observation[] = [];
      const subscriber = await binding({ topicTemplate });
      const subscription = await subscriber.subscribe({ kind: "bsm", id: "car-7" }, collect(seen));
      const publisher = await binding({ topicTemplate });

      await publisher.publish("bsm", { id: "car-7" }, exampleFrame("bsm"));
      await publisher.publish("bsm", { id: "car-8" }, exampleFrame("bsm"));
      await eventually(() => raw.length === 2 && seen.length === 1, "both BSMs at the raw subscriber, one at the binding");
      await subscription.unsubscribe();
      await publisher.publish("bsm", { id: "car-7" }, exampleFrame("bsm"));
      await eventually(() => raw.length === 3, "the third BSM at the raw subscriber");

      expect(subscription.filter).toBe(`${prefix}/lab/bsm/up/obu/car-7`);
      expect(raw.map((p) => p.topic)).toEqual([`${prefix}/lab/bsm/up/obu/car-7`, `${prefix}/lab/bsm/up/obu/car-8`, `${prefix}/lab/bsm/up/obu/car-7`]);
      expect(seen.map((o) => o.channel)).toEqual([`${prefix}/lab/bsm/up/obu/car-7`]);
    });
  },
);
