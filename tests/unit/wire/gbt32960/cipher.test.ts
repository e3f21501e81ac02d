import { getCiphers } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Encryption, type Frame } from "../../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { decryptDataUnit, encryptDataUnit } from "../../../../src/wire/gbt32960/cipher.ts";
import { decodeFrame, encodeFrame, isWireError, type DataUnitKeys } from "../../../../src/wire/gbt32960/index.ts";
import { fromHex, readHexFixture, toHex } from "./hex.ts";

const KEY = fromHex("0123456789abcdeffedcba9876543210");

describe("data-unit ciphers", () => {
  it("this Node offers SM4 and AES-128 in ECB and CBC", () => {
    expect(getCiphers()).toEqual(expect.arrayContaining(["sm4-ecb", "sm4-cbc", "aes-128-ecb", "aes-128-cbc"]));
  });

  it("SM4 matches the GB/T 32907 example (block 1), then adds one PKCS#7 block", () => {
    const ciphertext = encryptDataUnit(Encryption.SM4, { key: KEY }, KEY);
    expect(toHex(ciphertext.subarray(0, 16))).toBe("681edf34d206965e86b3e94f536e4246");
    expect(ciphertext.length).toBe(32);
    expect(decryptDataUnit(Encryption.SM4, { key: KEY }, ciphertext)).toEqual(KEY);
  });

  it("AES-128 matches the FIPS-197 C.1 example (block 1)", () => {
    const key = fromHex("000102030405060708090a0b0c0d0e0f");
    expect(toHex(encryptDataUnit(Encryption.AES, { key }, fromHex("00112233445566778899aabbccddeeff")).subarray(0, 16))).toBe("69c4e0d86a7b0430d8cdb78070b4c55a");
  });

  it("a CBC key without a 16-byte iv is refused", () => {
    expect(() => encryptDataUnit(Encryption.AES, { key: KEY, mode: "cbc" }, KEY)).toThrow(/aes-128-cbc needs a 16-byte iv/);
  });

  it("a wrong key is a CipherError at the data unit", () => {
    const ciphertext = encryptDataUnit(Encryption.AES, { key: KEY }, new Uint8Array(10));
    let thrown: unknown;
    try {
      decryptDataUnit(Encryption.AES, { key: new Uint8Array(16) }, ciphertext);
    } catch (error) {
      thrown = error;
    }
    expect(isWireError(thrown, "CipherError")).toBe(true);
    expect((thrown as Error).message).toMatch(/^offset 24, encrypted: cannot decrypt with aes-128-ecb/);
  });
});

describe("encrypted frames", () => {
  const plain = decodeFrame(readHexFixture("realtime-2016-all-units"));
  const cases: readonly [string, Encryption, DataUnitKeys][] = [
    ["AES-128-ECB", Encryption.AES, { aes: { key: KEY } }],
    ["AES-128-CBC", Encryption.AES, { aes: { key: KEY, mode: "cbc", iv: new Uint8Array(16).fill(7) } }],
    ["SM4-ECB", Encryption.SM4, { sm4: { key: KEY } }],
    ["SM4-CBC", Encryption.SM4, { sm4: { key: KEY, mode: "cbc", iv: new Uint8Array(16).fill(9) } }],
  ];
  for (const [name, encryption, keys] of cases) {
    it(`${name}: encrypted with the key, ciphertext without it, decrypted back to the same frame and bytes`, () => {
      const frame: Frame = { ...plain, encryption };
      const bytes = encodeFrame(frame, { keys });
      expect(bytes.length).toBe(25 + 160); // 158 plain bytes padded to 10 blocks
      const opaque = decodeFrame(Buffer.from(bytes));
      expect(opaque.encrypted?.length).toBe(160);
      expect(Buffer.isBuffer(opaque.encrypted)).toBe(false); // a copy, not a view of the input
      expect(toHex(encodeFrame(opaque))).toBe(toHex(bytes));
      const decrypted = decodeFrame(bytes, { keys });
      expect(decrypted).toEqual(frame);
      expect(toHex(encodeFrame(decrypted, { keys }))).toBe(toHex(bytes));
    });
  }

  it("RSA and SM2 data units stay ciphertext (no key form for them)", () => {
    const bytes = encodeFrame({ ...plain, encryption: Encryption.SM2, encrypted: new Uint8Array([1, 2, 3]), realtime2016: undefined } as unknown as Frame);
    expect(decodeFrame(bytes, { keys: { sm4: { key: KEY } } }).encrypted).toEqual(new Uint8Array([1, 2, 3]));
  });

  it("an empty data unit under encryption stays plain (heartbeat)", () => {
    const bytes = fromHex("232307fe4c53564155324133374b32313030303031030000a9");
    expect(decodeFrame(bytes).heartbeat).toEqual({});
    expect(toHex(encodeFrame(decodeFrame(bytes)))).toBe(toHex(bytes));
  });
});
