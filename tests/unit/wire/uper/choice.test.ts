import { describe, expect, it } from "vitest";
import { isUperError } from "../../../../src/wire/uper/index.ts";
import { csae53, decodeBits, encodeBits, thrown } from "./bit-vector.ts";

describe("CHOICE", () => {
  it.each([
    // PositionOffsetLL: 7 alternatives, no `...` → 3-bit index. position-LL1 (index 0) holds
    // OffsetLL-B12 (-2048..2047) lon -1 → 2047 = 0111 1111 1111 and lat 1 → 2049 = 1000 0000 0001.
    ["PositionOffsetLL position-LL1", "PositionOffsetLL", { positionLl1: { lon: -1, lat: 1 } }, "000 011111111111 100000000001"],
    // VerticalOffset elevation is index 6 (110), then Elevation 331 → 4427 in 16 bits.
    ["VerticalOffset elevation", "VerticalOffset", { elevation: 331 }, "110 0001000101001011"],
    // TimeChangeDetails has `...`: extension bit 0, index 0 of 2 in 1 bit; TimeCountingDown (no
    // `...`, five OPTIONALs absent), startTime 0 and likelyEndTime 125 as TimeMark (0..36001,
    // 2^15 < 36002 ≤ 2^16 → 16 bits).
    ["TimeChangeDetails counting", "TimeChangeDetails", { counting: { startTime: 0, likelyEndTime: 125 } }, "0 0 00000 0000000000000000 0000000001111101"],
  ])("%s encodes and decodes as the hand-derived bits", (_name, type, value, bits) => {
    expect(encodeBits(csae53(type), value)).toBe(bits.replace(/\s/g, ""));
    expect(decodeBits(csae53(type), bits)).toEqual(value);
  });

  it("refuses a root index beyond the alternatives", () => {
    // Index 7 of PositionOffsetLL's 3 bits: only 0..6 exist.
    const error = thrown(() => decodeBits(csae53("PositionOffsetLL"), "111"));
    expect(isUperError(error, "ChoiceIndexError")).toBe(true);
    expect(error).toMatchObject({ details: { bitOffset: 0, path: "" } });
  });

  it("reports an extension alternative (such as Phase 2's msgFrameExt) as unknown", () => {
    // MessageFrame: extension bit 1, extension index 0 as a normally small number.
    const error = thrown(() => decodeBits(csae53("MessageFrame"), "1 0000000"));
    expect(isUperError(error, "UnknownExtensionError")).toBe(true);
  });

  it("refuses a value with no alternative or with two", () => {
    expect(isUperError(thrown(() => encodeBits(csae53("VerticalOffset"), {})), "ChoiceIndexError")).toBe(true);
    expect(isUperError(thrown(() => encodeBits(csae53("VerticalOffset"), { offset1: 1, offset2: 2 })), "ChoiceIndexError")).toBe(true);
  });

  it("names the alternative at fault", () => {
    const error = thrown(() => encodeBits(csae53("VerticalOffset"), { offset1: 64 }));
    expect(error).toMatchObject({ name: "ValueOutOfRangeError", details: { path: "offset1", bitOffset: 3 } });
  });
});
