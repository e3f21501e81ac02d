import type { Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { ByteWriter } from "./byte-writer.ts";
import { encryptDataUnit, isCipherMode, keyFor } from "./cipher.ts";
import { fixedText } from "./codec.ts";
import { BODY_MEMBERS, bodyCodec } from "./data-unit.ts";
import { HEADER_SIZE, LENGTH_OFFSET, MAX_DATA_UNIT, UNIQUE_ID_SIZE, computeBcc, startByteOf } from "./frame-layout.ts";
import { withDefaults, type Gbt32960Options } from "./options.ts";
import { WireError } from "./wire-error.ts";

const uniqueIdCodec = fixedText(UNIQUE_ID_SIZE);

/**
 * Writes a frame: header, data unit (derived length), BCC. A plain body with encryption AES or SM4 is
 * encrypted with the key in `options.keys`; an `encrypted` body is written as it is. The body member is
 * not checked against the command (validateRules does that), so a deliberately wrong frame can be sent.
 * A value its field cannot hold throws a WireError naming the field.
 */
export function encodeFrame(frame: Frame, options: Partial<Gbt32960Options> = {}): Uint8Array {
  const writer = new ByteWriter(HEADER_SIZE + 64, options.mismatchedCounts === "write");
  const start = startByteOf(frame.edition);
  if (start === undefined) throw new WireError("ValueError", `expected EDITION_2016 or EDITION_2025, got ${String(frame.edition)}`, { field: "edition" });
  writer.u8(start);
  writer.u8(start);
  writer.u8(frame.command, "command");
  writer.u8(frame.responseFlag, "responseFlag");
  writer.path.enter("uniqueId");
  uniqueIdCodec.write(writer, frame.uniqueId);
  writer.path.leave();
  writer.u8(frame.encryption, "encryption");
  writer.u16(0);
  const member = BODY_MEMBERS.find((candidate) => frame[candidate] !== undefined);
  if (member === undefined) throw new WireError("ValueError", "no body member is set", { field: "body" });
  writer.path.enter(member);
  bodyCodec(frame.edition, member).write(writer, frame[member]);
  writer.path.leave();
  if (member !== "encrypted" && writer.size > HEADER_SIZE && isCipherMode(frame.encryption)) encrypt(writer, frame.encryption, options);
  const length = writer.size - HEADER_SIZE;
  if (length > MAX_DATA_UNIT) throw new WireError("LengthError", `the data unit has ${length} bytes, more than ${MAX_DATA_UNIT}`, { field: member });
  writer.patchU16(LENGTH_OFFSET, length);
  writer.u8(computeBcc(writer.view(), writer.size));
  return writer.view().slice();
}

function encrypt(writer: ByteWriter, encryption: number, options: Partial<Gbt32960Options>): void {
  const key = keyFor(encryption, withDefaults(options).keys);
  if (key === undefined) throw new WireError("CipherError", `encryption ${encryption} needs a key in options.keys, or an \`encrypted\` body`, { field: "encryption" });
  const ciphertext = encryptDataUnit(encryption, key, writer.view(HEADER_SIZE));
  writer.truncate(HEADER_SIZE);
  writer.bytes(ciphertext);
}
