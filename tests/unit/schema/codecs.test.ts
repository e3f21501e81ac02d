import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeJson,
  decodeProtobuf,
  encodeJson,
  encodeProtobuf,
  isSchemaError,
  SchemaError,
} from "../../../src/schema/index.ts";
import { SAMPLE, sampleRegistry, validSample } from "../../helpers/sample-registry.ts";

const registry = sampleRegistry();

function decodeError(run: () => unknown): SchemaError {
  try {
    run();
  } catch (error) {
    if (isSchemaError(error, "DecodeError")) return error;
    throw error;
  }
  throw new Error("expected a DecodeError");
}

describe("JSON codec", () => {
  it("round-trips canonical JSON through the decoded object unchanged", () => {
    const message = decodeJson(registry, SAMPLE, validSample());
    expect(encodeJson(registry, SAMPLE, message)).toEqual(validSample());
  });

  it("decodes to the same object as protobuf binary does", () => {
    const fromJson = decodeJson(registry, SAMPLE, JSON.stringify(validSample()));
    const fromBinary = decodeProtobuf(registry, SAMPLE, encodeProtobuf(registry, SAMPLE, fromJson));
    expect(fromBinary).toEqual(fromJson);
    expect(fromJson["big"]).toBe(12345678901234567n);
  });

  it("accepts proto field names as well as lowerCamelCase names", () => {
    const message = decodeJson(registry, SAMPLE, { msg_cnt: 7 });
    expect(message["msgCnt"]).toBe(7);
  });

  it("keeps an optional field that is set to its default", () => {
    const message = decodeJson(registry, SAMPLE, { pos: { lat: 1, speed: 0 } });
    expect(encodeJson(registry, SAMPLE, message)["pos"]).toEqual({ lat: 1, speed: 0 });
  });

  it.each([
    [{ msgCnt: 1, colour: "red" }, "colour", /unknown field "colour"/],
    [{ msgCnt: "fast" }, "msgCnt", /expected an integer, got "fast"/],
    [{ msgCnt: 1.5 }, "msgCnt", /expected an integer/],
    [{ msgCnt: 5_000_000_000 }, "msgCnt", /does not fit/],
    [{ light: "LIGHT_BLUE" }, "light", /unknown Light value "LIGHT_BLUE"/],
    [{ id: "not base64!" }, "id", /expected base64/],
    [{ pos: [] }, "pos", /expected a JSON object/],
    [{ points: {} }, "points", /expected a JSON array/],
    [{ points: [{ lat: "x" }] }, "points[0].lat", /expected an integer/],
    [{ offset: { small: 1, large: 2 } }, "offset.large", /set only one/],
    [{ big: "-1" }, "big", /does not fit/],
  ])("rejects %j naming the field", (json, path, message) => {
    const error = decodeError(() => decodeJson(registry, SAMPLE, json));
    expect(error.details.path).toBe(path);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${SAMPLE}: ${path}: `)).toBe(true);
  });

  it("rejects text that is not JSON, and input over the size limit", () => {
    expect(decodeError(() => decodeJson(registry, SAMPLE, "{msgCnt:")).message).toMatch(/not valid JSON/);
    expect(decodeError(() => decodeJson(registry, SAMPLE, "{}", { maxInputSize: 1 })).message).toMatch(/larger than the limit of 1 characters/);
  });
});

describe("protobuf codec", () => {
  it("names the type and the offset of truncated input", () => {
    const bytes = encodeProtobuf(registry, SAMPLE, decodeJson(registry, SAMPLE, validSample()));
    // Bytes 0-1 are msgCnt; byte 2 starts the 8-byte id, so 6 bytes end inside it.
    const error = decodeError(() => decodeProtobuf(registry, SAMPLE, bytes.subarray(0, 6)));
    expect(error.message).toMatch(new RegExp(`^${SAMPLE}: not valid protobuf binary`));
    expect(error.details.typeName).toBe(SAMPLE);
    expect(typeof error.details.offset).toBe("number");
  });

  it("refuses input over the size limit before reading it", () => {
    expect(decodeError(() => decodeProtobuf(registry, SAMPLE, new Uint8Array(10), { maxInputSize: 9 })).message).toMatch(/larger than the limit/);
  });

  it("throws only DecodeErrors on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          decodeProtobuf(registry, SAMPLE, bytes);
        } catch (error) {
          if (!isSchemaError(error, "DecodeError")) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("errors", () => {
  it("serialises to JSON with name, message and details", () => {
    const error = decodeError(() => decodeJson(registry, SAMPLE, { msgCnt: "x" }));
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: "DecodeError", message: error.message, typeName: SAMPLE, path: "msgCnt" });
  });

  it("asks for an unknown type by name and suggests a near one", () => {
    expect(() => registry.messageType("Sample")).toThrow(/no message type "Sample" \(did you mean "v2xh.sample.v1.Sample"\?\)/);
  });
});
