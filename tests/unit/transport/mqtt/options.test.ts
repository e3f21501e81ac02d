import { describe, expect, it } from "vitest";
import { MQTT_BINDING_DEFAULTS, withDefaults } from "../../../../src/transport/mqtt/options.ts";
import { DEFAULT_TOPIC_TEMPLATE } from "../../../../src/transport/topics.ts";

const url = "mqtt://127.0.0.1:1883";

describe("MQTT binding options", () => {
  it("fill every option left out from the one DEFAULTS object", () => {
    const options = withDefaults({ url });
    expect(options).toMatchObject({ ...MQTT_BINDING_DEFAULTS, clientId: expect.stringMatching(/^v2x-[0-9a-f]{12}$/) as unknown });
    expect(options.topicTemplate).toBe(DEFAULT_TOPIC_TEMPLATE);
  });

  it("give each binding its own client id unless one is given", () => {
    expect(withDefaults({ url }).clientId).not.toBe(withDefaults({ url }).clientId);
    expect(withDefaults({ url, clientId: "rsu-7" }).clientId).toBe("rsu-7");
  });

  it("merge a partial reconnect setting into the default one", () => {
    expect(withDefaults({ url, reconnect: { maxDelayMs: 500 } }).reconnect).toEqual({ ...MQTT_BINDING_DEFAULTS.reconnect, maxDelayMs: 500 });
  });

  it.each([
    [{ url: "http://broker" }, /url "http:\/\/broker" must start with mqtt:\/\//],
    [{ url, encoding: "uper" as "per" }, /encoding must be one of protobuf, json, per, gbt32960, got uper/],
    [{ url, protocolVersion: 3 as 4 }, /protocolVersion must be 4 \(MQTT 3.1.1\) or 5, got 3/],
    [{ url, topicTemplate: "v2x/{role}/{id}" }, /topic template "v2x\/\{role\}\/\{id\}" must contain \{dir\} once/],
    [{ url, maxPending: 0 }, /maxPending must be a positive integer, got 0/],
    [{ url, reconnect: { initialDelayMs: 500, maxDelayMs: 100 } }, /0 <= initialDelayMs <= maxDelayMs, got 500 and 100/],
    [{ url, reconnect: { factor: 0.5 } }, /reconnect.factor must be at least 1, got 0.5/],
    [{ url, reconnect: { jitter: 2 } }, /reconnect.jitter must be between 0 and 1, got 2/],
  ])("name the bad option: %j", (init, message) => {
    expect(() => withDefaults(init)).toThrow(message);
  });
});
