import type { Edition, Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { ByteReader } from "./byte-reader.ts";
import { decryptDataUnit, isCipherMode, keyFor } from "./cipher.ts";
import { bodyCodec, memberOf } from "./data-unit.ts";
import { FRAME_OVERHEAD, HEADER_SIZE, LENGTH_OFFSET, MAX_DATA_UNIT, UNIQUE_ID_SIZE, checksumError, computeBcc, editionAt } from "./frame-layout.ts";
import { withDefaults, type Gbt32960Options } from "./options.ts";
import { WireError, hex } from "./wire-error.ts";

/**
 * Reads exactly one frame: start symbol, header, data unit and BCC. Malformed input throws a WireError
 * naming the frame offset and the field; nothing else is thrown. An encrypted data unit stays
 * `encrypted` unless `options.keys` holds the key for its mode.
 */
export function decodeFrame(bytes: Uint8Array, options: Partial<Gbt32960Options> = {}): Frame {
  const edition = readStart(bytes);
  const length = checkLengthAndBcc(bytes);
  const header = new ByteReader(bytes.subarray(2, HEADER_SIZE), 2);
  const command = header.u8("command");
  const responseFlag = header.u8("responseFlag");
  const uniqueId = header.latin1(UNIQUE_ID_SIZE, "uniqueId");
  const encryption = header.u8("encryption");
  let dataUnit = bytes.subarray(HEADER_SIZE, HEADER_SIZE + length);
  const frame: Record<string, unknown> = { edition, command, responseFlag, uniqueId, encryption };
  if (length > 0 && isCipherMode(encryption)) {
    const key = keyFor(encryption, withDefaults(options).keys);
    if (key === undefined) {
      frame.encrypted = new Uint8Array(dataUnit);
      return frame as Frame;
    }
    dataUnit = decryptDataUnit(encryption, key, dataUnit);
  }
  const reader = new ByteReader(dataUnit, HEADER_SIZE);
  const member = memberOf(edition, command, responseFlag, dataUnit.length);
  reader.path.enter(member);
  const body = bodyCodec(edition, member).read(reader);
  if (reader.remaining > 0) reader.fail("LengthError", undefined, `${reader.remaining} byte${reader.remaining === 1 ? "" : "s"} left after the data unit was read`);
  frame[member] = body;
  return frame as Frame;
}

function readStart(bytes: Uint8Array): Edition {
  if (bytes.length < FRAME_OVERHEAD) throw new WireError("TruncatedError", `a frame has at least ${FRAME_OVERHEAD} bytes, got ${bytes.length}`, { offset: bytes.length, field: "header" });
  const edition = editionAt(bytes, 0);
  if (edition === undefined) throw new WireError("StartSymbolError", `expected "##" or "$$", got ${hex(bytes[0] ?? 0)} ${hex(bytes[1] ?? 0)}`, { offset: 0, field: "start" });
  return edition;
}

/** The declared data-unit length, checked against the input size, and the BCC over it. */
function checkLengthAndBcc(bytes: Uint8Array): number {
  const length = ((bytes[LENGTH_OFFSET] as number) << 8) | (bytes[LENGTH_OFFSET + 1] as number);
  const lengthField = { offset: LENGTH_OFFSET, field: "dataUnitLength" };
  if (length > MAX_DATA_UNIT) throw new WireError("LengthError", `expected at most ${MAX_DATA_UNIT}, got ${length}`, lengthField);
  const size = length + FRAME_OVERHEAD;
  if (bytes.length < size) throw new WireError("TruncatedError", `declares a ${size}-byte frame, got ${bytes.length} bytes`, lengthField);
  if (bytes.length > size) throw new WireError("LengthError", `declares a ${size}-byte frame, got ${bytes.length} bytes`, lengthField);
  const computed = computeBcc(bytes, size - 1);
  const carried = bytes[size - 1] as number;
  if (computed !== carried) throw checksumError(computed, carried, size - 1);
  return length;
}
