import { randomBytes } from "node:crypto";
import { connectAsync, type IPublishPacket, type MqttClient } from "mqtt";
import { UtResult, type UtRequest, type UtResponse } from "../../schema/gen/v2xh/harness/v1/index.ts";
import { decodeJson, decodeProtobuf, encodeJson, encodeProtobuf, formatViolation, validateRules, type Registry } from "../../schema/index.ts";
import { contentType, parseContentType } from "../../transport/content-type.ts";
import { upperTesterTopic } from "../../transport/topics.ts";
import { DeviceError } from "../device-error.ts";
import type { Log } from "./log.ts";

export const UT_REQUEST_TYPE = "v2xh.harness.v1.UtRequest";
export const UT_RESPONSE_TYPE = "v2xh.harness.v1.UtResponse";

export { upperTesterTopic };

/** What a device says to one upper-tester request. */
export interface UtAnswer {
  readonly result: UtResult;
  readonly reason?: string;
}

export const done: UtAnswer = { result: UtResult.OK };

export function notSupported(what: string): UtAnswer {
  return { result: UtResult.NOT_SUPPORTED, reason: what };
}

export function invalidArgument(reason: string): UtAnswer {
  return { result: UtResult.INVALID_ARGUMENT, reason };
}

export type UtHandler = (request: UtRequest) => UtAnswer | Promise<UtAnswer>;

export interface UpperTesterOptions {
  readonly url: string;
  readonly deviceId: string;
  readonly protocolVersion: 4 | 5;
  /** Encoding of requests that carry no content type (MQTT 3.1.1). */
  readonly encoding: "protobuf" | "json";
  readonly registry: Registry;
  readonly handle: UtHandler;
  readonly log: Log;
}

/**
 * The device's end of the upper-tester channel: a connection of its own, so that a link the
 * harness asks the device to cut does not cut the channel the request to restore it comes on.
 * Every readable request gets one UtResponse with its request id, in the request's encoding; an
 * invalid one gets INVALID_ARGUMENT naming the broken rule.
 */
export class UpperTester {
  private readonly client: MqttClient;
  private readonly options: UpperTesterOptions;

  private constructor(client: MqttClient, options: UpperTesterOptions) {
    this.client = client;
    this.options = options;
    client.on("message", (topic, payload, packet) => void this.receive(payload, packet));
    client.on("error", (error) => options.log(`upper tester: ${error.message}`));
  }

  static async open(options: UpperTesterOptions): Promise<UpperTester> {
    const clientId = `v2x-ut-${options.deviceId}-${randomBytes(3).toString("hex")}`.slice(0, 64);
    let client: MqttClient;
    try {
      client = await connectAsync(options.url, { clientId, protocolVersion: options.protocolVersion, reconnectPeriod: 1000, connectTimeout: 10_000 }, false);
    } catch (cause) {
      throw new DeviceError("DeviceStartError", `cannot open the upper-tester channel on ${options.url}: ${(cause as Error).message}`, cause);
    }
    await client.subscribeAsync(upperTesterTopic(options.deviceId, "request"), { qos: 1 });
    return new UpperTester(client, options);
  }

  async close(): Promise<void> {
    await this.client.endAsync(false).catch(() => undefined);
  }

  private async receive(payload: Buffer, packet: IPublishPacket): Promise<void> {
    const { registry, log } = this.options;
    const announced = packet.properties?.contentType;
    const encoding = announced === undefined ? this.options.encoding : parseContentType(announced)?.encoding;
    if (encoding !== "protobuf" && encoding !== "json") {
      log(`upper tester: ignored a request in content type "${announced ?? ""}"`);
      return;
    }
    let request: UtRequest;
    try {
      request = encoding === "json" ? decodeJson<UtRequest>(registry, UT_REQUEST_TYPE, payload.toString("utf8")) : decodeProtobuf<UtRequest>(registry, UT_REQUEST_TYPE, payload);
    } catch (error) {
      log(`upper tester: ignored an unreadable request: ${(error as Error).message}`);
      return;
    }
    const violations = validateRules(registry, UT_REQUEST_TYPE, request);
    let answer: UtAnswer;
    if (violations.length > 0) answer = invalidArgument(violations.map(formatViolation).join("; "));
    else {
      try {
        answer = await this.options.handle(request);
      } catch (error) {
        answer = { result: UtResult.FAILED, reason: (error as Error).message };
      }
    }
    if (request.requestId >= 1) await this.respond({ requestId: request.requestId, ...answer }, encoding);
  }

  private async respond(response: UtResponse, encoding: "protobuf" | "json"): Promise<void> {
    const { registry, protocolVersion, deviceId, log } = this.options;
    const payload = encoding === "json" ? Buffer.from(JSON.stringify(encodeJson(registry, UT_RESPONSE_TYPE, response))) : Buffer.from(encodeProtobuf(registry, UT_RESPONSE_TYPE, response));
    const properties = protocolVersion === 5 ? { properties: { contentType: contentType(encoding, UT_RESPONSE_TYPE) } } : {};
    await this.client.publishAsync(upperTesterTopic(deviceId, "response"), payload, { qos: 1, ...properties }).catch((error: Error) => log(`upper tester: cannot answer request ${response.requestId}: ${error.message}`));
  }
}
