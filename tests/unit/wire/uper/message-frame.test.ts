import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeJson, decodeProtobuf, encodeProtobuf } from "../../../../src/schema/index.ts";
import type { MessageFrame } from "../../../../src/schema/gen/v2xh/csae53/v1/index.ts";
import { decodeUper, encodeUper } from "../../../../src/wire/uper/index.ts";
import { arbitraryMessage } from "../../../helpers/arbitrary-message.ts";
import { validFixtures } from "../../../helpers/fixtures.ts";
import { FRAME, registry, toBits } from "./bit-vector.ts";

const EXAMPLES_DIR = new URL("../../../../proto/examples/csae53/", import.meta.url);

/** Every valid CSAE 53 message we ship: proto/examples (the "-bad" one excepted) and the valid test fixtures. */
const SAMPLES: [string, unknown][] = [
  ...readdirSync(EXAMPLES_DIR)
    .filter((name) => name.endsWith(".json") && !name.includes("-bad"))
    .map((name): [string, unknown] => [`proto/examples/csae53/${name}`, JSON.parse(readFileSync(new URL(name, EXAMPLES_DIR), "utf8"))]),
  ...validFixtures("csae53").map((fixture): [string, unknown] => [fixture.file, fixture.message]),
];

/** The object protobuf would give for the message, the reference a UPER round trip must reproduce. */
function viaProtobuf(message: unknown): unknown {
  return decodeProtobuf(registry, FRAME, encodeProtobuf(registry, FRAME, message));
}

describe("MessageFrame: the minimal BSM, bit for bit", () => {
  // tests/fixtures/csae53/valid/bsm-minimal.json, worked out by hand from X.691:
  const vector = [
    "0 000", // MessageFrame: extension bit 0, CHOICE index 0 (bsmFrame) of 5 in 3 bits
    "0 0000000", // BasicSafetyMessage: extension bit 0; 7 OPTIONALs, none present
    "1011110", // msgCnt 94, MsgCount 0..127 in 7 bits
    "01011010 00111100 10011110 00010001 00000111 11010010 01001011 01101000", // id, SIZE(8): no length
    "1011001010000100", // secMark 45700, DSecond 0..65535 in 16 bits
    "0", // pos: elevation absent
    "1001101010111100001000101101100", // pos.lat 398010476 + 900000000 in 31 bits
    "10110000101110010110001101011011", // pos.long 1164939612 + 1799999999 in 32 bits
    "010", // transmission forwardGears: index 2 of 8 in 3 bits
    "0001000101100", // speed 556 in 13 bits
    "010111001000000", // heading 11840, 0..28800 → 15 bits
    "111110100001 111110100001", // accelSet.long, .lat 2001 + 2000 = 4001, -2000..2001 → 12 bits each
    "00000000", // accelSet.vert -127 + 127 = 0, -127..127 → 8 bits
    "0111111111111111", // accelSet.yaw 0 + 32767, -32767..32767 → 16 bits
    "0000000", // brakes: 7 OPTIONALs, none present
    "0 0010111010 000111100111", // size: height absent; width 186 in 10 bits; length 487 in 12 bits
    "0 0 00001010", // vehicleClass: extension bit 0, fuelType absent, classification 10 in 8 bits
  ].join("").replace(/\s/g, "");
  // 282 bits, padded with zeros to 36 octets.
  const padded = vector.padEnd(288, "0");
  const fixture = validFixtures("csae53").find((f) => f.file.endsWith("bsm-minimal.json"));
  const message = decodeJson<MessageFrame>(registry, FRAME, fixture?.message);

  it("encodes to the hand-derived bits", () => {
    expect(vector.length).toBe(282);
    const bytes = encodeUper(registry, FRAME, message);
    expect(bytes.length).toBe(36);
    expect(toBits(bytes)).toBe(padded);
  });

  it("decodes the hand-derived bits to the message", () => {
    const bytes = Uint8Array.from(padded.match(/.{8}/g) ?? [], (octet) => parseInt(octet, 2));
    expect(decodeUper(registry, FRAME, bytes)).toEqual(viaProtobuf(message));
  });
});

describe("MessageFrame round trips", () => {
  it.each(SAMPLES)("%s survives encode → decode unchanged", (_name, json) => {
    const message = decodeJson(registry, FRAME, json);
    const bytes = encodeUper(registry, FRAME, message);
    const decoded = decodeUper(registry, FRAME, bytes);
    expect(decoded).toEqual(viaProtobuf(message));
    expect(encodeUper(registry, FRAME, decoded)).toEqual(bytes);
  });

  it.each([
    ["bsmFrame", 0x0],
    ["mapFrame", 0x1],
    ["rsmFrame", 0x2],
    ["spatFrame", 0x3],
    ["rsiFrame", 0x4],
  ])("a %s starts with the nibble %d (spec/csae53.md §1.2)", (key, nibble) => {
    const sample = SAMPLES.find(([, json]) => typeof json === "object" && json !== null && key in json);
    expect(sample).toBeDefined();
    const bytes = encodeUper(registry, FRAME, decodeJson(registry, FRAME, sample?.[1]));
    expect((bytes[0] ?? 0) >> 4).toBe(nibble);
  });

  it("round-trips random valid messages of every kind", () => {
    fc.assert(
      fc.property(arbitraryMessage(registry, FRAME, 5), (json) => {
        const message = decodeJson(registry, FRAME, json);
        const bytes = encodeUper(registry, FRAME, message);
        expect(decodeUper(registry, FRAME, bytes)).toEqual(viaProtobuf(message));
      }),
      { numRuns: 300, seed: 53 },
    );
  });
});
