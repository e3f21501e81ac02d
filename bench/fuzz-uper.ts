/**
 * UPER decoder fuzzing: random octet strings and mutations (bit flips, overwritten, inserted and
 * deleted octets, truncation, extension, splices) of valid MessageFrame encodings. Every input must
 * either decode or throw a UperError; a decoded value must encode again and decode to itself. Any
 * other exception, a broken round trip or an input that takes longer than the hang limit fails
 * the run (exit code 1).
 * Usage: npm run fuzz:uper [-- --count <inputs>] [--seed <n>] [--hang-ms <ms>]
 */
import { readdirSync, readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { decodeJson, loadRegistry } from "../src/schema/index.ts";
import { decodeUper, encodeUper, isUperError } from "../src/wire/uper/index.ts";
import { arbitraryMessage } from "../tests/helpers/arbitrary-message.ts";

const FRAME = "v2xh.csae53.v1.MessageFrame";
const FIXTURE_DIR = "tests/fixtures/csae53/valid/";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}
const count = option("count", 1_000_000);
const seed = option("seed", 20260);
const hangMs = option("hang-ms", 1000);

/** mulberry32: a small seeded generator, so a failing input can be reproduced from the seed. */
function generator(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(seed);
const below = (n: number) => Math.floor(random() * n);

const registry = loadRegistry();
const fixtures = readdirSync(FIXTURE_DIR).map((name) => (JSON.parse(readFileSync(FIXTURE_DIR + name, "utf8")) as { message: unknown }).message);
const generated = fc.sample(arbitraryMessage(registry, FRAME, 5), { numRuns: 300, seed });
const corpus = [...fixtures, ...generated].map((json) => encodeUper(registry, FRAME, decodeJson(registry, FRAME, json)));

function randomOctets(): Uint8Array {
  const bytes = Uint8Array.from({ length: below(below(2) === 0 ? 16 : 256) }, () => below(256));
  // Half the time start with a Phase-1 frame header so the input gets past the CHOICE index.
  if (bytes.length > 0 && below(2) === 0) bytes[0] = (below(5) << 4) | ((bytes[0] ?? 0) & 0x0f);
  return bytes;
}

function mutate(): Uint8Array {
  const source = corpus[below(corpus.length)] ?? new Uint8Array(1);
  let bytes = Uint8Array.from(source);
  const rounds = 1 + below(4);
  for (let round = 0; round < rounds; round++) {
    const at = below(bytes.length + 1);
    switch (below(7)) {
      case 0:
        if (bytes.length > 0) bytes[at % bytes.length] = (bytes[at % bytes.length] ?? 0) ^ (1 << below(8));
        break;
      case 1:
        if (bytes.length > 0) bytes[at % bytes.length] = below(256);
        break;
      case 2:
        bytes = Uint8Array.from([...bytes.subarray(0, at), below(256), ...bytes.subarray(at)]);
        break;
      case 3:
        bytes = Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + 1)]);
        break;
      case 4:
        bytes = bytes.subarray(0, at);
        break;
      case 5:
        bytes = Uint8Array.from([...bytes, ...randomOctets()]);
        break;
      default: {
        const other = corpus[below(corpus.length)] ?? source;
        bytes = Uint8Array.from([...bytes.subarray(0, at), ...other.subarray(below(other.length + 1))]);
      }
    }
  }
  return bytes;
}

const outcomes = new Map<string, number>();
const failures: string[] = [];
let slowest = 0;
const started = performance.now();

for (let i = 0; i < count; i++) {
  const input = i % 2 === 0 ? randomOctets() : mutate();
  const t0 = performance.now();
  let outcome: string;
  try {
    const decoded = decodeUper(registry, FRAME, input);
    const again = decodeUper(registry, FRAME, encodeUper(registry, FRAME, decoded));
    if (!isDeepStrictEqual(again, decoded)) failures.push(`round trip changed the value of ${Buffer.from(input).toString("hex")}`);
    outcome = "decoded";
  } catch (error) {
    if (isUperError(error)) {
      outcome = error.name;
    } else {
      outcome = "CRASH";
      failures.push(`${String(error)} on ${Buffer.from(input).toString("hex")}`);
    }
  }
  const elapsed = performance.now() - t0;
  if (elapsed > slowest) slowest = elapsed;
  if (elapsed > hangMs) failures.push(`${elapsed.toFixed(0)} ms (hang) on ${Buffer.from(input).toString("hex")}`);
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  if (failures.length > 20) break;
}

const seconds = (performance.now() - started) / 1000;
const total = [...outcomes.values()].reduce((a, b) => a + b, 0);
console.log(`UPER fuzz: ${total.toLocaleString("en-US")} inputs (seed ${seed}, corpus ${corpus.length} frames) in ${seconds.toFixed(1)} s, ${Math.round(total / seconds).toLocaleString("en-US")} inputs/s`);
for (const [name, n] of [...outcomes].sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(24)}${n.toLocaleString("en-US").padStart(10)}`);
console.log(`  slowest input: ${slowest.toFixed(2)} ms (hang limit ${hangMs} ms)`);
for (const failure of failures) console.log(`FAIL ${failure}`);
console.log(failures.length === 0 ? "no crashes, hangs or broken round trips" : `${failures.length} failures`);
process.exitCode = failures.length === 0 ? 0 : 1;
