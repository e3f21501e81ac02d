import { describe, expect, it } from "vitest";
import { decodeJson, encodeJson, toJsonSchema, validateRules } from "../../../src/schema/index.ts";
import { jsonSchemaValidator } from "../../helpers/json-schema-validator.ts";
import { SAMPLE, sampleRegistry, validSample } from "../../helpers/sample-registry.ts";

const registry = sampleRegistry();
const ajvAccepts = jsonSchemaValidator(registry, SAMPLE);

const variants: Record<string, unknown>[] = [
  {},
  { msgCnt: 128 },
  { msgCnt: 0 },
  { speed: 8192 },
  { pos: { lat: 900000002 } },
  { pos: null },
  { light: 4 },
  { light: "LIGHT_UNAVAILABLE" },
  { gear: "GEAR_UNSPECIFIED" },
  { points: [] },
  { points: [{}, {}, {}, {}, {}] },
  { id: "AQID" },
  { id: "" },
  { name: "" },
  { name: "much-too-long" },
  { name: "café" },
  { lights: 512 },
  { lights: 511 },
  { offset: {} },
  { offset: { large: -131073 } },
  { current: {} },
  { current: { value: 0 } },
  { current: { marker: "MARKER_UNSPECIFIED" } },
  { current: { marker: "MARKER_ABNORMAL" } },
  { blob: "AQ==" },
  { blob: "AQI=" },
  { blob: "AQIDBAUGBw==" },
  { blob: "AQIDBAUGBwg=" },
  { named: { a: { lat: -900000001 } } },
  { tags: [] },
  { tags: [1] },
  { tags: [1, 2] },
  { tags: [1, 2, 3, 4] },
];

describe("toJsonSchema", () => {
  it("is a draft 2020-12 schema whose root refers to the type's definition", () => {
    const schema = toJsonSchema(registry, SAMPLE);
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema["$ref"]).toBe(`#/$defs/${SAMPLE}`);
    expect(Object.keys(schema["$defs"] as object)).toContain("v2xh.sample.v1.Point");
  });

  it("lists the named checks it cannot express", () => {
    const defs = toJsonSchema(registry, SAMPLE)["$defs"] as Record<string, Record<string, unknown>>;
    expect(defs[SAMPLE]?.["$comment"]).toMatch(/sample-first-before-last/);
  });

  it.each(variants.map((change) => [JSON.stringify(change), change]))("agrees with the rule validator on %s", (_name, change) => {
    const message = decodeJson(registry, SAMPLE, { ...validSample(), ...change });
    const canonical = encodeJson(registry, SAMPLE, message);
    const validatorAccepts = validateRules(registry, SAMPLE, message).length === 0;
    expect(ajvAccepts(canonical)).toBe(validatorAccepts);
  });

  it("has variants on both sides, so agreement means something", () => {
    const outcomes = variants.map((change) => validateRules(registry, SAMPLE, decodeJson(registry, SAMPLE, { ...validSample(), ...change })).length === 0);
    expect(outcomes.filter(Boolean).length).toBeGreaterThan(4);
    expect(outcomes.filter((ok) => !ok).length).toBeGreaterThan(15);
  });
});
