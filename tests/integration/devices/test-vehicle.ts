import { readFileSync } from "node:fs";
import type { MqttClient } from "mqtt";
import { heartbeatFrame, loginFrame, realtimeFrame, timeCalibrationRequestFrame } from "../../../src/devices/tbox/frames.ts";
import type { Frame, RealtimeData2016 } from "../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { decodeJson } from "../../../src/schema/index.ts";
import { beijingTime } from "../../../src/sim/index.ts";
import { MqttBinding } from "../../../src/transport/mqtt/index.ts";
import { BROKER, registry, type Finished } from "./bus.ts";

const EXAMPLE = decodeJson<Frame>(registry, "v2xh.gbt32960.v1.Frame", readFileSync("proto/examples/gbt32960/realtime-2016.json", "utf8"));

/** Realtime data collected at `epochMs`, from the shipped example report. */
export function exampleData(epochMs: number): RealtimeData2016 {
  if (EXAMPLE.realtime2016 === undefined) throw new Error("the example is not a 2016 realtime report");
  return { ...EXAMPLE.realtime2016, time: beijingTime(epochMs) };
}

/** The test playing one T-Box towards a platform, sending what a T-Box would and what it should not. */
export class TestVehicle {
  readonly vin: string;
  private readonly binding: MqttBinding;
  private readonly raw: MqttClient;
  private readonly template: string;

  private constructor(vin: string, binding: MqttBinding, raw: MqttClient, template: string) {
    this.vin = vin;
    this.binding = binding;
    this.raw = raw;
    this.template = template;
  }

  static async connect(vin: string, template: string, raw: MqttClient, finished: Finished): Promise<TestVehicle> {
    const binding = new MqttBinding({ url: BROKER, topicTemplate: template, registry });
    await binding.connect();
    finished(() => binding.close());
    return new TestVehicle(vin, binding, raw, template);
  }

  async login(serial: number): Promise<void> {
    await this.binding.publish("login", { id: this.vin }, loginFrame({ vin: this.vin, iccid: "89860000000000000001", ressCodes: [] }, beijingTime(Date.now()), serial));
  }

  async report(collectedAt: number, data: (d: RealtimeData2016) => RealtimeData2016 = (d) => d): Promise<void> {
    await this.binding.publish("realtime", { id: this.vin }, realtimeFrame(this.vin, data(exampleData(collectedAt))));
  }

  /** Bytes that are no protobuf Frame at all, on the realtime topic. */
  async garbage(): Promise<void> {
    const topic = this.template.replace("{role}", "tbox").replace("{id}", this.vin).replace("{dir}", "up").replace("{type}", "realtime");
    await this.raw.publishAsync(topic, Buffer.from([0x0a, 0xff, 0xff, 0x13]), { qos: 1, properties: { contentType: "application/x-protobuf; type=v2xh.gbt32960.v1.Frame" } });
  }

  async heartbeat(): Promise<void> {
    await this.binding.publish("heartbeat", { id: this.vin }, heartbeatFrame(this.vin));
  }

  async askTime(): Promise<void> {
    await this.binding.publish("timeCalibration", { id: this.vin }, timeCalibrationRequestFrame(this.vin));
  }
}
