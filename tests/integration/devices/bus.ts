import { randomBytes } from "node:crypto";
import { connectAsync, type MqttClient } from "mqtt";
import { upperTesterTopic } from "../../../src/devices/index.ts";
import type { UtRequest, UtResponse } from "../../../src/schema/gen/v2xh/harness/v1/index.ts";
import { decodeProtobuf, encodeProtobuf, formatViolation, loadRegistry, validateRules } from "../../../src/schema/index.ts";
import { MqttBinding } from "../../../src/transport/mqtt/index.ts";
import type { Observation } from "../../../src/transport/observation.ts";
import { SHARED_MOSQUITTO_URL, uniquePrefix } from "../../helpers/broker.ts";

/**
 * Helpers for the device tests. Glossary: "the tap" is a subscriber that records every message
 * under a test's own topic prefix; a "template" is the topic template a test gives its devices,
 * so that tests sharing the Mosquitto never hear each other.
 */

export const BROKER = SHARED_MOSQUITTO_URL;

/** Registers cleanup for the running test: pass the test context's onTestFinished (concurrent tests must not share one). */
export type Finished = (cleanup: () => void | Promise<void>) => void;
export const registry = loadRegistry();

/** A topic template under a prefix no other test uses. */
export function uniqueTemplate(name: string): string {
  return `${uniquePrefix(name)}/{role}/{id}/{dir}/{type}`;
}

/** A 17-character VIN no other test uses. */
export function uniqueVin(): string {
  return `LTEST${randomBytes(6).toString("hex").toUpperCase()}`;
}

/** A 16-hex-digit RSU identity no other test uses. */
export function uniqueRsuId(): string {
  return randomBytes(8).toString("hex");
}

export function uniqueId(role: string): string {
  return `${role}-${randomBytes(4).toString("hex")}`;
}

/** What the message decoded to; throws with the reason when it could not be decoded. */
export function messageOf<T = Record<string, unknown>>(observation: Observation): T {
  if (!observation.decoded.ok) throw new Error(`${observation.channel}: ${observation.decoded.error}`);
  return observation.decoded.message as T;
}

/** Every rule any of the messages breaks, one line each, naming the topic. */
export function violationsOf(observations: readonly Observation[]): string[] {
  return observations.flatMap((o) => (o.decoded.ok ? validateRules(registry, o.typeName, o.decoded.message).map((v) => `${o.channel}: ${formatViolation(v)}`) : [`${o.channel}: ${o.decoded.error}`]));
}

/** Records every message under a template's prefix, decoded, with its arrival time. */
export class Tap {
  readonly observations: Observation[] = [];
  readonly binding: MqttBinding;

  private constructor(binding: MqttBinding) {
    this.binding = binding;
  }

  static async open(template: string, finished: Finished, url = BROKER): Promise<Tap> {
    const binding = new MqttBinding({ url, topicTemplate: template, registry, reconnect: { initialDelayMs: 50, maxDelayMs: 200 } });
    await binding.connect();
    const tap = new Tap(binding);
    await binding.subscribe(`${template.split("/{role}")[0] ?? ""}/#`, (o) => tap.observations.push(o));
    finished(() => binding.close());
    return tap;
  }

  /** Messages whose topic ends with `/<type>` (e.g. "bsm", "answer"), optionally only those with `part` in the topic. */
  of(type: string, part = ""): Observation[] {
    return this.observations.filter((o) => o.channel.endsWith(`/${type}`) && o.channel.includes(part));
  }

  /** Resolves once `condition` holds; rejects after `timeoutMs` saying what it waited for. */
  async until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await sleep(20);
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A plain MQTT client for sending what a binding would refuse to (raw bytes, upper-tester requests). */
export async function rawClient(finished: Finished, url = BROKER): Promise<MqttClient> {
  const client = await connectAsync(url, { protocolVersion: 5, reconnectPeriod: 0 });
  finished(() => client.endAsync());
  return client;
}

let requestIds = 0;

/** Sends an upper-tester request to a device and resolves with its response. */
export async function upperTester(client: MqttClient, deviceId: string, request: Omit<UtRequest, "requestId"> & Partial<Pick<UtRequest, "requestId">>, timeoutMs = 5000): Promise<UtResponse> {
  const requestId = ++requestIds;
  const responses = upperTesterTopic(deviceId, "response");
  await client.subscribeAsync(responses, { qos: 1 });
  const answered = new Promise<UtResponse>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no upper-tester response from ${deviceId} within ${timeoutMs} ms`)), timeoutMs);
    const listener = (topic: string, payload: Buffer): void => {
      if (topic !== responses) return;
      const response = decodeProtobuf<UtResponse>(registry, "v2xh.harness.v1.UtResponse", payload);
      if (response.requestId !== requestId) return;
      clearTimeout(timer);
      client.off("message", listener);
      resolve(response);
    };
    client.on("message", listener);
  });
  const payload = Buffer.from(encodeProtobuf(registry, "v2xh.harness.v1.UtRequest", { ...request, requestId }));
  await client.publishAsync(upperTesterTopic(deviceId, "request"), payload, { qos: 1, properties: { contentType: "application/x-protobuf; type=v2xh.harness.v1.UtRequest" } });
  return answered;
}
