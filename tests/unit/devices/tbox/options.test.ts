import { describe, expect, it } from "vitest";
import { settingsOf } from "../../../../src/devices/tbox/options.ts";

describe("T-Box options", () => {
  it("default to the factory settings and read the platform's address from the broker URL", () => {
    expect(settingsOf({ broker: "mqtt://10.0.0.5:1884" })).toEqual({
      reportIntervalMs: 10_000,
      alarmIntervalMs: 1000,
      heartbeatIntervalMs: 30_000,
      answerTimeoutMs: 60_000,
      loginRetryIntervalMs: 1_800_000,
      host: "10.0.0.5",
      port: 1884,
    });
  });

  it.each([
    [{ reportIntervalMs: 1500 }, "reportIntervalMs must be whole seconds from 1 to 600 (1000..600000 ms), got 1500"],
    [{ heartbeatIntervalMs: 300_000 }, "heartbeatIntervalMs must be whole seconds from 1 to 240 (1000..240000 ms), got 300000"],
    [{ alarmIntervalMs: 0 }, "alarmIntervalMs must be an integer 1..60000 ms, got 0"],
    [{ broker: "nowhere" }, 'broker "nowhere" is not a URL such as mqtt://127.0.0.1:1883'],
  ])("refuse %j, saying what they take", (options, message) => {
    expect(() => settingsOf({ broker: "mqtt://127.0.0.1:1883", ...options })).toThrow(message);
  });
});
