import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Encryption, type Frame } from "../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { decodeJson, encodeJson, encodeProtobuf, loadRegistry } from "../../src/schema/index.ts";
import { decodeFrame, encodeFrame } from "../../src/wire/gbt32960/index.ts";
import { encodeUper } from "../../src/wire/uper/index.ts";
import { validFixtures } from "../helpers/fixtures.ts";

const BIN = path.resolve("src/cli/bin.js");
const FRAME = "v2xh.csae53.v1.MessageFrame";
const GBT = "v2xh.gbt32960.v1.Frame";
const BSM_JSON = "proto/examples/csae53/bsm.json";
const registry = loadRegistry();
const tmp = mkdtempSync(path.join(tmpdir(), "v2x-convert-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `v2x`; standard output stays bytes, as convert writes binary. */
function v2x(args: string[], input?: string | Buffer) {
  const result = spawnSync(process.execPath, [BIN, ...args], { input, timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
}

function convert(type: string, from: string, to: string, file: string, input?: Buffer) {
  return v2x(["convert", "--type", type, "--from", from, "--to", to, file], input);
}

/** A fixture's message, written alone to a file as the input of a conversion. */
function gbtFixtureFile(name: string): string {
  const fixture = validFixtures("gbt32960").find((f) => f.file.endsWith(`/${name}`));
  const file = path.join(tmp, name);
  writeFileSync(file, JSON.stringify(fixture?.message));
  return file;
}

describe("v2x convert", () => {
  it("converts the example BSM from JSON to UPER and back to the same message", () => {
    const perFile = path.join(tmp, "bsm.per");
    const toFile = v2x(["convert", "--type", FRAME, "--from", "json", "--to", "uper", "--output", perFile, BSM_JSON]);
    expect(toFile).toMatchObject({ code: 0, stderr: "" });
    const back = convert(FRAME, "uper", "json", perFile);

    expect(back.code).toBe(0);
    expect(decodeJson(registry, FRAME, back.stdout.toString("utf8"))).toEqual(decodeJson(registry, FRAME, readFileSync(BSM_JSON, "utf8")));
    // Canonical protobuf JSON leaves zero values out, so the text equals the JSON-to-JSON conversion.
    expect(back.stdout.toString("utf8")).toBe(convert(FRAME, "json", "json", BSM_JSON).stdout.toString("utf8"));
  });

  it("writes binary to standard output, reading standard input", () => {
    const viaStdout = convert(FRAME, "json", "uper", "-", readFileSync(BSM_JSON));
    const perFile = path.join(tmp, "bsm-stdout.per");
    v2x(["convert", "--type", FRAME, "--from", "json", "--to", "uper", "--output", perFile, BSM_JSON]);

    expect(viaStdout.code).toBe(0);
    expect(viaStdout.stdout).toEqual(readFileSync(perFile));
  });

  it.each(["realtime-2016.json", "login-2025.json", "realtime-2025-sm4.json"])("converts the GB/T 32960 fixture %s from JSON to a binary frame and back", (name) => {
    const input = gbtFixtureFile(name);
    const frame = convert(GBT, "json", "gbt32960", input);
    expect(frame.code).toBe(0);
    expect(frame.stdout.subarray(0, 2).toString("latin1")).toMatch(/^(##|\$\$)$/);

    const back = convert(GBT, "gbt32960", "json", "-", frame.stdout);
    expect(back.code).toBe(0);
    expect(decodeJson(registry, GBT, back.stdout.toString("utf8"))).toEqual(decodeJson(registry, GBT, readFileSync(input, "utf8")));
  });

  it("encrypts a frame that says SM4 with --sm4-key, and decrypts it back with the key", () => {
    const KEY = "0123456789abcdeffedcba9876543210";
    const plain = decodeJson<Frame>(registry, GBT, validFixtures("gbt32960").find((f) => f.file.endsWith("/realtime-2025.json"))?.message);
    const input = path.join(tmp, "realtime-2025-to-encrypt.json");
    writeFileSync(input, JSON.stringify(encodeJson(registry, GBT, { ...plain, encryption: Encryption.SM4 })));
    expect(convert(GBT, "json", "gbt32960", input).stderr).toMatch(/encryption 5 needs a key in options\.keys/);

    const frame = v2x(["convert", "--type", GBT, "--from", "json", "--to", "gbt32960", "--sm4-key", KEY, input]);
    expect(frame.code).toBe(0);
    expect(decodeFrame(frame.stdout).encrypted?.length).toBeGreaterThan(0);
    const back = v2x(["convert", "--type", GBT, "--from", "gbt32960", "--to", "json", "--sm4-key", KEY, "-"], frame.stdout);
    expect(back.code).toBe(0);
    expect(decodeJson(registry, GBT, back.stdout.toString("utf8"))).toEqual({ ...plain, encryption: Encryption.SM4 });
  });

  it("converts protobuf to UPER byte for byte as JSON to UPER does", () => {
    const protobuf = Buffer.from(encodeProtobuf(registry, FRAME, decodeJson(registry, FRAME, readFileSync(BSM_JSON, "utf8"))));
    expect(convert(FRAME, "protobuf", "uper", "-", protobuf).stdout).toEqual(convert(FRAME, "json", "uper", BSM_JSON).stdout);
  });

  it("exits 1 naming the field when the message breaks a constraint of the output encoding", () => {
    const run = convert(FRAME, "json", "uper", "proto/examples/csae53/bsm-bad.json");
    expect(run.code).toBe(1);
    expect(run.stdout.length).toBe(0);
    expect(run.stderr).toBe(`v2x: proto/examples/csae53/bsm-bad.json: ${FRAME}: cannot be written in UPER: bsmFrame.id: expected a length of 8, got 4 (at bit 19)\n`);
  });

  const bsmPer = Buffer.from(encodeUper(registry, FRAME, decodeJson(registry, FRAME, readFileSync(BSM_JSON, "utf8"))));
  const badBcc = Buffer.from(encodeFrame(decodeJson(registry, GBT, validFixtures("gbt32960").find((f) => f.file.endsWith("/heartbeat.json"))?.message)));
  badBcc[badBcc.length - 1] = (badBcc[badBcc.length - 1] ?? 0) ^ 0xff;

  it.each([
    [[FRAME, "uper", "json"], bsmPer.subarray(0, 20), /^v2x: -: v2xh\.csae53\.v1\.MessageFrame: not valid UPER: bsmFrame\.pos\.lon: input ends after 23 more bits, 32 needed \(at bit 137\)\n$/],
    [[GBT, "gbt32960", "json"], badBcc, /^v2x: -: v2xh\.gbt32960\.v1\.Frame: not a valid GB\/T 32960 frame: offset 24, bcc: /],
    [[FRAME, "json", "gbt32960"], readFileSync(BSM_JSON), /--to gbt32960 carries only v2xh\.gbt32960\.v1\.Frame, not v2xh\.csae53\.v1\.MessageFrame/],
    [[GBT, "uper", "json"], bsmPer, /--from uper carries only CSAE 53 types \(v2xh\.csae53\.\*\), not v2xh\.gbt32960\.v1\.Frame/],
    [["MessageFrame", "json", "uper"], readFileSync(BSM_JSON), /no message type "MessageFrame" \(did you mean "v2xh.csae53.v1.MessageFrame"\?\)/],
    [[FRAME, "json", "xml"], Buffer.from("{}"), /Allowed choices are protobuf, json, uper, gbt32960/],
  ])("exits 2 with a one-line reason for unreadable input or an encoding that does not fit: %j", ([type = "", from = "", to = ""], input, reason) => {
    const run = convert(type, from, to, "-", input);
    expect(run.code).toBe(2);
    expect(run.stdout.length).toBe(0);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
  });

  it("exits 2 when --to is missing", () => {
    const run = v2x(["convert", "--type", FRAME, "--from", "json", BSM_JSON]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/required option '--to <encoding>' not specified/);
  });

  it("shows help with an example and exits 0", () => {
    const run = v2x(["convert", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout.toString("utf8")).toMatch(/Example:\n {2}v2x convert --type v2xh\.csae53\.v1\.MessageFrame --from json --to uper/);
  });
});
