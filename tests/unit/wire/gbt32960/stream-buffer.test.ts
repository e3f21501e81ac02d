import { describe, expect, it } from "vitest";
import { StreamBuffer } from "../../../../src/wire/gbt32960/stream-buffer.ts";

describe("StreamBuffer", () => {
  it("addresses bytes by stream position across growth and dropping", () => {
    const buffer = new StreamBuffer();
    const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) & 0xff);
    for (let at = 0; at < bytes.length; at += 300) {
      buffer.append(bytes.subarray(at, at + 300));
      buffer.dropBefore(Math.max(0, at - 500));
    }
    expect(buffer.start).toBe(4300);
    expect(buffer.end).toBe(5000);
    expect(buffer.at(4321)).toBe(bytes[4321]);
    expect(buffer.copy(4990, 5000)).toEqual(bytes.subarray(4990, 5000));
  });

  it("gives the XOR of any held range", () => {
    const buffer = new StreamBuffer();
    buffer.append(Uint8Array.from([0x01, 0x02, 0x04, 0x08]));
    buffer.dropBefore(1);
    buffer.append(Uint8Array.from({ length: 3000 }, () => 0x10));
    expect(buffer.xor(1, 4)).toBe(0x0e);
    expect(buffer.xor(2, 5)).toBe(0x1c);
    expect(buffer.xor(4, 3004)).toBe(0x00);
  });
});
