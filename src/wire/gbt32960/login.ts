import type { BatteryManagementSystem, Encryption, PlatformLogin, PlatformLogout, VehicleLogin2016, VehicleLogin2025, VehicleLogout } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { enumByte, fixedText, readEach, struct, writeEach, type Codec } from "./codec.ts";
import { time, wordReading } from "./elements.ts";

const ICCID_LENGTH = 20;
const PACK_CODE_LENGTH = 24;

type LoginHead = Pick<VehicleLogin2016, "time" | "serial" | "iccid">;
const loginHead = struct<LoginHead>({ time, serial: wordReading, iccid: fixedText(ICCID_LENGTH) });

/** Vehicle login, 2016 (table 6): n codes of m characters follow only when m is not 0. */
export const vehicleLogin2016: Codec<VehicleLogin2016> = {
  read(reader) {
    const head = loginHead.read(reader);
    const ressCount = reader.u8("ressCount");
    const ressCodeLength = reader.u8("ressCodeLength");
    const ressCodes = ressCodeLength === 0 ? [] : readEach(reader, "ressCodes", ressCount, () => reader.latin1(ressCodeLength));
    return { time: head.time, serial: head.serial, iccid: head.iccid, ressCount, ressCodeLength, ressCodes };
  },
  write(writer, login) {
    loginHead.write(writer, login);
    writer.u8(login.ressCount, "ressCount");
    writer.u8(login.ressCodeLength, "ressCodeLength");
    if (login.ressCodeLength === 0 && login.ressCodes.length > 0) writer.fail("ValueError", "ressCodes", "codes are not sent when ressCodeLength is 0");
    if (login.ressCodeLength > 0 && login.ressCodes.length !== login.ressCount) {
      writer.fail("ValueError", "ressCodes", `expected ressCount (${login.ressCount}) codes, got ${login.ressCodes.length}`);
    }
    const code = fixedText(login.ressCodeLength);
    writeEach(writer, "ressCodes", login.ressCodes, (text) => code.write(writer, text));
  },
};

/** Vehicle login, 2025 (table 6): BMS count, one pack count per BMS, then every pack code in the same order. */
export const vehicleLogin2025: Codec<VehicleLogin2025> = {
  read(reader) {
    const head = loginHead.read(reader);
    const packCounts = readEach(reader, "bms", reader.u8("bms"), () => reader.u8("packCodes"));
    const bms = readEach(reader, "bms", packCounts.length, (i): BatteryManagementSystem => ({
      packCodes: readEach(reader, "packCodes", packCounts[i] ?? 0, () => reader.latin1(PACK_CODE_LENGTH)),
    }));
    return { time: head.time, serial: head.serial, iccid: head.iccid, bms };
  },
  write(writer, login) {
    loginHead.write(writer, login);
    writer.u8(login.bms.length, "bms");
    writeEach(writer, "bms", login.bms, (system) => writer.u8(system.packCodes.length, "packCodes"));
    const code = fixedText(PACK_CODE_LENGTH);
    writeEach(writer, "bms", login.bms, (system) => writeEach(writer, "packCodes", system.packCodes, (text) => code.write(writer, text)));
  },
};

/** Vehicle logout (table 20): time and the serial of the login it closes. */
export const vehicleLogout: Codec<VehicleLogout> = struct<VehicleLogout>({ time, serial: wordReading });

/** Platform login (table 21). */
export const platformLogin: Codec<PlatformLogin> = struct<PlatformLogin>({
  time,
  serial: wordReading,
  username: fixedText(12),
  password: fixedText(20),
  encryption: enumByte<Encryption>(),
});

/** Platform logout (table 22). */
export const platformLogout: Codec<PlatformLogout> = struct<PlatformLogout>({ time, serial: wordReading });
