import { describe, expect, it } from "vitest";
import { WireError, isWireError } from "../../../../src/wire/gbt32960/index.ts";

describe("WireError", () => {
  it("leads its message with offset and field", () => {
    expect(new WireError("ChecksumError", "BCC mismatch: computed 0x3c, frame has 0x41", { offset: 24, field: "bcc" }).message).toBe("offset 24, bcc: BCC mismatch: computed 0x3c, frame has 0x41");
    expect(new WireError("ValueError", "no body member is set", { field: "body" }).message).toBe("body: no body member is set");
    expect(new WireError("TruncatedError", "too short").message).toBe("too short");
  });

  it("serialises to JSON with name, message, offset and field", () => {
    const error = new WireError("TruncatedError", "needs 2 bytes, 1 left in the data unit", { offset: 35, field: "realtime2016.units[0].vehicle.speed" });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "TruncatedError",
      message: "offset 35, realtime2016.units[0].vehicle.speed: needs 2 bytes, 1 left in the data unit",
      offset: 35,
      field: "realtime2016.units[0].vehicle.speed",
    });
  });

  it("is recognised by name, also when it comes from another copy of the module", () => {
    const foreign = Object.assign(new Error("x"), { name: "ChecksumError" });
    expect(isWireError(foreign)).toBe(true);
    expect(isWireError(foreign, "ChecksumError")).toBe(true);
    expect(isWireError(foreign, "LengthError")).toBe(false);
    expect(isWireError(new TypeError("x"))).toBe(false);
    expect(isWireError({ name: "ChecksumError" })).toBe(false);
  });
});
