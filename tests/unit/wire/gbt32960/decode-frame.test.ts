import { describe, expect, it } from "vitest";
import { Command, Edition, Encryption, Marker, ResponseFlag, type Frame } from "../../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { formatViolation, loadRegistry, validateRules } from "../../../../src/schema/index.ts";
import { decodeFrame, encodeFrame, isWireError, type WireErrorName } from "../../../../src/wire/gbt32960/index.ts";
import { HEX_FIXTURES, fromHex, readHexFixture, toHex } from "./hex.ts";

const VIN = "LSVAU2A37K2100001";

/** Spec §1.4: synthetic vectors with VIN LSVAU2A37K2100001. */
const SPEC_VECTORS: readonly { name: string; hex: string; frame: Frame }[] = [
  {
    name: "heartbeat command",
    hex: "232307fe4c53564155324133374b32313030303031010000ab",
    frame: { edition: Edition.EDITION_2016, command: Command.HEARTBEAT, responseFlag: ResponseFlag.COMMAND, uniqueId: VIN, encryption: Encryption.NONE, heartbeat: {} },
  },
  {
    name: "heartbeat ack, empty body",
    hex: "232307014c53564155324133374b3231303030303101000054",
    frame: { edition: Edition.EDITION_2016, command: Command.HEARTBEAT, responseFlag: ResponseFlag.SUCCESS, uniqueId: VIN, encryption: Encryption.NONE, response: {} },
  },
  {
    name: "time-calibration request",
    hex: "232308fe4c53564155324133374b32313030303031010000a4",
    frame: { edition: Edition.EDITION_2016, command: Command.TIME_CALIBRATION, responseFlag: ResponseFlag.COMMAND, uniqueId: VIN, encryption: Encryption.NONE, timeCalibrationRequest: {} },
  },
  {
    name: "time-calibration ack carrying 2025-11-26 08:30:00",
    hex: "232308014c53564155324133374b32313030303031010006190b1a081e0043",
    frame: {
      edition: Edition.EDITION_2016,
      command: Command.TIME_CALIBRATION,
      responseFlag: ResponseFlag.SUCCESS,
      uniqueId: VIN,
      encryption: Encryption.NONE,
      timeCalibrationAnswer: { time: { year: 25, month: 11, day: 26, hour: 8, minute: 30, second: 0 } },
    },
  },
];

describe("decodeFrame: spec §1.4 vectors", () => {
  for (const vector of SPEC_VECTORS) {
    it(`${vector.name} decodes and re-encodes byte for byte`, () => {
      expect(decodeFrame(fromHex(vector.hex))).toEqual(vector.frame);
      expect(toHex(encodeFrame(vector.frame))).toBe(vector.hex);
    });
  }
});

describe("decodeFrame: frames built by hand from the tables", () => {
  const registry = loadRegistry();
  for (const name of HEX_FIXTURES) {
    it(`${name}.hex decodes to a frame that keeps every rule of the schema`, () => {
      expect(validateRules(registry, "v2xh.gbt32960.v1.Frame", decodeFrame(readHexFixture(name))).map(formatViolation)).toEqual([]);
    });
  }

  it("2016 realtime with every data unit (tables 7-19, B.4-B.8)", () => {
    const frame = decodeFrame(readHexFixture("realtime-2016-all-units"));
    const units = frame.realtime2016?.units ?? [];
    expect(units.map((unit) => Object.keys(unit)[0])).toEqual([
      "vehicle",
      "driveMotors",
      "fuelCell",
      "engine",
      "position",
      "extremeValues",
      "alarm",
      "ressVoltages",
      "ressTemperatures",
      "userDefined",
    ]);
    expect(units[0]?.vehicle).toMatchObject({ speed: { value: 603 }, totalCurrent: { value: 10450 }, brakePedal: { value: 101 } });
    expect(units[0]?.vehicle?.gear).toEqual({ state: { position: 14, brakingForce: false, drivingForce: true, reserved: 0 } });
    expect(units[1]?.driveMotors?.motors[1]).toEqual({
      serial: { value: 2 },
      state: 0xfe,
      controllerTemperature: { marker: Marker.ABNORMAL },
      speed: { marker: Marker.INVALID },
      torque: { marker: Marker.ABNORMAL },
      temperature: { marker: Marker.INVALID },
      controllerInputVoltage: { marker: Marker.INVALID },
      controllerDcBusCurrent: { marker: Marker.ABNORMAL },
    });
    expect(units[2]?.fuelCell?.probeTemperatures).toEqual([{ value: 80 }, { value: 81 }]);
    expect(units[4]?.position).toEqual({ status: 6, longitude: { value: 114865384 }, latitude: { value: 30591045 } });
    expect(units[6]?.alarm).toMatchObject({
      maxAlarmLevel: 2,
      generalAlarmFlags: 0x801,
      ressFaultCodes: [42],
      engineFaultCount: { marker: Marker.ABNORMAL },
      engineFaultCodes: [],
      otherFaultCodes: [0xdeadbeef, 1],
    });
    expect(units[7]?.ressVoltages?.subsystems[0]?.cellVoltages).toEqual([{ value: 3712 }, { value: 3711 }, { marker: Marker.ABNORMAL }]);
    expect(units[9]?.userDefined).toEqual({ type: 0x80, data: new Uint8Array([1, 2, 3]) });
  });

  it("2025 realtime with every data unit and a signature (tables 7-26)", () => {
    const frame = decodeFrame(readHexFixture("realtime-2025-all-units"));
    expect(frame.edition).toBe(Edition.EDITION_2025);
    const data = frame.realtime2025;
    expect(data?.units.map((unit) => Object.keys(unit)[0])).toEqual([
      "vehicle",
      "driveMotors",
      "fuelCellEngine",
      "engine",
      "position",
      "alarm",
      "minParallelUnitVoltages",
      "batteryTemperatures",
      "fuelCellStacks",
      "supercapacitor",
      "supercapacitorExtremes",
      "userDefined",
    ]);
    expect(data?.units[0]?.vehicle?.gear).toEqual({ state: { position: 14, brakingForce: false, drivingForce: false, reserved: 0, positionInvalid: true } });
    expect(data?.units[1]?.driveMotors?.motors[0]?.torque).toEqual({ value: 200000 });
    expect(data?.units[4]?.position?.coordinateSystem).toBe(2);
    expect(data?.units[5]?.alarm?.alarmLevels).toEqual([{ flag: 23, level: 4 }]);
    expect(data?.units[8]?.fuelCellStacks?.stacks[0]?.coolantOutletTemperatures).toEqual([{ value: 90 }]);
    expect(data?.units[10]?.supercapacitorExtremes?.maxVoltageCell).toEqual({ value: 2 });
    expect(data?.signature).toEqual({ type: 1, r: new Uint8Array([0x11, 0x22, 0x33, 0x44]), s: new Uint8Array([0x55, 0x66, 0x77, 0x88]) });
  });

  it("2016 vehicle login with two 3-character storage codes (table 6)", () => {
    expect(decodeFrame(readHexFixture("vehicle-login-2016")).vehicleLogin2016).toEqual({
      time: { year: 25, month: 11, day: 26, hour: 8, minute: 12, second: 3 },
      serial: { value: 1 },
      iccid: "89860119801234567890",
      ressCount: 2,
      ressCodeLength: 3,
      ressCodes: ["ABC", "DEF"],
    });
  });

  it("2025 vehicle login: pack counts first, then the codes (2025 table 6)", () => {
    expect(decodeFrame(readHexFixture("vehicle-login-2025")).vehicleLogin2025?.bms).toEqual([{ packCodes: ["03HPB0DA0001NCM240100001"] }, { packCodes: [] }]);
  });

  it("platform login keeps user name and password as sent (table 21)", () => {
    expect(decodeFrame(readHexFixture("platform-login")).platformLogin).toMatchObject({ username: "username0001", password: "password000000000001", encryption: Encryption.AES });
  });

  it("2016 parameter set: a domain sized by the length item before it, a user-defined value last (table B.12)", () => {
    expect(decodeFrame(readHexFixture("parameter-set-2016")).parameterSet?.parameters).toEqual([
      { normalReportPeriod: { value: 30 } },
      { remoteDomainLength: 11 },
      { remoteDomain: "example.com" },
      { remotePort: { value: 7333 } },
      { heartbeatPeriod: { value: 10 } },
      { userDefined: { id: 0x80, value: new Uint8Array([1, 2]) } },
    ]);
  });

  it("2025 parameter set: periods 0x02 and 0x03 are one BYTE (2025 table B.8)", () => {
    expect(decodeFrame(readHexFixture("parameter-set-2025")).parameterSet?.parameters).toEqual([{ normalReportPeriod2025: { value: 30 } }, { alarmReportPeriod2025: { value: 1 } }]);
  });

  it("parameter query answer from the terminal (command 0x80, flag success)", () => {
    expect(decodeFrame(readHexFixture("parameter-query-answer-2016")).parameterQueryAnswer?.parameters).toEqual([
      { hardwareVersion: "HW1.0" },
      { firmwareVersion: "FW2.1" },
      { samplingMonitoring: 2 },
    ]);
  });

  it("remote upgrade: ';' between fields, fixed-size fields may contain ';' (table B.16)", () => {
    expect(decodeFrame(readHexFixture("control-remote-upgrade")).control?.command.remoteUpgrade).toEqual({
      apn: "cmnet",
      dialUser: "",
      dialPassword: "",
      serverAddress: new Uint8Array([0, 0, 10, 0, 0, 0x3b]),
      serverPort: { value: 21 },
      manufacturerId: "ABCD",
      hardwareVersion: "HW1.0",
      firmwareVersion: "FW2.1",
      upgradeUrl: "ftp://x/fw",
      connectTimeLimit: { value: 60 },
    });
  });

  it("2025 activation and key exchange (tables B.3, 31)", () => {
    expect(decodeFrame(readHexFixture("activation-2025")).activation).toEqual({
      time: { year: 25, month: 11, day: 26, hour: 8, minute: 0, second: 0 },
      chipId: "CHIP0001        ",
      publicKey: new Uint8Array([0x04, 0xaa, 0xbb, 0xcc]),
      vin: VIN,
      signature: { type: 1, r: new Uint8Array([0x11, 0x22]), s: new Uint8Array([0x33, 0x44]) },
    });
    expect(decodeFrame(readHexFixture("key-exchange-2025")).keyExchange).toMatchObject({ keyType: 5, startTime: { month: 11 }, expiryTime: { month: 12 } });
  });

  it("keeps an enum byte the schema does not name, so the validator can report it", () => {
    const bytes = readHexFixture("realtime-2016-all-units");
    const vehicleState = 31;
    bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ (bytes[vehicleState] ?? 0) ^ 0x07;
    bytes[vehicleState] = 0x07;
    expect(decodeFrame(bytes).realtime2016?.units[0]?.vehicle?.vehicleState).toBe(7);
  });
});

function expectWireError(bytes: Uint8Array, name: WireErrorName, message: string): void {
  let thrown: unknown;
  try {
    decodeFrame(bytes);
  } catch (error) {
    thrown = error;
  }
  expect(isWireError(thrown, name), String(thrown)).toBe(true);
  expect((thrown as Error).message).toBe(message);
}

/** A frame with the given command, flag, edition start byte and data unit, with a correct length and BCC. */
function frameOf(command: number, body: string, { flag = 0xfe, start = 0x23, encryption = 0x01 } = {}): Uint8Array {
  const data = fromHex(body);
  const bytes = new Uint8Array(25 + data.length);
  bytes.set([start, start, command, flag, ...Buffer.from(VIN), encryption, data.length >> 8, data.length & 0xff]);
  bytes.set(data, 24);
  bytes[bytes.length - 1] = bytes.subarray(2, bytes.length - 1).reduce((check, byte) => check ^ byte, 0);
  return bytes;
}

describe("decodeFrame: malformed input", () => {
  const heartbeat = fromHex(SPEC_VECTORS[0]?.hex ?? "");

  it("too short for a header", () => expectWireError(heartbeat.subarray(0, 10), "TruncatedError", "offset 10, header: a frame has at least 25 bytes, got 10"));
  it("no start symbol", () => expectWireError(frameOf(7, "", { start: 0x40 }), "StartSymbolError", 'offset 0, start: expected "##" or "$$", got 0x40 0x40'));
  it("BCC mismatch", () => {
    const bytes = heartbeat.slice();
    bytes[24] = 0x41;
    expectWireError(bytes, "ChecksumError", "offset 24, bcc: BCC mismatch: computed 0xab, frame has 0x41");
  });
  it("declared length beyond 65531", () => {
    const bytes = heartbeat.slice();
    bytes[22] = 0xff;
    bytes[23] = 0xfc;
    expectWireError(bytes, "LengthError", "offset 22, dataUnitLength: expected at most 65531, got 65532");
  });
  it("declared length beyond the input", () => expectWireError(frameOf(7, "00").subarray(0, 25), "TruncatedError", "offset 22, dataUnitLength: declares a 26-byte frame, got 25 bytes"));
  it("bytes after the BCC", () => expectWireError(new Uint8Array([...heartbeat, 0]), "LengthError", "offset 22, dataUnitLength: declares a 25-byte frame, got 26 bytes"));
  it("unknown command", () => expectWireError(frameOf(0x0c, ""), "UnknownCodeError", "offset 2, command: unknown command 0x0c; its data unit has no known layout"));
  it("data unit shorter than its layout", () =>
    expectWireError(frameOf(2, "190b1a081e0f 01 01030100"), "TruncatedError", "offset 34, realtime2016.units[0].vehicle.speed: needs 2 bytes, 1 left in the data unit"));
  it("list longer than the data unit", () =>
    expectWireError(frameOf(2, "190b1a081e0f 09 01 01 0005 474747"), "TruncatedError", "offset 38, realtime2016.units[0].ressTemperatures.subsystems[0].probeTemperatures[3]: needs 1 byte, 0 left in the data unit"));
  it("unknown information type", () =>
    expectWireError(frameOf(2, "190b1a081e0f 0a 00"), "UnknownCodeError", "offset 30, realtime2016.units[0].type: unknown information type 0x0a; its size is unknown, so the units after it cannot be read"));
  it("a 2025 type in a 2016 frame", () => expectWireError(frameOf(2, "190b1a081e0f 30 00"), "UnknownCodeError", "offset 30, realtime2016.units[0].type: unknown information type 0x30; its size is unknown, so the units after it cannot be read"));
  it("bytes left after the data unit", () => expectWireError(frameOf(4, "190b1a081e0f 0001 00"), "LengthError", "offset 32, vehicleLogout: 1 byte left after the data unit was read"));
  it("heartbeat with a data unit", () => expectWireError(frameOf(7, "00"), "LengthError", "offset 24, heartbeat: 1 byte left after the data unit was read"));
  it("domain without its length item", () =>
    expectWireError(frameOf(0x81, "190b1a0a0000 01 05 6162"), "UnknownCodeError", "offset 31, parameterSet.parameters[0].remoteDomain: no remoteDomainLength item comes before it, so its length is unknown"));
  it("user-defined parameter before other items", () =>
    expectWireError(frameOf(0x81, "190b1a0a0000 02 80 00 09 0a"), "UnknownCodeError", "offset 31, parameterSet.parameters[0].userDefined: user-defined parameter 0x80 has no known width, so the items after it cannot be read"));
  it("unknown parameter ID", () =>
    expectWireError(frameOf(0x81, "190b1a0a0000 01 11 00"), "UnknownCodeError", "offset 31, parameterSet.parameters[0].id: unknown parameter ID 0x11; its width is unknown, so the items after it cannot be read"));
  it("unknown control command", () => expectWireError(frameOf(0x82, "190b1a0a0000 08"), "UnknownCodeError", "offset 30, control.command.id: unknown control command 0x08"));
  it("remote upgrade without a separator", () =>
    expectWireError(frameOf(0x82, "190b1a0a0000 01 3b3b3b 00000a000001 0015"), "ValueError", "offset 40, control.command.remoteUpgrade.serverPort: expected the separator ';' before this field, got 0x00"));
  it("trailing bytes after a 2025 signature", () =>
    expectWireError(frameOf(2, "190b1a081e0f ff 01 0001 aa 0001 bb 00", { start: 0x24 }), "LengthError", "offset 38, realtime2025: 1 byte left after the data unit was read"));
});
