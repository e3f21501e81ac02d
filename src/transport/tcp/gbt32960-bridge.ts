import { randomBytes } from "node:crypto";
import { connectAsync, type IPublishPacket, type MqttClient } from "mqtt";
import type { Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { decodeJson, decodeProtobuf, encodeProtobuf, loadRegistry, type Registry } from "../../schema/index.ts";
import type { DataUnitKeys } from "../../wire/gbt32960/index.ts";
import { contentType, parseContentType } from "../content-type.ts";
import { TransportError } from "../transport-error.ts";
import { FRAME_TYPE, type Gbt32960Link } from "./gbt32960-link.ts";
import { Gbt32960TcpServer } from "./gbt32960-server.ts";
import type { TopicLayout } from "./topic-layouts.ts";
import type { TcpAddress } from "../tcp-address.ts";

export interface Gbt32960BridgeOptions {
  /** Where T-Boxes connect. Host default: "0.0.0.0"; port 0 picks a free one. */
  readonly tcp: { readonly port: number; readonly host?: string };
  /** The MQTT broker, e.g. "mqtt://127.0.0.1:1883". */
  readonly broker: string;
  readonly layout: TopicLayout;
  /**
   * Keys of encrypted data units: a T-Box's frame is decrypted before it is published. The bridge
   * encrypts nothing of its own accord: a frame for a T-Box is written as published, plain unless
   * it says AES or SM4 and carries a plain body, which is then encrypted with the key. Default: none,
   * so an encrypted data unit is published as the `encrypted` bytes.
   */
  readonly keys?: DataUnitKeys;
  /** Where the bridge says what it dropped and why. Default: nowhere. */
  readonly log?: (line: string) => void;
  readonly registry?: Registry;
}

export interface Gbt32960Bridge {
  readonly tcp: TcpAddress;
  /** T-Box connections open right now. */
  readonly connections: number;
  close(): Promise<void>;
}

const CONTENT_TYPE = contentType("protobuf", FRAME_TYPE);

/**
 * Puts TCP T-Boxes onto the MQTT bus: every frame a T-Box sends is published, as a protobuf Frame,
 * on the layout's topic for its VIN; every frame published for a VIN (a platform's answer or
 * command) is written to the connection that VIN last spoke on. The bridge answers nothing itself:
 * answering is the platform's job. Bytes that are no good frame are logged and dropped, and the
 * connection stays.
 */
export async function startGbt32960Bridge(options: Gbt32960BridgeOptions): Promise<Gbt32960Bridge> {
  const { layout, log = () => undefined } = options;
  const registry = options.registry ?? loadRegistry();
  let mqtt: MqttClient;
  try {
    mqtt = await connectAsync(options.broker, { clientId: `v2x-bridge-${randomBytes(4).toString("hex")}`, protocolVersion: 5, reconnectPeriod: 1000, connectTimeout: 10_000 });
  } catch (cause) {
    throw new TransportError("unreachable", `the bridge cannot connect to ${options.broker}: ${(cause as Error).message}`, { url: options.broker }, cause);
  }
  mqtt.on("error", (error) => log(`${options.broker}: ${error.message}`));
  const byVin = new Map<string, Gbt32960Link>();
  let server: Gbt32960TcpServer;
  try {
    await mqtt.subscribeAsync([...layout.down], { qos: 1 });
    server = await Gbt32960TcpServer.listen({ port: options.tcp.port, codec: { keys: options.keys ?? {} }, ...(options.tcp.host === undefined ? {} : { host: options.tcp.host }) });
  } catch (error) {
    await mqtt.endAsync(true);
    throw error;
  }

  server.on("connection", (link) => {
    link.on("observation", (observation) => {
      if (!observation.decoded.ok) return log(observation.decoded.error);
      const frame = observation.decoded.message as unknown as Frame;
      byVin.set(frame.uniqueId, link);
      const route = layout.up(frame.uniqueId, frame);
      if (route === undefined) return log(`${link.channel}: no topic for command 0x${frame.command.toString(16)} from ${frame.uniqueId}; dropped`);
      const payload = Buffer.from(encodeProtobuf(registry, FRAME_TYPE, frame));
      mqtt.publish(route.topic, payload, { qos: route.qos, properties: { contentType: CONTENT_TYPE } }, (error) => {
        if (error) log(`${route.topic}: not published: ${error.message}`);
      });
    });
    link.once("close", () => {
      for (const [vin, holder] of byVin) if (holder === link) byVin.delete(vin);
    });
  });

  mqtt.on("message", (topic, payload, packet) => {
    const vin = layout.vinOf(topic);
    if (vin === undefined) return;
    const link = byVin.get(vin);
    if (link === undefined) return log(`${topic}: no T-Box with VIN ${vin} is connected; dropped`);
    try {
      link.send(frameOf(registry, payload, packet));
    } catch (error) {
      log(`${topic}: not sent to ${link.channel}: ${(error as Error).message}`);
    }
  });

  return {
    tcp: { host: server.host, port: server.port },
    get connections() {
      return server.connections;
    },
    close: async () => {
      await server.close();
      await mqtt.endAsync(false).catch(() => undefined);
    },
  };
}

/** A Frame from a down message: protobuf unless its content type says JSON. */
function frameOf(registry: Registry, payload: Buffer, packet: IPublishPacket): Frame {
  const announced = packet.properties?.contentType;
  const encoding = announced === undefined ? "protobuf" : parseContentType(announced)?.encoding;
  try {
    if (encoding === "json") return decodeJson<Frame>(registry, FRAME_TYPE, payload.toString("utf8"));
    if (encoding === "protobuf") return decodeProtobuf<Frame>(registry, FRAME_TYPE, payload);
  } catch (cause) {
    throw new TransportError("wire-format", `the payload is no ${FRAME_TYPE}: ${(cause as Error).message}`, {}, cause);
  }
  throw new TransportError("wire-format", `content type "${announced ?? ""}" is neither protobuf nor JSON`);
}
