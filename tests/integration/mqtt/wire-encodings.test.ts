import { connectAsync, type IPublishPacket } from "mqtt";
import { expect, it, onTestFinished } from "vitest";
import { decodeJson, loadRegistry } from "../../../src/schema/index.ts";
import { MqttBinding, isTransportError, type MqttBindingInit } from "../../../src/transport/mqtt/index.ts";
import type { Observation } from "../../../src/transport/observation.ts";
import { decodeFrame } from "../../../src/wire/gbt32960/index.ts";
import { decodeUper } from "../../../src/wire/uper/index.ts";
import { SHARED_MOSQUITTO_URL, eventually, exampleFrame, sharedMosquittoAvailable, uniquePrefix } from "../../helpers/broker.ts";
import { describeWhen } from "../../helpers/environment.ts";
import { validFixtures } from "../../helpers/fixtures.ts";

const FRAME = "v2xh.csae53.v1.MessageFrame";
const GBT = "v2xh.gbt32960.v1.Frame";
const VIN = "LSVAU2A37K2100001";
const registry = loadRegistry();
const realtime = decodeJson(registry, GBT, validFixtures("gbt32960").find((f) => f.file.endsWith("/realtime-2016.json"))?.message);

async function binding(options: Omit<MqttBindingInit, "url">): Promise<MqttBinding> {
  const b = new MqttBinding({ url: SHARED_MOSQUITTO_URL, ...options });
  onTestFinished(() => b.close());
  await b.connect();
  return b;
}

/** A plain mqtt.js client subscribed to `filter`, recording every packet it gets. */
async function rawSubscriber(filter: string): Promise<IPublishPacket[]> {
  const client = await connectAsync(SHARED_MOSQUITTO_URL, { protocolVersion: 5, reconnectPeriod: 0 });
  onTestFinished(() => client.endAsync());
  const packets: IPublishPacket[] = [];
  client.on("message", (_topic, _payload, packet) => packets.push(packet));
  await client.subscribeAsync(filter, { qos: 1 });
  return packets;
}

function templateFor(prefix: string): string {
  return `${prefix}/{role}/{id}/{dir}/{type}`;
}

describeWhen(
  { what: "an MQTT broker on 127.0.0.1:1883", available: sharedMosquittoAvailable, hint: "install and start mosquitto (apt-get install mosquitto; service mosquitto start)" },
  "UPER and GB/T 32960 payloads through Mosquitto",
  () => {
    it("publishes a BSM in UPER announced as application/per over MQTT 5, and a protobuf binding observes it decoded", async () => {
      const topicTemplate = templateFor(uniquePrefix("per5"));
      const raw = await rawSubscriber(topicTemplate.replace("{role}/{id}/{dir}/{type}", "#"));
      const seen: Observation[] = [];
      await (await binding({ topicTemplate })).subscribe({ kind: "bsm" }, (o) => seen.push(o));
      const publisher = await binding({ topicTemplate, encoding: "per" });
      const bsm = exampleFrame("bsm");

      await publisher.publish("bsm", { id: "car-1" }, bsm);
      await eventually(() => seen.length === 1 && raw.length === 1, "the BSM at both subscribers");

      expect(raw[0]?.properties?.contentType).toBe("application/per");
      expect(decodeUper(registry, FRAME, Buffer.from(raw[0]?.payload ?? ""))).toEqual(bsm);
      expect(seen[0]).toMatchObject({ typeName: FRAME, encoding: "per", decoded: { ok: true, message: bsm } });
    });

    it("publishes a GB/T 32960 frame over MQTT 3.1.1, and a binding configured for gbt32960 observes it decoded", async () => {
      const topicTemplate = templateFor(uniquePrefix("gbt311"));
      const raw = await rawSubscriber(topicTemplate.replace("{role}/{id}/{dir}/{type}", "#"));
      const seen: Observation[] = [];
      await (await binding({ topicTemplate, protocolVersion: 4, encoding: "gbt32960" })).subscribe({ kind: "realtime" }, (o) => seen.push(o));
      const publisher = await binding({ topicTemplate, protocolVersion: 4, encoding: "gbt32960" });

      expect(await publisher.publish("realtime", { id: VIN }, realtime)).toBe("acknowledged");
      await eventually(() => seen.length === 1 && raw.length === 1, "the frame at both subscribers");

      expect(raw[0]?.properties?.contentType).toBeUndefined();
      expect(decodeFrame(Buffer.from(raw[0]?.payload ?? ""))).toEqual(realtime);
      expect(seen[0]).toMatchObject({ channel: topicTemplate.replace("{role}/{id}/{dir}/{type}", `tbox/${VIN}/up/realtime`), typeName: GBT, encoding: "gbt32960", decoded: { ok: true, message: realtime } });
    });

    it("observes malformed UPER and GB/T 32960 payloads with the field and offset they break at", async () => {
      const topicTemplate = templateFor(uniquePrefix("malformed"));
      const seen: Observation[] = [];
      const subscriber = await binding({ topicTemplate });
      await subscriber.subscribe({ kind: "bsm" }, (o) => seen.push(o));
      await subscriber.subscribe({ kind: "realtime" }, (o) => seen.push(o));
      const perPublisher = await binding({ topicTemplate, encoding: "per" });
      const gbtPublisher = await binding({ topicTemplate, encoding: "gbt32960" });

      await perPublisher.publishRaw("bsm", { id: "car-9" }, Uint8Array.from([0x00, 0x00]));
      await gbtPublisher.publishRaw("realtime", { id: VIN }, Buffer.from("##garbage", "latin1"));
      await eventually(() => seen.length === 2, "both malformed payloads");

      const errors = seen.map((o) => (o.decoded.ok ? "decoded" : o.decoded.error)).sort();
      expect(errors).toEqual([
        `${FRAME}: not valid UPER: bsmFrame.msgCnt: input ends after 4 more bits, 7 needed (at bit 12)`,
        `${GBT}: not a valid GB/T 32960 frame: offset 9, header: a frame has at least 25 bytes, got 9`,
      ]);
    });

    it("refuses to publish a kind the encoding cannot carry, naming the kind and the encoding", async () => {
      const topicTemplate = templateFor(uniquePrefix("mismatch"));
      const perBinding = await binding({ topicTemplate, encoding: "per" });
      const gbtBinding = await binding({ topicTemplate, encoding: "gbt32960" });

      const refusals = await Promise.all([
        perBinding.publish("login", { id: VIN }, realtime).catch((error: unknown) => error),
        gbtBinding.publish("bsm", { id: "car-1" }, exampleFrame("bsm")).catch((error: unknown) => error),
        gbtBinding.publishRaw("spat", { id: "rsu-1" }, new Uint8Array(3)).catch((error: unknown) => error),
      ]);

      expect(refusals.every((error) => isTransportError(error, "wire-format"))).toBe(true);
      expect(refusals.map((error) => (error as Error).message)).toEqual([
        `cannot publish login: the binding's encoding "per" carries only CSAE 53 types (v2xh.csae53.*), not ${GBT}; publish it through a binding with another encoding`,
        `cannot publish bsm: the binding's encoding "gbt32960" carries only ${GBT}, not ${FRAME}; publish it through a binding with another encoding`,
        `cannot publish spat: the binding's encoding "gbt32960" carries only ${GBT}, not ${FRAME}; publish it through a binding with another encoding`,
      ]);
    });
  },
);
