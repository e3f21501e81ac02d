/**
 * UPER benchmark: encode and decode ops/s of a CSAE 53 BSM and SPAT MessageFrame, each against the
 * harness's protobuf encode and decode of the same message measured in the same run.
 * Usage: npm run bench:uper [-- <regex over case names>] [--seconds <per case>]
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { benchArgs, measure } from "./measure.ts";
import { decodeJson, decodeProtobuf, encodeProtobuf, loadRegistry } from "../src/schema/index.ts";
import { decodeUper, encodeUper } from "../src/wire/uper/index.ts";

const FRAME = "v2xh.csae53.v1.MessageFrame";
const FIXTURES = [
  { name: "bsm", file: "tests/fixtures/csae53/valid/bsm.json" },
  { name: "spat", file: "tests/fixtures/csae53/valid/spat.json" },
] as const;

const { seconds, filter } = benchArgs();

const registry = loadRegistry();
const rows: string[] = [];
const ratios: string[] = [];
const format = (n: number) => Math.round(n).toLocaleString("en-US").padStart(12);

for (const fixture of FIXTURES) {
  const { message: json } = JSON.parse(readFileSync(fixture.file, "utf8")) as { message: unknown };
  const message = decodeJson(registry, FRAME, json);
  const uper = encodeUper(registry, FRAME, message);
  const protobuf = encodeProtobuf(registry, FRAME, message);
  const cases: [string, () => unknown][] = [
    [`uper-encode/${fixture.name}`, () => encodeUper(registry, FRAME, message)],
    [`protobuf-encode/${fixture.name}`, () => encodeProtobuf(registry, FRAME, message)],
    [`uper-decode/${fixture.name}`, () => decodeUper(registry, FRAME, uper)],
    [`protobuf-decode/${fixture.name}`, () => decodeProtobuf(registry, FRAME, protobuf)],
  ];
  const results = new Map<string, number>();
  for (const [name, op] of cases) {
    if (!filter.test(name)) continue;
    const opsPerSecond = measure(op, seconds);
    results.set(name.split("/")[0] ?? name, opsPerSecond);
    const size = name.startsWith("uper") ? uper.length : protobuf.length;
    rows.push(`${`${name} (${size} B)`.padEnd(30)}${format(opsPerSecond)} ops/s`);
  }
  for (const operation of ["encode", "decode"]) {
    const ours = results.get(`uper-${operation}`);
    const reference = results.get(`protobuf-${operation}`);
    if (ours !== undefined && reference !== undefined) ratios.push(`uper / protobuf ${operation}, ${fixture.name}: ${((ours / reference) * 100).toFixed(1)} %`);
  }
}

console.log(`UPER benchmark: Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${seconds} s per case`);
for (const row of rows) console.log(row);
for (const ratio of ratios) console.log(ratio);
