// Differential check against asn1c, an independent UPER implementation: the ASN.1 module the
// description stands for is compiled with asn1c, which then encodes the same values from XER.
// Opt-in (it compiles C for a minute): UPER_ASN1C=1 npx vitest run tests/unit/wire/uper, with
// asn1c (Debian package asn1c, 0.9.28 tested), make and a C compiler on the PATH.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeJson } from "../../../../src/schema/index.ts";
import { describeMessageType, encodeUper } from "../../../../src/wire/uper/index.ts";
import { arbitraryMessage } from "../../../helpers/arbitrary-message.ts";
import { validFixtures } from "../../../helpers/fixtures.ts";
import { asn1Module, xerValue } from "./asn1-text.ts";
import { FRAME, registry } from "./bit-vector.ts";

const enabled = process.env["UPER_ASN1C"] === "1";

describe.skipIf(!enabled)("UPER against asn1c", () => {
  let dir = "";
  const root = describeMessageType(registry, FRAME);

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "uper-asn1c-"));
    writeFileSync(path.join(dir, "csae53.asn"), asn1Module("CSAE53Phase1", root));
    execFileSync("asn1c", ["-fcompound-names", "-gen-PER", "-pdu=MessageFrame", "csae53.asn"], { cwd: dir, stdio: "ignore" });
    execFileSync("make", ["-j2", "-f", "Makefile.am.sample", "CFLAGS=-DPDU=MessageFrame -I. -O1 -w"], { cwd: dir, stdio: "ignore" });
  }, 600_000);

  afterAll(() => {
    if (dir !== "") rmSync(dir, { recursive: true, force: true });
  });

  function asn1cEncoding(message: unknown): Buffer {
    const file = path.join(dir, "value.xer");
    writeFileSync(file, `<MessageFrame>${xerValue(root, message)}</MessageFrame>`);
    return execFileSync(path.join(dir, "progname"), ["-ixer", "-oper", file]);
  }

  it("encodes every valid fixture to the same octets", () => {
    for (const fixture of validFixtures("csae53")) {
      const message = decodeJson(registry, FRAME, fixture.message);
      expect(Buffer.from(encodeUper(registry, FRAME, message)).toString("hex"), fixture.file).toBe(asn1cEncoding(message).toString("hex"));
    }
  });

  it("encodes random valid messages of every kind to the same octets", () => {
    for (const json of fc.sample(arbitraryMessage(registry, FRAME, 5), { numRuns: 300, seed: 7 })) {
      const message = decodeJson(registry, FRAME, json);
      expect(Buffer.from(encodeUper(registry, FRAME, message)).toString("hex")).toBe(asn1cEncoding(message).toString("hex"));
    }
  }, 600_000);

  it("has its encodings read back by asn1c", () => {
    const file = path.join(dir, "value.per");
    for (const fixture of validFixtures("csae53")) {
      writeFileSync(file, encodeUper(registry, FRAME, decodeJson(registry, FRAME, fixture.message)));
      expect(() => execFileSync(path.join(dir, "progname"), ["-iper", "-onull", "-1", file], { stdio: "pipe" }), fixture.file).not.toThrow();
    }
  });
});
