import type { Byte, Dword, Gear2016, Gear2025, Time, Word } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { Marker } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import type { ByteReader } from "./byte-reader.ts";
import type { ByteWriter } from "./byte-writer.ts";
import { struct, u16, u32, u8, type Codec } from "./codec.ts";

/** The 6-byte collection time, plain binary (not BCD). */
export const time: Codec<Time> = struct<Time>({ year: u8, month: u8, day: u8, hour: u8, minute: u8, second: u8 });

type Reading = Byte | Word | Dword;

/** A BYTE, WORD or DWORD whose two highest values are the abnormal and invalid markers (table 1, 6.1.2). */
function reading<R extends Reading>(raw: Codec<number>, invalid: number): Codec<R> {
  const abnormal = invalid - 1;
  return {
    read(reader) {
      const value = raw.read(reader);
      if (value === invalid) return { marker: Marker.INVALID } as R;
      return (value === abnormal ? { marker: Marker.ABNORMAL } : { value }) as R;
    },
    write(writer, reading) {
      if (reading.marker === undefined) {
        if (reading.value >= abnormal) writer.fail("ValueError", "value", `${reading.value} is a marker on the wire; set marker instead`);
        raw.write(writer, reading.value);
        return;
      }
      if (reading.marker === Marker.ABNORMAL) raw.write(writer, abnormal);
      else if (reading.marker === Marker.INVALID) raw.write(writer, invalid);
      else writer.fail("ValueError", "marker", `expected MARKER_ABNORMAL or MARKER_INVALID, got ${String(reading.marker)}`);
    },
  };
}

export const byteReading: Codec<Byte> = reading<Byte>(u8, 0xff);
export const wordReading: Codec<Word> = reading<Word>(u16, 0xffff);
export const dwordReading: Codec<Dword> = reading<Dword>(u32, 0xffffffff);

/** A gear byte: 0xFE/0xFF are markers, any other byte is split into its bit fields. */
function gearByte<G extends Gear2016 | Gear2025>(split: (byte: number) => NonNullable<G["state"]>, join: (state: NonNullable<G["state"]>, writer: ByteWriter) => number): Codec<G> {
  return {
    read(reader: ByteReader) {
      const byte = reader.u8();
      if (byte >= 0xfe) return { marker: byte === 0xfe ? Marker.ABNORMAL : Marker.INVALID } as G;
      return { state: split(byte) } as G;
    },
    write(writer, gear) {
      if (gear.state === undefined) return byteReading.write(writer, { marker: gear.marker });
      writer.path.enter("state");
      const byte = join(gear.state, writer);
      if (byte >= 0xfe) writer.fail("ValueError", undefined, `these bits make ${byte.toString(16)}h, which is a marker on the wire; set marker instead`);
      writer.u8(byte);
      writer.path.leave();
    },
  };
}

function bits(writer: ByteWriter, value: number, max: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > max) writer.fail("ValueError", field, `expected an integer 0..${max}, got ${String(value)}`);
  return value;
}

/** Gear byte, 2016 (table A.1): position bits 0..3, braking bit 4, driving bit 5, reserved bits 6..7. */
export const gear2016: Codec<Gear2016> = gearByte<Gear2016>(
  (byte) => ({ position: (byte & 0x0f) as NonNullable<Gear2016["state"]>["position"], brakingForce: (byte & 0x10) !== 0, drivingForce: (byte & 0x20) !== 0, reserved: byte >> 6 }),
  (state, w) => bits(w, state.position, 15, "position") | (state.brakingForce ? 0x10 : 0) | (state.drivingForce ? 0x20 : 0) | (bits(w, state.reserved, 3, "reserved") << 6),
);

/** Gear byte, 2025 (table A.1): as 2016, but bit 6 reserved and bit 7 "position invalid". */
export const gear2025: Codec<Gear2025> = gearByte<Gear2025>(
  (byte) => ({
    position: (byte & 0x0f) as NonNullable<Gear2025["state"]>["position"],
    brakingForce: (byte & 0x10) !== 0,
    drivingForce: (byte & 0x20) !== 0,
    reserved: (byte >> 6) & 1,
    positionInvalid: (byte & 0x80) !== 0,
  }),
  (state, w) =>
    bits(w, state.position, 15, "position") | (state.brakingForce ? 0x10 : 0) | (state.drivingForce ? 0x20 : 0) | (bits(w, state.reserved, 1, "reserved") << 6) | (state.positionInvalid ? 0x80 : 0),
);
