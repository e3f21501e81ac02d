import { connectAsync, type MqttClient } from "mqtt";
import { UtResult, type UtRequest, type UtResponse } from "../schema/gen/v2xh/harness/v1/index.ts";
import { decodeJson, decodeProtobuf, encodeJson, encodeProtobuf, type Registry } from "../schema/index.ts";
import { contentType } from "../transport/content-type.ts";
import { upperTesterTopic } from "../transport/topics.ts";
import { HarnessError } from "./harness-error.ts";
import type { BusPixit } from "./pixit.ts";
import type { EvidenceItem } from "./verdict.ts";

const REQUEST = "v2xh.harness.v1.UtRequest";
const RESPONSE = "v2xh.harness.v1.UtResponse";

/** An upper-tester request without its id (one member of the request CHOICE). */
export type UtStimulus = UtRequest extends infer U ? (U extends unknown ? Omit<U, "requestId"> : never) : never;

/**
 * The harness's end of the upper-tester channel (ARCHITECTURE.md §5): asks the SUT to do things on
 * v2x/v1/ut/<sutId>/request and reads its answers on …/response. A connection of its own, so that
 * cutting the SUT's data link leaves it alone.
 */
export class UpperTesterClient {
  private readonly client: MqttClient;
  private readonly sutId: string;
  private readonly registry: Registry;
  private readonly encoding: "protobuf" | "json";
  private readonly waiting = new Map<number, (response: UtResponse) => void>();
  private nextId = 1;

  private constructor(client: MqttClient, sutId: string, registry: Registry, encoding: "protobuf" | "json") {
    this.client = client;
    this.sutId = sutId;
    this.registry = registry;
    this.encoding = encoding;
    client.on("message", (_topic, payload) => this.receive(payload));
  }

  static async open(bus: BusPixit, sutId: string, registry: Registry): Promise<UpperTesterClient> {
    let client: MqttClient;
    try {
      client = await connectAsync(bus.url, { protocolVersion: bus.protocolVersion, reconnectPeriod: 500, ...(bus.username === undefined ? {} : { username: bus.username }), ...(bus.password === undefined ? {} : { password: bus.password }) });
      await client.subscribeAsync(upperTesterTopic(sutId, "response"), { qos: 1 });
    } catch (cause) {
      throw new HarnessError("HarnessFault", `cannot open the upper-tester channel on ${bus.url}: ${(cause as Error).message}`, cause);
    }
    return new UpperTesterClient(client, sutId, registry, bus.encoding);
  }

  /** Sends one request; resolves with the SUT's response, or undefined after `timeoutMs`. */
  async request(stimulus: UtStimulus, timeoutMs = 5000): Promise<UtResponse | undefined> {
    const requestId = this.nextId++;
    const request: UtRequest = { ...stimulus, requestId };
    const payload = this.encoding === "protobuf" ? Buffer.from(encodeProtobuf(this.registry, REQUEST, request)) : Buffer.from(JSON.stringify(encodeJson(this.registry, REQUEST, request)));
    const answered = new Promise<UtResponse | undefined>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId);
        resolve(undefined);
      }, timeoutMs);
      this.waiting.set(requestId, (response) => {
        clearTimeout(timer);
        resolve(response);
      });
    });
    await this.client.publishAsync(upperTesterTopic(this.sutId, "request"), payload, { qos: 1, properties: { contentType: contentType(this.encoding, REQUEST) } });
    return answered;
  }

  /** Sends a request that must succeed: resolves with its evidence, rejects with a HarnessFault saying what the SUT answered. */
  async requestOk(stimulus: UtStimulus, summary: string): Promise<EvidenceItem> {
    const at = Date.now();
    const response = await this.request(stimulus);
    if (response === undefined) throw new HarnessError("HarnessFault", `the SUT's upper tester did not answer: ${summary}`);
    if (response.result !== UtResult.OK) throw new HarnessError("HarnessFault", `the SUT's upper tester refused (${String(response.result)}${response.reason === undefined ? "" : `: ${response.reason}`}): ${summary}`);
    return { at, kind: "stimulus", channel: upperTesterTopic(this.sutId, "request"), summary, message: stimulus };
  }

  async close(): Promise<void> {
    await this.client.endAsync(true).catch(() => undefined);
  }

  private receive(payload: Buffer): void {
    let response: UtResponse;
    try {
      response = payload[0] === 0x7b ? decodeJson<UtResponse>(this.registry, RESPONSE, JSON.parse(payload.toString("utf8"))) : decodeProtobuf<UtResponse>(this.registry, RESPONSE, payload);
    } catch {
      return;
    }
    this.waiting.get(response.requestId)?.(response);
    this.waiting.delete(response.requestId);
  }
}
