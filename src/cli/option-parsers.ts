import { InvalidArgumentError, type Command } from "commander";
import { parseTcpAddress, type TcpAddress } from "../transport/tcp-address.ts";
import { checkHexBlock, parseKeySettings } from "../wire/gbt32960/key-settings.ts";
import type { DataUnitKeys } from "../wire/gbt32960/options.ts";
import { CliError } from "./cli-error.ts";

/** Commander parsers of option values: a bad value becomes commander's usage error, naming the option and the value. */


export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive integer.");
  return n;
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError("expected a number above 0.");
  return n;
}

/** A port to listen on, 0 for a free one. */
export function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("expected a port number 0..65535 (0 picks a free one).");
  return n;
}

/** The address of a peer to connect to: host:port, an IPv6 host in brackets. */
export function hostPort(value: string): TcpAddress {
  const address = parseTcpAddress(value);
  if (address === undefined || address.port === 0) throw new InvalidArgumentError("expected host:port, e.g. 10.0.0.5:7325 or [::1]:7325.");
  return address;
}

/** A live progress line on a terminal, rewritten in place; none elsewhere (the summary line comes at the end). */
export function progressLine<P extends { readonly phase: string }>(stream: NodeJS.WriteStream, format: (progress: P) => string): ((progress: P) => void) | undefined {
  if (!stream.isTTY) return undefined;
  return (p) => stream.write(`\r\x1b[2K${format(p)}${p.phase === "done" ? "\n" : ""}`);
}

/** The data-unit key flags as commander parses them. */
export interface KeyFlags {
  readonly aesKey?: string;
  readonly sm4Key?: string;
  readonly cipherIv?: string;
}

/** Adds --aes-key, --sm4-key and --cipher-iv, the keys of encrypted GB/T 32960 data units; `use` says what this command does with them. */
export function addKeyOptions(command: Command, use: string): Command {
  return command
    .option("--aes-key <hex>", `AES-128 key of data units with encryption 0x03, 32 hex digits: ${use}`, hexBlock)
    .option("--sm4-key <hex>", `SM4 key of data units with encryption 0x05 (a 2025 code), 32 hex digits: ${use}`, hexBlock)
    .option("--cipher-iv <hex>", "run the keys in CBC with this initialisation vector, 32 hex digits (default: ECB); padding is PKCS#7 either way", hexBlock);
}

const KEY_FLAGS = [
  ["aesKey", "--aes-key"],
  ["sm4Key", "--sm4-key"],
  ["cipherIv", "--cipher-iv"],
] as const;

/** The codec keys the key flags give, undefined when none is set; a malformed value is a CliError naming its flag. */
export function keysOf(flags: KeyFlags): DataUnitKeys | undefined {
  if (KEY_FLAGS.every(([name]) => flags[name] === undefined)) return undefined;
  for (const [name, flag] of KEY_FLAGS) {
    const value = flags[name];
    const problem = value === undefined ? undefined : checkHexBlock(value);
    if (problem !== undefined) throw new CliError(`${flag}: ${problem}`);
  }
  const { aesKey, sm4Key, cipherIv } = flags;
  return parseKeySettings({ ...(aesKey === undefined ? {} : { aesKey }), ...(sm4Key === undefined ? {} : { sm4Key }), ...(cipherIv === undefined ? {} : { iv: cipherIv }) });
}

function hexBlock(value: string): string {
  const problem = checkHexBlock(value);
  if (problem !== undefined) throw new InvalidArgumentError(`${problem}.`);
  return value;
}
