/**
 * Codec benchmark: encode, decode and decode+validate ops/s for a BSM, a SPAT and a GB/T 32960
 * realtime report, each against plain protobufjs decode (Type.decode) measured in the same run.
 * Usage: npm run bench:codec [-- <regex over case names>] [--seconds <per case>]
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { benchArgs, measure } from "./measure.ts";
import { decodeJson, decodeProtobuf, encodeProtobuf, loadRegistry, validateRules } from "../src/schema/index.ts";

interface Fixture {
  readonly name: string;
  readonly type: string;
  readonly file: string;
}

const FIXTURES: readonly Fixture[] = [
  { name: "bsm", type: "v2xh.csae53.v1.MessageFrame", file: "tests/fixtures/csae53/valid/bsm.json" },
  { name: "spat", type: "v2xh.csae53.v1.MessageFrame", file: "tests/fixtures/csae53/valid/spat.json" },
  { name: "gbt32960-realtime", type: "v2xh.gbt32960.v1.Frame", file: "tests/fixtures/gbt32960/valid/realtime-2016.json" },
];

const { seconds, filter } = benchArgs();

const registry = loadRegistry();
const rows: { name: string; opsPerSecond: number }[] = [];
const ratios: { fixture: string; ratio: number }[] = [];

for (const fixture of FIXTURES) {
  const { type, message: json } = JSON.parse(readFileSync(fixture.file, "utf8")) as { type: string; message: unknown };
  const message = decodeJson(registry, type, json);
  const bytes = encodeProtobuf(registry, type, message);
  const protobufType = registry.messageType(type);
  const cases: [string, () => unknown][] = [
    [`baseline-decode/${fixture.name}`, () => protobufType.decode(bytes)],
    [`encode/${fixture.name}`, () => encodeProtobuf(registry, type, message)],
    [`decode/${fixture.name}`, () => decodeProtobuf(registry, type, bytes)],
    [`decode+validate/${fixture.name}`, () => validateRules(registry, type, decodeProtobuf(registry, type, bytes))],
  ];
  const results = new Map<string, number>();
  for (const [name, op] of cases) {
    if (!filter.test(name)) continue;
    const opsPerSecond = measure(op, seconds);
    results.set(name.split("/")[0] ?? name, opsPerSecond);
    rows.push({ name: `${name} (${bytes.length} B)`, opsPerSecond });
  }
  const baseline = results.get("baseline-decode");
  const validated = results.get("decode+validate");
  if (baseline !== undefined && validated !== undefined) ratios.push({ fixture: fixture.name, ratio: validated / baseline });
}

console.log(`codec benchmark: Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${seconds} s per case`);
const width = Math.max(...rows.map((r) => r.name.length));
for (const row of rows) console.log(`${row.name.padEnd(width)}  ${Math.round(row.opsPerSecond).toLocaleString("en-US").padStart(12)} ops/s`);
for (const { fixture, ratio } of ratios) {
  console.log(`decode+validate / plain protobufjs decode, ${fixture}: ${(ratio * 100).toFixed(1)} % (target >= 40 %)`);
}
