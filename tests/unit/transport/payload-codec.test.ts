import { describe, expect, it } from "vitest";
import { decodeJson, isSchemaError, loadRegistry } from "../../../src/schema/index.ts";
import type { Encoding } from "../../../src/transport/observation.ts";
import { ENCODINGS, decodePayload, encodePayload, encodingMismatch } from "../../../src/transport/payload-codec.ts";
import { exampleFrame } from "../../helpers/broker.ts";
import { validFixtures } from "../../helpers/fixtures.ts";

const registry = loadRegistry();
const FRAME = "v2xh.csae53.v1.MessageFrame";
const GBT = "v2xh.gbt32960.v1.Frame";
const bsm = exampleFrame("bsm");
const realtime = decodeJson(registry, GBT, validFixtures("gbt32960").find((f) => f.file.endsWith("/realtime-2016.json"))?.message);

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("payload codec", () => {
  it.each([
    ["protobuf", FRAME, bsm],
    ["json", FRAME, bsm],
    ["per", FRAME, bsm],
    ["protobuf", GBT, realtime],
    ["json", GBT, realtime],
    ["gbt32960", GBT, realtime],
  ] as [Encoding, string, Record<string, unknown>][])("round-trips %s payloads of %s", (encoding, typeName, message) => {
    const decoded = decodePayload(registry, typeName, encoding, encodePayload(registry, typeName, message, encoding));
    expect(decoded).toEqual(message);
  });

  it("lists every encoding", () => {
    expect([...ENCODINGS].sort()).toEqual(["gbt32960", "json", "per", "protobuf"]);
  });

  it.each([
    ["per", GBT, "carries only CSAE 53 types (v2xh.csae53.*), not v2xh.gbt32960.v1.Frame"],
    ["per", "v2xh.vss.v1.VissMessage", "carries only CSAE 53 types (v2xh.csae53.*), not v2xh.vss.v1.VissMessage"],
    ["gbt32960", FRAME, "carries only v2xh.gbt32960.v1.Frame, not v2xh.csae53.v1.MessageFrame"],
  ] as [Encoding, string, string][])("says why %s cannot carry %s, and refuses it both ways", (encoding, typeName, reason) => {
    expect(encodingMismatch(encoding, typeName)).toBe(reason);
    expect(() => encodePayload(registry, typeName, {}, encoding)).toThrow(`${typeName}: the ${encoding} encoding ${reason}`);
    expect(isSchemaError(thrown(() => decodePayload(registry, typeName, encoding, new Uint8Array(4))), "DecodeError")).toBe(true);
  });

  it("lets protobuf and JSON carry every type", () => {
    expect(encodingMismatch("protobuf", GBT)).toBeUndefined();
    expect(encodingMismatch("json", "v2xh.vss.v1.VissMessage")).toBeUndefined();
  });

  it("names the field and the bit offset of malformed UPER in a DecodeError", () => {
    const bytes = encodePayload(registry, FRAME, bsm, "per");
    const error = thrown(() => decodePayload(registry, FRAME, "per", bytes.subarray(0, 10)));
    expect(isSchemaError(error, "DecodeError")).toBe(true);
    expect((error as Error).message).toMatch(new RegExp(`^${FRAME}: not valid UPER: bsmFrame\\.\\S+: .* \\(at bit \\d+\\)$`));
    expect(error).toMatchObject({ details: { typeName: FRAME, path: expect.stringMatching(/^bsmFrame\./) as unknown, offset: expect.any(Number) as unknown } });
  });

  it("names the byte offset and the field of a malformed GB/T 32960 frame in a DecodeError", () => {
    const bytes = encodePayload(registry, GBT, realtime, "gbt32960");
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
    const error = thrown(() => decodePayload(registry, GBT, "gbt32960", bytes));
    expect(isSchemaError(error, "DecodeError")).toBe(true);
    expect((error as Error).message).toMatch(new RegExp(`^${GBT}: not a valid GB/T 32960 frame: offset ${bytes.length - 1}, bcc: `));
  });

  it("names the field a value breaks when it cannot be written", () => {
    const badId = { bsmFrame: { ...(bsm.bsmFrame as object), id: new Uint8Array(4) } };
    expect(() => encodePayload(registry, FRAME, badId, "per")).toThrow(new RegExp(`^${FRAME}: cannot be written in UPER: bsmFrame\\.id: `));
    expect(() => encodePayload(registry, GBT, { ...realtime, uniqueId: "short" }, "gbt32960")).toThrow(new RegExp(`^${GBT}: cannot be written as a GB/T 32960 frame: offset 4, uniqueId: expected 17 characters, got 5$`));
  });
});
