import { fileURLToPath } from "node:url";
import { defineCheck } from "../../src/schema/checks/check.ts";
import { loadRegistry, type Registry } from "../../src/schema/index.ts";

export const SAMPLE = "v2xh.sample.v1.Sample";

/** The small schema in tests/fixtures/schema-sample, with its one named check. */
export function sampleRegistry(): Registry {
  return loadRegistry({
    protoDir: fileURLToPath(new URL("../fixtures/schema-sample/", import.meta.url)),
    checks: {
      "sample-first-before-last": defineCheck<{ first: number; last: number }>((m, path) =>
        m.first <= m.last ? [] : [{ path, rule: "sample-first-before-last", value: m.first, expected: `<= last (${m.last})`, clause: "" }],
      ),
    },
  });
}

/** A valid Sample in canonical JSON. */
export function validSample(): Record<string, unknown> {
  return {
    msgCnt: 5,
    id: "AQIDBAUGBwg=",
    speed: 500,
    pos: { lat: 399000000, speed: 8191 },
    points: [{ lat: 1 }, { lat: -1 }],
    light: "LIGHT_RED",
    gear: "GEAR_DRIVE",
    lights: 0b101,
    name: "node-1",
    offset: { small: -12 },
    current: { value: 10500 },
    big: "12345678901234567",
    first: 1,
    last: 2,
  };
}
