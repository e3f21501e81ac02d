/**
 * GB/T 32960 wire codec benchmark: frames/s for decode, encode and the stream framer on frames built
 * from the schema fixtures, each against plain protobuf decode of the same content measured in the
 * same run (protobufjs Type.decode, and decodeProtobuf which returns the same object shape).
 * Usage: npm run bench:gbt32960 [-- <regex over case names>] [--seconds <per case>]
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { benchArgs, measure } from "./measure.ts";
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

const { seconds, filter } = benchArgs();

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
    const framesPerSecond = measure(op, seconds, perOp);
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
