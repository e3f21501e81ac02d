import type { DataUnitKey, DataUnitKeys } from "./options.ts";
import { WireError } from "./wire-error.ts";

/** Data-unit keys as a user writes them (command-line flags, PIXIT): 16-byte values in hex. */
export interface KeySettings {
  /** Key for encryption 0x03 (AES-128), 32 hex digits. */
  readonly aesKey?: string;
  /** Key for encryption 0x05 (SM4), 32 hex digits. */
  readonly sm4Key?: string;
  /** CBC initialisation vector of both keys, 32 hex digits. Default: none, the keys run in ECB. */
  readonly iv?: string;
}

const HEX_DIGITS = 32;

/** Why `value` is not 16 bytes in hex, e.g. "expected 32 hex digits (16 bytes), got 30"; undefined when it is. */
export function checkHexBlock(value: string): string | undefined {
  const expected = `expected ${HEX_DIGITS} hex digits (16 bytes)`;
  // The value is a secret: the message describes it without repeating it.
  if (!/^[0-9a-fA-F]*$/.test(value)) return `${expected}, got ${value.length} characters, not all of them hex digits`;
  return value.length === HEX_DIGITS ? undefined : `${expected}, got ${value.length}`;
}

/** The codec keys the settings give; a value that is not 32 hex digits throws a ValueError naming its setting. */
export function parseKeySettings(settings: KeySettings): DataUnitKeys {
  const iv = settings.iv === undefined ? undefined : block("iv", settings.iv);
  const keyOf = (setting: "aesKey" | "sm4Key"): DataUnitKey | undefined => {
    const value = settings[setting];
    if (value === undefined) return undefined;
    const key = block(setting, value);
    return iv === undefined ? { key } : { key, mode: "cbc", iv };
  };
  const aes = keyOf("aesKey");
  const sm4 = keyOf("sm4Key");
  return { ...(aes === undefined ? {} : { aes }), ...(sm4 === undefined ? {} : { sm4 }) };
}

function block(setting: keyof KeySettings, value: string): Uint8Array {
  const problem = checkHexBlock(value);
  if (problem !== undefined) throw new WireError("ValueError", problem, { field: setting });
  return new Uint8Array(Buffer.from(value, "hex"));
}
