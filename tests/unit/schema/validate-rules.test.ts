import { describe, expect, it } from "vitest";
import { decodeJson, formatViolation, validateRules } from "../../../src/schema/index.ts";
import { SAMPLE, sampleRegistry, validSample } from "../../helpers/sample-registry.ts";

const registry = sampleRegistry();

function violationsOf(json: Record<string, unknown>) {
  return validateRules(registry, SAMPLE, decodeJson(registry, SAMPLE, json));
}

describe("validateRules", () => {
  it("finds nothing wrong with a valid message", () => {
    expect(violationsOf(validSample())).toEqual([]);
  });

  it.each([
    ["range", { msgCnt: 128 }, "msgCnt", 128],
    ["range", { pos: { lat: 900000002 } }, "pos.lat", 900000002],
    ["range", { speed: 8192 }, "speed", 8192],
    ["range", { offset: { large: 131072 } }, "offset.large", 131072],
    ["range", { current: { value: 20001 } }, "current", 20001],
    ["enum", { light: 4 }, "light", 4],
    ["enum", { gear: "GEAR_UNSPECIFIED" }, "gear", 0],
    ["enum", { current: { marker: "MARKER_UNSPECIFIED" } }, "current", 0],
    ["required", { pos: null }, "pos", null],
    ["choice", { offset: {} }, "offset", null],
    ["choice", { current: {} }, "current", null],
    ["items", { points: [] }, "points", 0],
    ["items", { points: [{}, {}, {}, {}, {}] }, "points", 5],
    ["items", { tags: [1] }, "tags", 1],
    ["length", { id: "AQID" }, "id", 3],
    ["length", { name: "" }, "name", 0],
    ["length", { name: "much-too-long" }, "name", 13],
    ["length", { blob: "AQ==" }, "blob", 1],
    ["bits", { lights: 512 }, "lights", 512],
    ["charset", { name: "café" }, "name", "café"],
    ["sample-first-before-last", { first: 3 }, "", 3],
  ])("reports %s at the broken field (%j)", (rule, change, path, value) => {
    const violations = violationsOf({ ...validSample(), ...change });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ rule, path, value });
  });

  it("names list items and map entries in the path", () => {
    const violations = violationsOf({ ...validSample(), points: [{ lat: 0 }, { lat: -900000001 }], named: { east: { lat: 1e9 } } });
    expect(violations.map((v) => v.path)).toEqual(["points[1].lat", 'named["east"].lat']);
  });

  it("takes a data element's range, unit and clause from the element", () => {
    const [violation] = violationsOf({ ...validSample(), pos: { lat: 0, speed: 9000 } });
    expect(violation).toEqual({ path: "pos.speed", rule: "range", value: 9000, expected: "0..8191 (0.02 m/s)", clause: "sample DE_Speed" });
  });

  it("formats a violation as one line with path, rule, value, expectation and clause", () => {
    const [violation] = violationsOf({ ...validSample(), msgCnt: 200 });
    expect(violation && formatViolation(violation)).toBe("msgCnt: range (got 200, expected 0..127) [sample DE_MsgCount]");
  });

  it("accepts an empty OPTIONAL list as absent, but not a too-short one", () => {
    expect(violationsOf({ ...validSample(), tags: [] })).toEqual([]);
    expect(violationsOf({ ...validSample(), tags: [1, 2] })).toEqual([]);
  });

  it("accepts an abnormal or invalid marker in place of a reading's value", () => {
    expect(violationsOf({ ...validSample(), current: { marker: "MARKER_INVALID" } })).toEqual([]);
  });

  it("reports every broken rule, not just the first", () => {
    const violations = violationsOf({ ...validSample(), msgCnt: 300, light: 9, points: [] });
    expect(violations.map((v) => v.rule)).toEqual(["range", "items", "enum"]);
  });
});
