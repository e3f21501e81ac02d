/**
 * GB/T 32960 wire codec benchmark: frames/s for decode, encode and the stream framer on frames built
 * from the schema fixtures, each against plain protobuf decode of the same content measured in the
 * same run (protobufjs Type.decode, and decodeProtobuf which returns the same object shape).
 * Usage: npm run bench:gbt32960 [-- <regex over case names>] [--seconds <per case>]
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { decodeJson, decodeProtobuf, encodeProtobuf, loadRegistry } from "../src/schema/index.ts";
import type { Frame } from "../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { StreamFramer, decodeFrame, encodeFrame } from "../src/wire/gbt32960/index.ts";

const FRAME = "v2xh.gbt32960.v1.Frame";
const FIXTURES: readonly { readonly name: string; readonly file: string }[] = [
  { name: "realtime-2016", file: "tests/fixtures/gbt32960/valid/realtime-2016.json" },
  { name: "realtime-2025", file: "tests/fixtures/gbt32960/valid/realtime-2025.json" },
  { name: "login-2016", file: "tests/fixtures/gbt32960/valid/login-2016.json" },
  { name: "heartbeat", file: "tests/fixtures/gbt32960/valid/heartbeat.json" },
];
/** Frames per chunk handed to the stream framer: a busy TCP read carries many frames. */
const FRAMES_PER_CHUNK = 64;

const args = process.argv.slice(2);
const secondsIndex = args.indexOf("--seconds");
const seconds = secondsIndex >= 0 ? Number(args[secondsIndex + 1]) : 1;
const filter = new RegExp(args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--seconds") ?? ".");

/** Runs `op` (which handles `perOp` frames) until `seconds` have passed, after a warm-up; returns frames/s. */
function measure(op: () => unknown, perOp = 1): number {
  const warmUntil = performance.now() + 200;
  while (performance.now() < warmUntil) op();
  let count = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) op();
    count += 100;
  }
  return (count * perOp) / ((performance.now() - start) / 1000);
}

const registry = loadRegistry();
const protobufType = registry.messageType(FRAME);
const rows: string[] = [];
const ratios: string[] = [];

for (const fixture of FIXTURES) {
  const { message } = JSON.parse(readFileSync(fixture.file, "utf8")) as { message: unknown };
  const frame = decodeJson<Frame>(registry, FRAME, message);
  const wire = encodeFrame(frame);
  const protobuf = encodeProtobuf(registry, FRAME, frame);
  const stream = Buffer.concat(Array.from({ length: FRAMES_PER_CHUNK }, () => wire));
  const cases: [string, () => unknown, number][] = [
    [`decode/${fixture.name}`, () => decodeFrame(wire), 1],
    [`encode/${fixture.name}`, () => encodeFrame(frame), 1],
    [`stream/${fixture.name}`, () => new StreamFramer().push(stream), FRAMES_PER_CHUNK],
    [`protobufjs-decode/${fixture.name}`, () => protobufType.decode(protobuf), 1],
    [`decodeProtobuf/${fixture.name}`, () => decodeProtobuf(registry, FRAME, protobuf), 1],
  ];
  const results = new Map<string, number>();
  for (const [name, op, perOp] of cases) {
    if (!filter.test(name)) continue;
    const framesPerSecond = measure(op, perOp);
    results.set(name.split("/")[0] ?? name, framesPerSecond);
    const size = name.startsWith("protobufjs") || name.startsWith("decodeProtobuf") ? protobuf.length : wire.length;
    rows.push(`${`${name} (${size} B)`.padEnd(40)}  ${Math.round(framesPerSecond).toLocaleString("en-US").padStart(12)} frames/s`);
  }
  const decode = results.get("decode");
  for (const baseline of ["protobufjs-decode", "decodeProtobuf"]) {
    const base = results.get(baseline);
    if (decode !== undefined && base !== undefined) ratios.push(`wire decode / ${baseline}, ${fixture.name}: ${((decode / base) * 100).toFixed(1)} %`);
  }
}

console.log(`gbt32960 wire benchmark: Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${seconds} s per case`);
for (const row of rows) console.log(row);
for (const ratio of ratios) console.log(ratio);
