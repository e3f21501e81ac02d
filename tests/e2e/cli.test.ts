import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decodeJson, encodeProtobuf, loadRegistry } from "../../src/schema/index.ts";

const BIN = path.resolve("src/cli/bin.js");
const FRAME = "v2xh.csae53.v1.MessageFrame";
const tmp = mkdtempSync(path.join(tmpdir(), "v2x-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function v2x(args: string[], input?: string | Buffer) {
  const result = spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8", timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("v2x validate", () => {
  it("prints OK and exits 0 for a valid message", () => {
    const run = v2x(["validate", "--type", FRAME, "proto/examples/csae53/bsm.json"]);
    expect(run).toMatchObject({ code: 0, stdout: `OK ${FRAME}\n` });
  });

  it("prints one line per violation and exits 1 for an invalid message", () => {
    const run = v2x(["validate", "--type", FRAME, "proto/examples/csae53/bsm-bad.json"]);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split("\n")).toEqual([
      "bsmFrame.id: length (got 4, expected 8 bytes) [T/CSAE 53-2020 Msg_BSM id]",
      "bsmFrame.speed: range (got 9000, expected 0..8191 (0.02 m/s)) [T/CSAE 53-2020 DE_Speed]",
    ]);
  });

  it("reads protobuf binary, guessing the encoding from the content, from standard input", () => {
    const registry = loadRegistry();
    const json = readFileSync("proto/examples/csae53/bsm.json", "utf8");
    const bytes = Buffer.from(encodeProtobuf(registry, FRAME, decodeJson(registry, FRAME, json)));
    expect(v2x(["validate", "--type", FRAME, "-"], bytes)).toMatchObject({ code: 0, stdout: `OK ${FRAME}\n` });
    const file = path.join(tmp, "bsm.bin");
    writeFileSync(file, bytes);
    expect(v2x(["validate", "--type", FRAME, "--encoding", "protobuf", file]).code).toBe(0);
  });

  it("prints a JSON result with --format json", () => {
    const run = v2x(["validate", "--type", FRAME, "--format", "json", "proto/examples/csae53/bsm-bad.json"]);
    const result = JSON.parse(run.stdout) as { valid: boolean; violations: { path: string; rule: string }[] };
    expect(run.code).toBe(1);
    expect(result.valid).toBe(false);
    expect(result.violations.map((v) => v.rule)).toEqual(["length", "range"]);
  });

  it.each([
    [["validate", "--type", FRAME, "-"], '{"bsmFrame": {"speed": "fast"}}', /bsmFrame\.speed: expected an integer, got "fast"/],
    [["validate", "--type", FRAME, "-"], '{"bsmFrame": {"sped": 1}}', /unknown field "sped"/],
    [["validate", "--type", FRAME, "-"], "{not json", /not valid JSON/],
    [["validate", "--type", FRAME, "--encoding", "protobuf", "-"], Buffer.from([0x0a, 0xff, 0x01]), /not valid protobuf binary/],
    [["validate", "--type", "MessageFrame", "-"], "{}", /no message type "MessageFrame" \(did you mean "v2xh.csae53.v1.MessageFrame"\?\)/],
    [["validate", "--type", FRAME, "no/such/file.json"], "", /cannot read no\/such\/file.json: no such file/],
    [["validate", "proto/examples/csae53/bsm.json"], "", /required option '--type <name>'/],
    [["validate", "--type", FRAME, "--encoding", "xml", "-"], "", /Allowed choices are protobuf, json/],
  ])("exits 2 with a one-line reason for unreadable input or bad usage: %j", (args, input, reason) => {
    const run = v2x(args, input);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
  });
});

describe("v2x schema", () => {
  it("lists every message type with its description", () => {
    const run = v2x(["schema", "list", "--filter", "csae53"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^v2xh\.csae53\.v1\.BasicSafetyMessage\s+\S/m);
    expect(run.stdout).not.toMatch(/gbt32960/);
  });

  it("exports a JSON Schema to a file", () => {
    const file = path.join(tmp, "frame.schema.json");
    expect(v2x(["schema", "export", "--format", "jsonschema", "--type", FRAME, "--output", file]).code).toBe(0);
    const schema = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema["$ref"]).toBe(`#/$defs/${FRAME}`);
  });

  it("stops quietly when the reader closes the pipe early", () => {
    const result = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" "${BIN}" schema list | head -1`], { encoding: "utf8" });
    expect(result.stdout.split("\n").filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("shows help with an example and exits 0", () => {
    const run = v2x(["validate", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Example:\n {2}v2x validate --type/);
  });
});
