import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeJson, decodeProtobuf, encodeJson, encodeProtobuf, isSchemaError, loadRegistry, validateRules } from "../../../src/schema/index.ts";
import { arbitraryMessage } from "../../helpers/arbitrary-message.ts";
import { DOMAINS, validFixtures } from "../../helpers/fixtures.ts";

const registry = loadRegistry();
const RULE_KINDS = new Set(["range", "enum", "required", "choice", "items", "length", "bits", "charset"]);
const topLevelTypes = [...new Set(DOMAINS.flatMap((domain) => validFixtures(domain).map((fixture) => fixture.type)))].sort();

/** Runs a decoder; anything it throws must be a DecodeError. */
function decodesOrRefuses(decode: () => unknown): void {
  try {
    decode();
  } catch (error) {
    if (!isSchemaError(error, "DecodeError")) throw error;
  }
}

describe.each(topLevelTypes)("%s", (type) => {
  const messages = arbitraryMessage(registry, type);

  it("random messages that keep the field rules break none and survive binary and JSON round trips", () => {
    fc.assert(
      fc.property(messages, (json) => {
        const message = decodeJson(registry, type, json);
        expect(validateRules(registry, type, message).filter((v) => RULE_KINDS.has(v.rule))).toEqual([]);
        expect(decodeProtobuf(registry, type, encodeProtobuf(registry, type, message))).toEqual(message);
        expect(decodeJson(registry, type, JSON.stringify(encodeJson(registry, type, message)))).toEqual(message);
      }),
      { numRuns: 60 },
    );
  });

  it("truncated and bit-flipped encodings decode or give a DecodeError", () => {
    fc.assert(
      fc.property(messages, fc.nat(), fc.nat(), (json, cut, flip) => {
        const bytes = encodeProtobuf(registry, type, decodeJson(registry, type, json));
        decodesOrRefuses(() => decodeProtobuf(registry, type, bytes.subarray(0, cut % (bytes.length + 1))));
        const flipped = Uint8Array.from(bytes);
        if (flipped.length > 0) flipped[flip % flipped.length] = (flipped[flip % flipped.length] ?? 0) ^ (1 << flip % 8);
        decodesOrRefuses(() => decodeProtobuf(registry, type, flipped));
      }),
      { numRuns: 150 },
    );
  });

  it("random bytes decode or give a DecodeError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => decodesOrRefuses(() => decodeProtobuf(registry, type, bytes))),
      { numRuns: 300 },
    );
  });

  it("random JSON decodes or gives a DecodeError", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (json) => {
        decodesOrRefuses(() => decodeJson(registry, type, json));
        decodesOrRefuses(() => decodeJson(registry, type, JSON.stringify(json).slice(0, -1)));
      }),
      { numRuns: 200 },
    );
  });
});
