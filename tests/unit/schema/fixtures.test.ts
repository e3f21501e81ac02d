import { describe, expect, it } from "vitest";
import { checkSpatAgainstMap } from "../../../src/schema/checks/spat-map.ts";
import type { MessageFrame } from "../../../src/schema/gen/v2xh/csae53/v1/index.ts";
import { decodeJson, decodeProtobuf, encodeJson, encodeProtobuf, loadRegistry, validateRules } from "../../../src/schema/index.ts";
import { DOMAINS, invalidFixtures, validFixtures, type InvalidFixture } from "../../helpers/fixtures.ts";
import { jsonSchemaValidator } from "../../helpers/json-schema-validator.ts";

const registry = loadRegistry();
const ajvFor = new Map<string, (json: unknown) => boolean>();
function ajvAccepts(type: string, json: unknown): boolean {
  let validate = ajvFor.get(type);
  if (validate === undefined) {
    validate = jsonSchemaValidator(registry, type);
    ajvFor.set(type, validate);
  }
  return validate(json);
}

const FRAME = "v2xh.csae53.v1.MessageFrame";

function violationsOf(fixture: InvalidFixture) {
  const message = decodeJson(registry, fixture.type, fixture.message);
  if (fixture.map === undefined) return validateRules(registry, fixture.type, message);
  const spat = decodeJson<MessageFrame>(registry, FRAME, fixture.message).spatFrame;
  const map = decodeJson<MessageFrame>(registry, FRAME, fixture.map).mapFrame;
  if (spat === undefined || map === undefined) throw new Error(`${fixture.file}: expected a SPAT frame and a MAP frame`);
  return checkSpatAgainstMap(spat, [map], "spatFrame");
}

const RULE_KINDS = new Set(["range", "enum", "required", "choice", "items", "length", "bits", "charset"]);

describe.each(DOMAINS)("%s fixtures", (domain) => {
  const valid = validFixtures(domain);
  const invalid = invalidFixtures(domain);

  it("exist, valid and invalid", () => {
    expect(valid.length).toBeGreaterThan(0);
    expect(invalid.length).toBeGreaterThan(0);
  });

  describe.each(valid.map((f) => [f.file, f] as const))("%s", (_file, fixture) => {
    const message = decodeJson(registry, fixture.type, fixture.message);

    it("breaks no rule", () => {
      expect(validateRules(registry, fixture.type, message)).toEqual([]);
    });

    it("survives binary and JSON round trips unchanged", () => {
      const binary = encodeProtobuf(registry, fixture.type, message);
      expect(decodeProtobuf(registry, fixture.type, binary)).toEqual(message);
      const json = encodeJson(registry, fixture.type, message);
      expect(decodeJson(registry, fixture.type, JSON.stringify(json))).toEqual(message);
      expect(json).toEqual(encodeJson(registry, fixture.type, decodeJson(registry, fixture.type, fixture.message)));
    });

    it("is accepted by ajv with the exported JSON Schema", () => {
      expect(ajvAccepts(fixture.type, encodeJson(registry, fixture.type, message))).toBe(true);
    });
  });

  describe.each(invalid.map((f) => [f.file, f] as const))("%s", (_file, fixture) => {
    it(`breaks exactly one rule: ${fixture.expect.rule} at ${fixture.expect.path || "<root>"}`, () => {
      const violations = violationsOf(fixture);
      expect(violations.map((v) => ({ path: v.path, rule: v.rule }))).toEqual([fixture.expect]);
    });

    if (fixture.map === undefined) {
      it(`is ${RULE_KINDS.has(fixture.expect.rule) ? "rejected" : "accepted (named checks are not JSON Schema)"} by ajv`, () => {
        const json = encodeJson(registry, fixture.type, decodeJson(registry, fixture.type, fixture.message));
        expect(ajvAccepts(fixture.type, json)).toBe(!RULE_KINDS.has(fixture.expect.rule));
      });
    }
  });
});
