import { describe, expect, it } from "vitest";
import { Encryption, type Frame } from "../../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { checkHexBlock, decodeFrame, encodeFrame, isWireError, parseKeySettings, withEncryption } from "../../../../src/wire/gbt32960/index.ts";
import { fromHex, readHexFixture } from "./hex.ts";

const AES = "000102030405060708090a0b0c0d0e0f";
const SM4 = "0123456789ABCDEFFEDCBA9876543210";
const IV = "0f0e0d0c0b0a09080706050403020100";

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("nothing was thrown");
}

describe("parseKeySettings", () => {
  it("gives no keys for no settings", () => {
    expect(parseKeySettings({})).toEqual({});
  });

  it("gives ECB keys without an iv, of either case of hex digit", () => {
    expect(parseKeySettings({ aesKey: AES, sm4Key: SM4 })).toEqual({ aes: { key: fromHex(AES) }, sm4: { key: fromHex(SM4) } });
  });

  it("gives CBC keys sharing the iv when one is set", () => {
    const iv = fromHex(IV);
    expect(parseKeySettings({ aesKey: AES, sm4Key: SM4, iv: IV })).toEqual({ aes: { key: fromHex(AES), mode: "cbc", iv }, sm4: { key: fromHex(SM4), mode: "cbc", iv } });
  });

  it("throws a ValueError naming the setting and what is wrong with its value, without repeating the value", () => {
    const short = thrownBy(() => parseKeySettings({ aesKey: AES.slice(2) }));
    expect(isWireError(short, "ValueError")).toBe(true);
    expect((short as Error).message).toBe("aesKey: expected 32 hex digits (16 bytes), got 30");
    expect((thrownBy(() => parseKeySettings({ sm4Key: `${SM4.slice(1)}g` })) as Error).message).toBe("sm4Key: expected 32 hex digits (16 bytes), got 32 characters, not all of them hex digits");
    expect((thrownBy(() => parseKeySettings({ aesKey: AES, iv: `${IV}00` })) as Error).message).toBe("iv: expected 32 hex digits (16 bytes), got 34");
  });

  it("checkHexBlock returns the problem, or undefined for a good value", () => {
    expect(checkHexBlock(AES)).toBeUndefined();
    expect(checkHexBlock("")).toBe("expected 32 hex digits (16 bytes), got 0");
    expect(checkHexBlock(`0x${AES.slice(2)}`)).toMatch(/not all of them hex digits/);
  });

  it("gives keys that decrypt a frame encrypted with them, and not one in the other mode", () => {
    const ecb = parseKeySettings({ aesKey: AES });
    const cbc = parseKeySettings({ aesKey: AES, iv: IV });
    const frame: Frame = { ...decodeFrame(readHexFixture("realtime-2016-all-units")), encryption: Encryption.AES };
    const bytes = encodeFrame(frame, { keys: cbc });
    expect(decodeFrame(bytes, { keys: cbc })).toEqual(frame);
    expect(() => decodeFrame(bytes, { keys: ecb })).toThrow(/cannot decrypt with aes-128-ecb/);
  });
});

describe("withEncryption", () => {
  const heartbeat = decodeFrame(fromHex("232307fe4c53564155324133374b32313030303031010000ab"));
  const timeCalibration = decodeFrame(fromHex("232308fe4c53564155324133374b32313030303031010000a4"));
  const report = decodeFrame(readHexFixture("realtime-2016-all-units"));

  it("marks a frame that has a data unit", () => {
    expect(withEncryption(report, Encryption.AES)).toEqual({ ...report, encryption: Encryption.AES });
  });

  it("leaves the heartbeat, the time calibration request, an answer without time and ciphertext as they are", () => {
    const answer: Frame = { ...heartbeat, responseFlag: 1, heartbeat: undefined, response: {} } as unknown as Frame;
    const ciphertext: Frame = { ...heartbeat, encryption: Encryption.RSA, heartbeat: undefined, encrypted: new Uint8Array(16) } as unknown as Frame;
    for (const frame of [heartbeat, timeCalibration, answer, ciphertext]) expect(withEncryption(frame, Encryption.AES)).toBe(frame);
  });
});
