import { readFileSync, readdirSync } from "node:fs";

const DIRECTORY = new URL("../../../fixtures/wire/gbt32960/", import.meta.url);

/** Names of the annotated hex fixtures, without the extension. */
export const HEX_FIXTURES: readonly string[] = readdirSync(DIRECTORY).map((file) => file.replace(/\.hex$/, ""));

/** Bytes of an annotated hex fixture: whitespace is ignored, `#` starts a comment. */
export function readHexFixture(name: string): Uint8Array {
  const text = readFileSync(new URL(`${name}.hex`, DIRECTORY), "utf8");
  return fromHex(text.split("\n").map((line) => line.split("#")[0] ?? "").join(""));
}

export function fromHex(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex.replace(/\s+/g, ""), "hex"));
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}
