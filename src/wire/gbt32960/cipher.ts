import { createCipheriv, createDecipheriv } from "node:crypto";
import { Encryption } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import type { DataUnitKey, DataUnitKeys } from "./options.ts";
import { WireError } from "./wire-error.ts";

const ALGORITHMS = new Map<number, { readonly name: "aes-128" | "sm4"; readonly key: keyof DataUnitKeys }>([
  [Encryption.AES, { name: "aes-128", key: "aes" }],
  [Encryption.SM4, { name: "sm4", key: "sm4" }],
]);

const CIPHER_MODES: ReadonlySet<number> = new Set([Encryption.RSA, Encryption.AES, Encryption.SM2, Encryption.SM4]);

/** True for the encryption codes whose data units are ciphertext on the wire. */
export function isCipherMode(encryption: number): boolean {
  return CIPHER_MODES.has(encryption);
}

/** The configured symmetric key for an encryption code, if the codec can handle that mode. */
export function keyFor(encryption: number, keys: DataUnitKeys): DataUnitKey | undefined {
  const algorithm = ALGORITHMS.get(encryption);
  return algorithm === undefined ? undefined : keys[algorithm.key];
}

export function encryptDataUnit(encryption: number, key: DataUnitKey, plain: Uint8Array): Uint8Array {
  return run("encrypt", encryption, key, plain);
}

export function decryptDataUnit(encryption: number, key: DataUnitKey, ciphertext: Uint8Array): Uint8Array {
  return run("decrypt", encryption, key, ciphertext);
}

function run(direction: "encrypt" | "decrypt", encryption: number, key: DataUnitKey, input: Uint8Array): Uint8Array {
  const algorithm = ALGORITHMS.get(encryption);
  const mode = key.mode ?? "ecb";
  const details = { offset: 24, field: "encrypted" };
  if (algorithm === undefined) throw new WireError("CipherError", `encryption ${encryption} has no symmetric key`, details);
  if (mode === "cbc" && key.iv?.length !== 16) throw new WireError("CipherError", `${algorithm.name}-cbc needs a 16-byte iv`, details);
  try {
    const iv = mode === "cbc" ? (key.iv ?? null) : null;
    const cipher = direction === "encrypt" ? createCipheriv(`${algorithm.name}-${mode}`, key.key, iv) : createDecipheriv(`${algorithm.name}-${mode}`, key.key, iv);
    return new Uint8Array(Buffer.concat([cipher.update(input), cipher.final()]));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new WireError("CipherError", `cannot ${direction} with ${algorithm.name}-${mode}: ${reason}`, details, cause);
  }
}
