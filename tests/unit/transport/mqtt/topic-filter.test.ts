import { describe, expect, it } from "vitest";
import { matchesFilter } from "../../../../src/transport/mqtt/topic-filter.ts";

describe("matchesFilter", () => {
  it.each([
    ["v2x/v1/obu/+/up/bsm", "v2x/v1/obu/veh-1/up/bsm", true],
    ["v2x/v1/obu/+/up/bsm", "v2x/v1/obu/veh-1/up/map", false],
    ["v2x/v1/obu/+/up/bsm", "v2x/v1/obu/veh-1/up/bsm/extra", false],
    ["v2x/#", "v2x/v1/obu/veh-1/up/bsm", true],
    ["v2x/#", "v2x", true],
    ["#", "anything/at/all", true],
    ["+/+", "a/b", true],
    ["+/+", "a", false],
    ["a/b", "a/b", true],
    ["a/b", "a/B", false],
    ["#", "$SYS/broker/uptime", false],
    ["+/broker/uptime", "$SYS/broker/uptime", false],
    ["$SYS/#", "$SYS/broker/uptime", true],
  ])("%s against %s: %s", (filter, topic, expected) => {
    expect(matchesFilter(filter, topic)).toBe(expected);
  });
});
