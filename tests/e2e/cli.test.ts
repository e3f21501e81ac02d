import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decodeJson, encodeProtobuf, loadRegistry } from "../../src/schema/index.ts";
import { Encryption, type Frame } from "../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { encodeFrame, parseKeySettings } from "../../src/wire/gbt32960/index.ts";
import { encodeUper } from "../../src/wire/uper/index.ts";
import { invalidFixtures, validFixtures } from "../helpers/fixtures.ts";

const BIN = path.resolve("src/cli/bin.js");
const FRAME = "v2xh.csae53.v1.MessageFrame";
const GBT = "v2xh.gbt32960.v1.Frame";
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

  describe("in the standards' own wire formats", () => {
    const registry = loadRegistry();
    const bsmPer = Buffer.from(encodeUper(registry, FRAME, decodeJson(registry, FRAME, readFileSync("proto/examples/csae53/bsm.json", "utf8"))));
    const gbtFrame = (fixture: { message: object } | undefined): Buffer => Buffer.from(encodeFrame(decodeJson(registry, GBT, fixture?.message)));
    const realtime = gbtFrame(validFixtures("gbt32960").find((f) => f.file.endsWith("/realtime-2016.json")));
    const idZero = gbtFrame(invalidFixtures("gbt32960").find((f) => f.file.endsWith("/parameter-query.id-zero.json")));

    it("reads UPER and GB/T 32960 frames with --encoding uper|gbt32960", () => {
      expect(v2x(["validate", "--type", FRAME, "--encoding", "uper", "-"], bsmPer)).toMatchObject({ code: 0, stdout: `OK ${FRAME}\n` });
      expect(v2x(["validate", "--type", GBT, "--encoding", "gbt32960", "-"], realtime)).toMatchObject({ code: 0, stdout: `OK ${GBT}\n` });
    });

    it("checks the rules of a frame that decodes, and exits 1 for a broken one", () => {
      const run = v2x(["validate", "--type", GBT, "--encoding", "gbt32960", "--format", "json", "-"], idZero);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout)).toMatchObject({ type: GBT, encoding: "gbt32960", valid: false, violations: [{ path: "parameterQuery.ids[1]", rule: "range" }] });
    });

    describe("with an encrypted data unit", () => {
      const KEY = "000102030405060708090a0b0c0d0e0f";
      const IV = "0f0e0d0c0b0a09080706050403020100";
      const plain = decodeJson<Frame>(registry, GBT, validFixtures("gbt32960").find((f) => f.file.endsWith("/realtime-2016.json"))?.message);
      const file = path.join(tmp, "realtime-aes-cbc.bin");
      writeFileSync(file, encodeFrame({ ...plain, encryption: Encryption.AES }, { keys: parseKeySettings({ aesKey: KEY, iv: IV }) }));

      it("decrypts it with --aes-key and --cipher-iv and checks the report inside", () => {
        const run = v2x(["validate", "--type", GBT, "--encoding", "gbt32960", "--aes-key", KEY, "--cipher-iv", IV, "--format", "json", file]);
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual({ type: GBT, encoding: "gbt32960", violations: [], valid: true });
      });

      it("without the key reads the frame as valid and notes that the data unit went unchecked", () => {
        expect(v2x(["validate", "--type", GBT, "--encoding", "gbt32960", file])).toEqual({
          code: 0,
          stdout: `OK ${GBT}\n`,
          stderr: "note: the data unit is encrypted (encryption 0x03) and unchecked: no key for it was given (--aes-key, --sm4-key)\n",
        });
      });

      it("exits 2 naming the source for a wrong key, and naming the flag for a malformed one", () => {
        expect(v2x(["validate", "--type", GBT, "--encoding", "gbt32960", "--aes-key", IV, "--cipher-iv", IV, file]).stderr).toMatch(/^v2x: .*realtime-aes-cbc\.bin: v2xh\.gbt32960\.v1\.Frame: not a valid GB\/T 32960 frame: offset 24, encrypted: cannot decrypt with aes-128-cbc/);
        const malformed = v2x(["validate", "--type", GBT, "--encoding", "gbt32960", "--aes-key", "00ff", file]);
        expect(malformed.code).toBe(2);
        expect(malformed.stderr).toContain("option '--aes-key <hex>' argument '00ff' is invalid. expected 32 hex digits (16 bytes), got 4.");
        expect(v2x(["validate", "--type", FRAME, "--aes-key", KEY, "proto/examples/csae53/bsm.json"]).stderr).toBe("v2x: --aes-key, --sm4-key and --cipher-iv apply to --encoding gbt32960, not json\n");
      });
    });

    it.each([
      ["UPER cut short", [FRAME, "uper"], bsmPer.subarray(0, 20), "v2x: -: v2xh.csae53.v1.MessageFrame: not valid UPER: bsmFrame.pos.lon: input ends after 23 more bits, 32 needed (at bit 137)\n"],
      ["a frame cut short", [GBT, "gbt32960"], realtime.subarray(0, 40), `v2x: -: v2xh.gbt32960.v1.Frame: not a valid GB/T 32960 frame: offset 22, dataUnitLength: declares a ${realtime.length}-byte frame, got 40 bytes\n`],
      ["UPER for a GB/T 32960 frame", [GBT, "uper"], bsmPer, "v2x: --encoding uper carries only CSAE 53 types (v2xh.csae53.*), not v2xh.gbt32960.v1.Frame; protobuf and json carry every type\n"],
    ])("exits 2 with one line naming the offset and field for %s", (_case, [type = "", encoding = ""], input, stderr) => {
      expect(v2x(["validate", "--type", type, "--encoding", encoding, "-"], input)).toMatchObject({ code: 2, stdout: "", stderr });
    });
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
    [["validate", "--type", FRAME, "--encoding", "xml", "-"], "", /Allowed choices are protobuf, json, uper, gbt32960/],
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
