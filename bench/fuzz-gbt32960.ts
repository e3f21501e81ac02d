/**
 * Fuzzes the GB/T 32960 decoder and stream framer with random and mutated inputs. Every input must
 * either decode or be rejected with a WireError; anything else thrown is a crash, and an input that
 * takes longer than a second is a hang. A frame that decodes must re-encode to the same bytes.
 * Usage: npm run fuzz:gbt32960 [-- --count <inputs>] [--seed <n>]
 */
import { readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import type { Frame } from "../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { decodeJson, loadRegistry } from "../src/schema/index.ts";
import { StreamFramer, decodeFrame, encodeFrame, isWireError } from "../src/wire/gbt32960/index.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const index = args.indexOf(name);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const COUNT = option("--count", 1_000_000);
const SEED = option("--seed", 32960);
const HANG_MS = 1000;
const COMMANDS = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x80, 0x81, 0x82];
const KEYS = { aes: { key: new Uint8Array(16).fill(1) }, sm4: { key: new Uint8Array(16).fill(2) } };

/** mulberry32: a small seeded generator, so a failing run can be repeated. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(SEED);
const below = (n: number): number => Math.floor(random() * n);
const randomBytes = (length: number): Uint8Array => Uint8Array.from({ length }, () => below(256));

/** Seeds: every hand-built vector and every schema fixture, as wire bytes. */
function seeds(): Uint8Array[] {
  const registry = loadRegistry();
  const hexDir = new URL("../tests/fixtures/wire/gbt32960/", import.meta.url);
  const jsonDir = new URL("../tests/fixtures/gbt32960/valid/", import.meta.url);
  const fromHex = readdirSync(hexDir).map((file) => Buffer.from(readFileSync(new URL(file, hexDir), "utf8").replace(/#.*$/gm, "").replace(/\s+/g, ""), "hex"));
  const fromJson = readdirSync(jsonDir).map((file) => {
    const { message } = JSON.parse(readFileSync(new URL(file, jsonDir), "utf8")) as { message: unknown };
    return encodeFrame(decodeJson<Frame>(registry, "v2xh.gbt32960.v1.Frame", message));
  });
  return [...fromHex, ...fromJson].map((bytes) => new Uint8Array(bytes));
}

/** Rewrites the length field and the BCC so that the decoder reads past the envelope. */
function reseal(frame: Uint8Array): Uint8Array {
  if (frame.length < 25) return frame;
  const length = frame.length - 25;
  frame[22] = (length >> 8) & 0xff;
  frame[23] = length & 0xff;
  frame[frame.length - 1] = frame.subarray(2, -1).reduce((check, byte) => check ^ byte, 0);
  return frame;
}

function mutate(seed: Uint8Array): Uint8Array {
  let bytes = seed.slice();
  const edits = 1 + below(4);
  for (let i = 0; i < edits; i++) {
    const at = below(bytes.length);
    switch (below(5)) {
      case 0:
        bytes[at] = below(256);
        break;
      case 1:
        bytes[at] = (bytes[at] ?? 0) ^ (1 << below(8));
        break;
      case 2:
        bytes = Uint8Array.from([...bytes.subarray(0, at), ...randomBytes(1 + below(8)), ...bytes.subarray(at)]);
        break;
      case 3:
        bytes = Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + 1 + below(8))]);
        break;
      default:
        bytes = bytes.subarray(0, at).slice();
    }
  }
  return random() < 0.7 ? reseal(bytes) : bytes;
}

/** Random data unit behind a valid envelope with a known command. */
function randomFrame(): Uint8Array {
  const unit = randomBytes(below(120));
  const frame = new Uint8Array(25 + unit.length);
  const start = random() < 0.5 ? 0x23 : 0x24;
  frame.set([start, start, COMMANDS[below(COMMANDS.length)] ?? 2, random() < 0.8 ? 0xfe : 1 + below(7)]);
  frame.set(randomBytes(17), 4);
  frame[21] = random() < 0.9 ? 1 : below(256);
  frame.set(unit, 24);
  return reseal(frame);
}

const counts = { inputs: 0, decoded: 0, streamChunks: 0, crashes: 0, hangs: 0, roundTripMismatches: 0, slowestMs: 0 };
const rejected = new Map<string, number>();
const failures: string[] = [];

function check(input: Uint8Array): void {
  counts.inputs++;
  const started = performance.now();
  try {
    const frame = decodeFrame(input, random() < 0.1 ? { keys: KEYS } : {});
    counts.decoded++;
    if (Buffer.compare(encodeFrame(frame, { keys: KEYS }), input) !== 0) record("round trip", input);
  } catch (error) {
    if (isWireError(error)) rejected.set(error.name, (rejected.get(error.name) ?? 0) + 1);
    else record(`crash: ${String(error)}`, input);
  }
  const elapsed = performance.now() - started;
  counts.slowestMs = Math.max(counts.slowestMs, elapsed);
  if (elapsed > HANG_MS) record(`hang: ${elapsed.toFixed(0)} ms`, input);
}

function record(what: string, input: Uint8Array): void {
  if (what.startsWith("crash")) counts.crashes++;
  else if (what.startsWith("hang")) counts.hangs++;
  else counts.roundTripMismatches++;
  if (failures.length < 10) failures.push(`${what}: ${Buffer.from(input).toString("hex")}`);
}

/** A stream of frames, random garbage and runs of start-symbol bytes, cut into random chunks. */
function streamCheck(corpus: readonly Uint8Array[]): void {
  const framer = new StreamFramer({ maxFrameSize: 1 + below(70_000) });
  const part = (): Uint8Array => {
    const roll = random();
    if (roll < 0.6) return corpus[below(corpus.length)] ?? new Uint8Array();
    if (roll < 0.85) return randomBytes(below(64));
    return new Uint8Array(below(2000)).fill(random() < 0.5 ? 0x23 : 0x24);
  };
  const stream = Buffer.concat(Array.from({ length: 1 + below(6) }, part));
  const started = performance.now();
  let at = 0;
  while (at < stream.length) {
    const size = 1 + below(200);
    counts.streamChunks++;
    try {
      framer.push(stream.subarray(at, at + size));
    } catch (error) {
      record(`crash in framer: ${String(error)}`, stream);
      return;
    }
    at += size;
  }
  const elapsed = performance.now() - started;
  counts.slowestMs = Math.max(counts.slowestMs, elapsed);
  if (elapsed > HANG_MS) record(`hang in framer: ${elapsed.toFixed(0)} ms`, stream);
}

const corpus = seeds();
const started = performance.now();
for (let i = 0; i < COUNT; i++) {
  const kind = below(10);
  if (kind < 3) check(randomBytes(below(300)));
  else if (kind < 5) check(randomFrame());
  else check(mutate(corpus[below(corpus.length)] ?? new Uint8Array()));
  if (i % 20 === 0) streamCheck(corpus);
}
const seconds = (performance.now() - started) / 1000;

console.log(`gbt32960 fuzz: Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, seed ${SEED}, ${seeds().length} seed frames`);
console.log(`inputs ${counts.inputs.toLocaleString("en-US")} in ${seconds.toFixed(1)} s (${Math.round(counts.inputs / seconds).toLocaleString("en-US")}/s), stream chunks ${counts.streamChunks.toLocaleString("en-US")}`);
console.log(`decoded ${counts.decoded.toLocaleString("en-US")}; rejected ${[...rejected].map(([name, n]) => `${name} ${n.toLocaleString("en-US")}`).join(", ")}`);
console.log(`crashes ${counts.crashes}, hangs (> ${HANG_MS} ms) ${counts.hangs}, round-trip mismatches ${counts.roundTripMismatches}, slowest input ${counts.slowestMs.toFixed(1)} ms`);
for (const failure of failures) console.log(failure);
process.exitCode = counts.crashes + counts.hangs + counts.roundTripMismatches > 0 ? 1 : 0;
