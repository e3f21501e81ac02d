import { describe, expect, it } from "vitest";
import { decodeJson } from "../../../../src/schema/index.ts";
import { decodeUper, encodeUper, isUperError, UperError } from "../../../../src/wire/uper/index.ts";
import { validFixtures } from "../../../helpers/fixtures.ts";
import { FRAME, registry, thrown } from "./bit-vector.ts";

const bsm = decodeJson<Record<string, Record<string, unknown>>>(registry, FRAME, validFixtures("csae53").find((f) => f.file.endsWith("/bsm.json"))?.message);
const bsmBytes = encodeUper(registry, FRAME, bsm);

function withBsm(change: Record<string, unknown>): unknown {
  return { bsmFrame: { ...bsm["bsmFrame"], ...change } };
}

describe("decoding malformed input", () => {
  it("throws a PrematureEndError for every truncation of a BSM", () => {
    for (let length = 0; length < bsmBytes.length; length++) {
      const error = thrown(() => decodeUper(registry, FRAME, bsmBytes.subarray(0, length)));
      expect(isUperError(error, "PrematureEndError"), `truncated to ${length} octets`).toBe(true);
      expect((error as UperError).details.bitOffset).toBeLessThanOrEqual(length * 8);
    }
  });

  it("names the component where the input ran out", () => {
    // 11 octets: the frame header, bitmap, msgCnt (19 bits) and the 64-bit id end at bit 83, so
    // the 16-bit secMark is cut.
    const error = thrown(() => decodeUper(registry, FRAME, bsmBytes.subarray(0, 11)));
    expect(error).toMatchObject({ name: "PrematureEndError", details: { path: "bsmFrame.secMark", bitOffset: 83 } });
  });

  it("throws a ChoiceIndexError for a MessageFrame index beyond RSI", () => {
    // First nibble 0 101: root index 5, and only 0..4 exist.
    const bytes = Uint8Array.from(bsmBytes);
    bytes[0] = ((bytes[0] ?? 0) & 0x0f) | 0x50;
    const error = thrown(() => decodeUper(registry, FRAME, bytes));
    expect(error).toMatchObject({ name: "ChoiceIndexError", details: { bitOffset: 0, path: "" } });
  });

  it("throws a LengthMismatchError for octets after the message", () => {
    const error = thrown(() => decodeUper(registry, FRAME, Uint8Array.from([...bsmBytes, 0])));
    expect(error).toMatchObject({ name: "LengthMismatchError", details: { bitOffset: bsmBytes.length * 8 } });
  });

  it("refuses input beyond maxInputSize before reading it", () => {
    const error = thrown(() => decodeUper(registry, FRAME, new Uint8Array(100), { maxInputSize: 99 }));
    expect(isUperError(error, "LengthMismatchError")).toBe(true);
  });
});

describe("encoding values the constraints do not allow", () => {
  it("names the path and bit offset of an out-of-range speed", () => {
    // Speed starts after frame header 4, extension bit and bitmap 8, msgCnt 7, id 64, secMark 16,
    // timeConfidence 6, pos 1 + 31 + 32 + 16, posAccuracy 8 + 8 + 16, posConfidence 1 + 4 + 4 and
    // transmission 3 bits: at bit 229.
    const error = thrown(() => encodeUper(registry, FRAME, withBsm({ speed: 8192 })));
    expect(error).toMatchObject({ name: "ValueOutOfRangeError", details: { path: "bsmFrame.speed", bitOffset: 229 } });
    expect((error as Error).message).toMatch(/^bsmFrame\.speed: expected 0\.\.8191, got 8192 \(at bit \d+\)$/);
  });

  it("names the path inside lists and CHOICEs", () => {
    const safetyExt = bsm["bsmFrame"]?.["safetyExt"] as { pathHistory: { crumbData: Record<string, unknown>[] } };
    const crumbs = safetyExt.pathHistory.crumbData.map((crumb, index) => (index === 1 ? { ...crumb, llvOffset: { offsetLL: { positionLl1: { lon: 4000, lat: 0 } } } } : crumb));
    const error = thrown(() => encodeUper(registry, FRAME, withBsm({ safetyExt: { ...safetyExt, pathHistory: { ...safetyExt.pathHistory, crumbData: crumbs } } })));
    expect(error).toMatchObject({ name: "ValueOutOfRangeError", details: { path: "bsmFrame.safetyExt.pathHistory.crumbData[1].llvOffset.offsetLL.positionLl1.lon" } });
  });

  it("throws a ChoiceIndexError for a frame with no message", () => {
    expect(isUperError(thrown(() => encodeUper(registry, FRAME, {})), "ChoiceIndexError")).toBe(true);
  });

  it("throws an InvalidValueError for a value of the wrong shape", () => {
    expect(isUperError(thrown(() => encodeUper(registry, FRAME, null)), "InvalidValueError")).toBe(true);
    expect(isUperError(thrown(() => encodeUper(registry, FRAME, withBsm({ id: "WjyeEQfSS2g=" }))), "InvalidValueError")).toBe(true);
  });
});

describe("UperError", () => {
  const error = new UperError("ValueOutOfRangeError", "expected 0..8191, got 9000", { bitOffset: 120, path: "bsmFrame.speed" });

  it("serialises to JSON with its name, message, bit offset and path", () => {
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "ValueOutOfRangeError",
      message: "bsmFrame.speed: expected 0..8191, got 9000 (at bit 120)",
      bitOffset: 120,
      path: "bsmFrame.speed",
    });
  });

  it("is recognised by name and shape, also from a second copy of the module", () => {
    const copy = Object.assign(new Error("x"), { name: "PrematureEndError", details: { bitOffset: 3, path: "" } });
    expect(isUperError(copy)).toBe(true);
    expect(isUperError(copy, "PrematureEndError")).toBe(true);
    expect(isUperError(copy, "ChoiceIndexError")).toBe(false);
    expect(isUperError(Object.assign(new Error("x"), { name: "PrematureEndError" }))).toBe(false);
    expect(isUperError(new Error("x"))).toBe(false);
  });
});
