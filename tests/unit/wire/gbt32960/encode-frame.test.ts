import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Command, Edition, Encryption, Marker, ResponseFlag, type Frame, type RealtimeData2016 } from "../../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { decodeJson, encodeJson, loadRegistry } from "../../../../src/schema/index.ts";
import { decodeFrame, encodeFrame, isWireError, type WireErrorName } from "../../../../src/wire/gbt32960/index.ts";
import { HEX_FIXTURES, readHexFixture, toHex } from "./hex.ts";

const FRAME = "v2xh.gbt32960.v1.Frame";
const registry = loadRegistry();
const SCHEMA_FIXTURES = new URL("../../../fixtures/gbt32960/valid/", import.meta.url);

describe("encodeFrame", () => {
  for (const name of HEX_FIXTURES) {
    it(`re-encodes ${name}.hex byte for byte`, () => {
      const bytes = readHexFixture(name);
      expect(toHex(encodeFrame(decodeFrame(bytes)))).toBe(toHex(bytes));
    });
  }

  for (const file of readdirSync(SCHEMA_FIXTURES)) {
    it(`round-trips the schema fixture ${file} through the wire format`, () => {
      const { message } = JSON.parse(readFileSync(new URL(file, SCHEMA_FIXTURES), "utf8")) as { message: unknown };
      const frame = decodeJson<Frame>(registry, FRAME, message);
      expect(encodeJson(registry, FRAME, decodeFrame(encodeFrame(frame)))).toEqual(encodeJson(registry, FRAME, frame));
    });
  }
});

const time = { year: 25, month: 11, day: 26, hour: 8, minute: 30, second: 0 };
const head = { edition: Edition.EDITION_2016, command: Command.REALTIME, responseFlag: ResponseFlag.COMMAND, uniqueId: "LSVAU2A37K2100001", encryption: Encryption.NONE } as const;
const vehicle = decodeFrame(readHexFixture("realtime-2016-all-units")).realtime2016?.units[0]?.vehicle;
if (vehicle === undefined) throw new Error("fixture realtime-2016-all-units lost its vehicle unit");

function realtime(units: RealtimeData2016["units"]): Frame {
  return { ...head, realtime2016: { time, units } };
}

function expectEncodeError(frame: Frame, name: WireErrorName, message: string): void {
  let thrown: unknown;
  try {
    encodeFrame(frame);
  } catch (error) {
    thrown = error;
  }
  expect(isWireError(thrown, name), String(thrown)).toBe(true);
  expect((thrown as Error).message).toBe(message);
}

describe("encodeFrame: values its fields cannot hold", () => {
  it("no edition", () => expectEncodeError({ ...realtime([]), edition: Edition.EDITION_UNSPECIFIED }, "ValueError", "edition: expected EDITION_2016 or EDITION_2025, got 0"));
  it("unique id of the wrong length", () => expectEncodeError({ ...realtime([]), uniqueId: "SHORT" }, "ValueError", "offset 4, uniqueId: expected 17 characters, got 5"));
  it("unique id with a character beyond one byte", () => expectEncodeError({ ...realtime([]), uniqueId: "LSVAU2A37K210000€" }, "ValueError", "offset 20, uniqueId: character 16 (U+20AC) does not fit one byte"));
  it("command beyond a byte", () => expectEncodeError({ ...realtime([]), command: 300 as Command }, "ValueError", "offset 2, command: expected an integer 0..255, got 300"));
  it("a reading value that is a marker on the wire", () =>
    expectEncodeError(realtime([{ vehicle: { ...vehicle, speed: { value: 0xfffe } } }]), "ValueError", "offset 34, realtime2016.units[0].vehicle.speed.value: 65534 is a marker on the wire; set marker instead"));
  it("a reading with MARKER_UNSPECIFIED", () =>
    expectEncodeError(realtime([{ vehicle: { ...vehicle, soc: { marker: Marker.UNSPECIFIED } } }]), "ValueError", "offset 44, realtime2016.units[0].vehicle.soc.marker: expected MARKER_ABNORMAL or MARKER_INVALID, got 0"));
  it("gear bits that make a marker byte", () =>
    expectEncodeError(
      realtime([{ vehicle: { ...vehicle, gear: { state: { position: 14, brakingForce: true, drivingForce: true, reserved: 3 } } } }]),
      "ValueError",
      "offset 46, realtime2016.units[0].vehicle.gear.state: these bits make feh, which is a marker on the wire; set marker instead",
    ));
  it("alarm list longer than its count", () =>
    expectEncodeError(
      realtime([
        {
          alarm: {
            maxAlarmLevel: 1,
            generalAlarmFlags: 0,
            ressFaultCount: { value: 1 },
            ressFaultCodes: [1, 2],
            motorFaultCount: { value: 0 },
            motorFaultCodes: [],
            engineFaultCount: { marker: Marker.INVALID },
            engineFaultCodes: [],
            otherFaultCount: { value: 0 },
            otherFaultCodes: [],
          },
        },
      ]),
      "ValueError",
      "offset 37, realtime2016.units[0].alarm.ressFaultCodes: expected ressFaultCount (1) items, got 2",
    ));
  it("user-defined information type outside 0x80..0xfe", () =>
    expectEncodeError(realtime([{ userDefined: { type: 0x20, data: new Uint8Array([1]) } }]), "ValueError", "offset 30, realtime2016.units[0].userDefined.type: expected a user-defined type 0x80..0xfe, got 32"));
  it("login codes that do not match the count", () =>
    expectEncodeError(
      { ...head, command: Command.VEHICLE_LOGIN, vehicleLogin2016: { time, serial: { value: 1 }, iccid: "89860119801234567890", ressCount: 2, ressCodeLength: 3, ressCodes: ["ABC"] } },
      "ValueError",
      "offset 54, vehicleLogin2016.ressCodes: expected ressCount (2) codes, got 1",
    ));
  it("a 2016 parameter form in a 2025 frame", () =>
    expectEncodeError(
      { ...head, edition: Edition.EDITION_2025, command: Command.PARAMETER_SET, parameterSet: { time, parameters: [{ normalReportPeriod: { value: 30 } }] } },
      "ValueError",
      "offset 31, parameterSet.parameters[0].normalReportPeriod: this form of the parameter belongs to the other edition",
    ));
  it("a domain whose length item disagrees", () =>
    expectEncodeError(
      { ...head, command: Command.PARAMETER_SET, parameterSet: { time, parameters: [{ remoteDomainLength: 3 }, { remoteDomain: "ab" }] } },
      "ValueError",
      "offset 33, parameterSet.parameters[1].remoteDomain: expected the length of the nearest earlier remoteDomainLength item (3), got 2 characters",
    ));
  it("a user-defined parameter before other items", () =>
    expectEncodeError(
      { ...head, command: Command.PARAMETER_SET, parameterSet: { time, parameters: [{ userDefined: { id: 0x80, value: new Uint8Array() } }, { heartbeatPeriod: { value: 1 } }] } },
      "ValueError",
      "offset 31, parameterSet.parameters[0].userDefined: a user-defined parameter has no known width, so it must be the last item",
    ));
  it("';' inside a remote upgrade text field", () =>
    expectEncodeError(
      {
        ...head,
        command: Command.CONTROL,
        control: {
          time,
          command: {
            remoteUpgrade: {
              apn: "a;b",
              dialUser: "",
              dialPassword: "",
              serverAddress: new Uint8Array(6),
              serverPort: { value: 21 },
              manufacturerId: "ABCD",
              hardwareVersion: "HW1.0",
              firmwareVersion: "FW2.1",
              upgradeUrl: "",
              connectTimeLimit: { value: 1 },
            },
          },
        },
      },
      "ValueError",
      "offset 31, control.command.remoteUpgrade.apn: contains ';', the field separator",
    ));
  it("a data unit longer than 65531 bytes", () =>
    expectEncodeError(realtime([{ userDefined: { type: 0x80, data: new Uint8Array(65530) } }]), "LengthError", "realtime2016: the data unit has 65539 bytes, more than 65531"));
  it("no body member", () => expectEncodeError({ ...head } as Frame, "ValueError", "body: no body member is set"));
  it("encryption AES with a plain body and no key", () =>
    expectEncodeError({ ...realtime([]), encryption: Encryption.AES }, "CipherError", "encryption: encryption 3 needs a key in options.keys, or an `encrypted` body"));
});

describe("encodeFrame with mismatchedCounts: \"write\"", () => {
  const alarm = (count: number, codes: number[]): RealtimeData2016["units"][number] => ({
    alarm: {
      maxAlarmLevel: 1,
      generalAlarmFlags: 0,
      ressFaultCount: { value: 0 },
      ressFaultCodes: [],
      motorFaultCount: { value: 0 },
      motorFaultCodes: [],
      engineFaultCount: { value: 0 },
      engineFaultCodes: [],
      otherFaultCount: { value: count },
      otherFaultCodes: codes,
    },
  });

  it("writes the count and the list as given, a frame the receiver misreads", () => {
    const frame = realtime([alarm(2, [0x01020304]), { userDefined: { type: 0x80, data: new Uint8Array([0xaa, 0xbb, 0xcc, 0xdd]) } }]);
    const bytes = encodeFrame(frame, { mismatchedCounts: "write" });
    const correct = encodeFrame(realtime([alarm(1, [0x01020304]), { userDefined: { type: 0x80, data: new Uint8Array([0xaa, 0xbb, 0xcc, 0xdd]) } }]));
    expect(bytes.length).toBe(correct.length);
    // Only the count byte (and so the BCC) differs.
    expect([...bytes].filter((b, i) => b !== correct[i]).length).toBe(2);
    expect(() => decodeFrame(bytes)).toThrow();
  });

  it("still writes a consistent frame byte for byte as the default does", () => {
    const frame = realtime([alarm(1, [7])]);
    expect(toHex(encodeFrame(frame, { mismatchedCounts: "write" }))).toBe(toHex(encodeFrame(frame)));
  });
});
