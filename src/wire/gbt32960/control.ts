import type { AlarmWarning, Control, ControlAlarmLevel, ControlCommand, NoControlParameters, RemoteUpgrade, UserDefinedControl } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { enumByte, fixedText, isUserDefinedCode, nothing, restOfUnit, struct, type Codec } from "./codec.ts";
import { time, wordReading } from "./elements.ts";
import { hex } from "./wire-error.ts";

const SEPARATOR = 0x3b; // ';'

/** A STRING of any length, ended by the next ';' (or by the end of the data unit). */
const separatedText: Codec<string> = {
  read(reader) {
    const length = reader.indexOf(SEPARATOR);
    return reader.latin1(length < 0 ? reader.remaining : length);
  },
  write(writer, text) {
    if (text.includes(";")) writer.fail("ValueError", undefined, "contains ';', the field separator");
    writer.latin1(text);
  },
};

const serverAddress: Codec<Uint8Array> = {
  read: (reader) => reader.bytesOf(6),
  write(writer, address) {
    if (address.length !== 6) writer.fail("ValueError", undefined, `expected 6 bytes, got ${address.length}`);
    writer.bytes(address);
  },
};

/**
 * Remote upgrade (table B.16): the fields in table order, one ';' between each two. Fixed-size fields
 * (address, port, maker ID, versions, time limit) are read by size, so their bytes may include ';'.
 */
const UPGRADE_FIELDS: readonly (readonly [keyof RemoteUpgrade, Codec<unknown>])[] = [
  ["apn", separatedText],
  ["dialUser", separatedText],
  ["dialPassword", separatedText],
  ["serverAddress", serverAddress],
  ["serverPort", wordReading],
  ["manufacturerId", fixedText(4)],
  ["hardwareVersion", fixedText(5)],
  ["firmwareVersion", fixedText(5)],
  ["upgradeUrl", separatedText],
  ["connectTimeLimit", wordReading],
];

const remoteUpgrade: Codec<RemoteUpgrade> = {
  read(reader) {
    const upgrade: Record<string, unknown> = {};
    UPGRADE_FIELDS.forEach(([name, codec], i) => {
      reader.path.enter(name);
      if (i > 0) {
        const at = reader.offset;
        const separator = reader.u8();
        if (separator !== SEPARATOR) reader.fail("ValueError", undefined, `expected the separator ';' before this field, got ${hex(separator)}`, at);
      }
      upgrade[name] = codec.read(reader);
      reader.path.leave();
    });
    return upgrade as unknown as RemoteUpgrade;
  },
  write(writer, upgrade) {
    UPGRADE_FIELDS.forEach(([name, codec], i) => {
      writer.path.enter(name);
      if (i > 0) writer.u8(SEPARATOR);
      codec.write(writer, upgrade[name]);
      writer.path.leave();
    });
  },
};

/** Control commands by ID (table B.15); parameters run to the end of the data unit. */
const COMMANDS: readonly (readonly [number, keyof ControlCommand, Codec<unknown>])[] = [
  [0x01, "remoteUpgrade", remoteUpgrade],
  [0x02, "powerOff", nothing<NoControlParameters>()],
  [0x03, "reset", nothing<NoControlParameters>()],
  [0x04, "factoryReset", nothing<NoControlParameters>()],
  [0x05, "disconnect", nothing<NoControlParameters>()],
  [0x06, "alarmWarning", struct<AlarmWarning>({ level: enumByte<ControlAlarmLevel>(), info: restOfUnit })],
  [0x07, "openSamplingLink", nothing<NoControlParameters>()],
];

const controlCommand: Codec<ControlCommand> = {
  read(reader) {
    const at = reader.offset;
    const id = reader.u8("id");
    if (isUserDefinedCode(id)) {
      const userDefined: UserDefinedControl = { id, parameters: reader.bytesOf(reader.remaining, "userDefined.parameters") };
      return { userDefined };
    }
    const command = COMMANDS.find(([candidate]) => candidate === id);
    if (command === undefined) return reader.fail("UnknownCodeError", "id", `unknown control command ${hex(id)}`, at);
    const [, member, codec] = command;
    reader.path.enter(member);
    const parameters = codec.read(reader);
    reader.path.leave();
    return { [member]: parameters } as ControlCommand;
  },
  write(writer, command) {
    if (command.userDefined !== undefined) {
      const { id, parameters } = command.userDefined;
      if (!isUserDefinedCode(id)) writer.fail("ValueError", "userDefined.id", `expected a user-defined ID 0x80..0xfe, got ${String(id)}`);
      writer.u8(id);
      writer.bytes(parameters);
      return;
    }
    const members = command as Record<string, unknown>;
    const known = COMMANDS.find(([, member]) => members[member] !== undefined);
    if (known === undefined) return writer.fail("ValueError", undefined, "no control command is set");
    const [id, member, codec] = known;
    writer.u8(id);
    writer.path.enter(member);
    codec.write(writer, members[member]);
    writer.path.leave();
  },
};

/** Terminal control 0x82 (table B.14): time and exactly one command. */
export const control: Codec<Control> = struct<Control>({ time, command: controlCommand });
