import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Command, Edition, Encryption, ResponseFlag, type Frame } from "../../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { decodeJson, encodeJson, loadRegistry } from "../../../../src/schema/index.ts";
import { StreamFramer, decodeFrame, encodeFrame, isWireError } from "../../../../src/wire/gbt32960/index.ts";
import { arbitraryMessage } from "../../../helpers/arbitrary-message.ts";
import { readHexFixture } from "./hex.ts";

const registry = loadRegistry();
const FRAME = "v2xh.gbt32960.v1.Frame";
const PACKAGE = "v2xh.gbt32960.v1";
type Json = Record<string, unknown>;

/** Each kind of body: the command that carries it, its member, its message type, and the response flag. */
const KINDS: readonly { edition: Edition; command: Command; member: string; type: string; flag?: ResponseFlag }[] = [
  ...[Edition.EDITION_2016, Edition.EDITION_2025].flatMap((edition) => {
    const year = edition === Edition.EDITION_2016 ? "2016" : "2025";
    return [
      { edition, command: Command.VEHICLE_LOGIN, member: `vehicleLogin${year}`, type: `VehicleLogin${year}` },
      { edition, command: Command.REALTIME, member: `realtime${year}`, type: `RealtimeData${year}` },
      { edition, command: Command.REISSUE, member: `reissue${year}`, type: `RealtimeData${year}` },
      { edition, command: Command.VEHICLE_LOGOUT, member: "vehicleLogout", type: "VehicleLogout" },
      { edition, command: Command.PLATFORM_LOGIN, member: "platformLogin", type: "PlatformLogin" },
      { edition, command: Command.PLATFORM_LOGOUT, member: "platformLogout", type: "PlatformLogout" },
      { edition, command: Command.HEARTBEAT, member: "heartbeat", type: "Heartbeat" },
      { edition, command: Command.TIME_CALIBRATION, member: "timeCalibrationRequest", type: "TimeCalibrationRequest" },
      { edition, command: Command.TIME_CALIBRATION, member: "timeCalibrationAnswer", type: "TimeCalibrationAnswer", flag: ResponseFlag.SUCCESS },
      { edition, command: Command.ACTIVATION, member: "activation", type: "Activation" },
      { edition, command: Command.ACTIVATION_RESPONSE, member: "activationResponse", type: "ActivationResponse" },
      { edition, command: Command.KEY_EXCHANGE, member: "keyExchange", type: "KeyExchange" },
      { edition, command: Command.PARAMETER_QUERY, member: "parameterQuery", type: "ParameterQuery" },
      { edition, command: Command.PARAMETER_QUERY, member: "parameterQueryAnswer", type: "ParameterQueryAnswer", flag: ResponseFlag.SUCCESS },
      { edition, command: Command.PARAMETER_SET, member: "parameterSet", type: "ParameterSet" },
      { edition, command: Command.CONTROL, member: "control", type: "Control" },
      { edition, command: Command.VEHICLE_LOGOUT, member: "response", type: "Response", flag: ResponseFlag.VIN_DUPLICATE },
    ];
  }),
];

/**
 * Makes a random body keep the named checks the wire format depends on (arbitraryMessage keeps only
 * field rules): counts equal list lengths, domains follow their length item, a user-defined parameter
 * comes last, the edition's own parameter forms, no ';' inside remote-upgrade text.
 */
function consistent(value: unknown, edition: Edition): unknown {
  if (Array.isArray(value)) return value.map((item) => consistent(item, edition));
  if (value === null || typeof value !== "object" || value instanceof Uint8Array) return value;
  const object: Json = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, consistent(item, edition)]));
  for (const count of Object.keys(object).filter((key) => key.endsWith("Count"))) {
    const list = countedList(object, count);
    const reading = object[count];
    if (list === undefined || typeof reading !== "object" || reading === null) continue;
    if (!("value" in reading)) object[list] = [];
    else object[count] = { value: (object[list] as unknown[]).length };
  }
  if (Array.isArray(object.ressCodes)) fixLoginCodes(object);
  if (Array.isArray(object.parameters)) object.parameters = fixParameters(object.parameters as Json[], edition);
  if ("upgradeUrl" in object) for (const key of ["apn", "dialUser", "dialPassword", "upgradeUrl"]) object[key] = String(object[key]).replaceAll(";", ",");
  return object;
}

function countedList(object: Json, countKey: string): string | undefined {
  const list = countKey === "alarmLevelCount" ? "alarmLevels" : countKey.replace(/Count$/, "Codes");
  return Array.isArray(object[list]) ? list : undefined;
}

function fixLoginCodes(login: Json): void {
  const codes = login.ressCodes as string[];
  if (codes.length === 0) {
    if (login.ressCodeLength !== 0) login.ressCount = 0;
    return;
  }
  const length = Math.min(...codes.map((code) => code.length));
  login.ressCodes = codes.map((code) => code.slice(0, length));
  login.ressCodeLength = length;
  login.ressCount = codes.length;
}

function fixParameters(items: Json[], edition: Edition): Json[] {
  const foreign = edition === Edition.EDITION_2016 ? ["normalReportPeriod2025", "alarmReportPeriod2025"] : ["normalReportPeriod", "alarmReportPeriod"];
  const fixed = items
    .filter((item) => !foreign.some((key) => key in item))
    .flatMap((item) => {
      if (typeof item.remoteDomain === "string") return [{ remoteDomainLength: item.remoteDomain.length }, item];
      if (typeof item.publicDomain === "string") return [{ publicDomainLength: item.publicDomain.length }, item];
      return [item];
    });
  const last = fixed.at(-1);
  const known = fixed.filter((item) => !("userDefined" in item));
  return last !== undefined && "userDefined" in last ? [...known, last] : known;
}

function arbitraryFrame(kind: (typeof KINDS)[number]): fc.Arbitrary<Frame> {
  return fc.tuple(arbitraryMessage(registry, `${PACKAGE}.${kind.type}`, 6), fc.string({ unit: fc.constantFrom(..."ABCDEFGHJKLMNPRSTUVWXYZ0123456789"), minLength: 17, maxLength: 17 })).map(([json, uniqueId]) => {
    const body = consistent(decodeJson(registry, `${PACKAGE}.${kind.type}`, json), kind.edition);
    return { edition: kind.edition, command: kind.command, responseFlag: kind.flag ?? ResponseFlag.COMMAND, uniqueId, encryption: Encryption.NONE, [kind.member]: body } as Frame;
  });
}

const canonical = (frame: Frame): unknown => encodeJson(registry, FRAME, frame);

describe("properties", () => {
  for (const kind of KINDS) {
    it(`random valid ${kind.member} frames (edition ${kind.edition === Edition.EDITION_2016 ? 2016 : 2025}) round-trip`, () => {
      fc.assert(
        fc.property(arbitraryFrame(kind), (frame) => {
          const bytes = encodeFrame(frame);
          const decoded = decodeFrame(bytes);
          expect(canonical(decoded)).toEqual(canonical(frame));
          expect(encodeFrame(decoded)).toEqual(bytes);
        }),
        { numRuns: 60 },
      );
    });
  }

  it("random bytes never throw anything but a WireError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(0x23, 0x24), fc.boolean(), (bytes, start, framed) => {
        const input = framed ? withValidEnvelope(bytes, start) : bytes;
        try {
          decodeFrame(input);
        } catch (error) {
          if (!isWireError(error)) throw error;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("mutated valid frames (BCC fixed, so the data unit is read) never throw anything but a WireError", () => {
    const seeds = ["realtime-2016-all-units", "realtime-2025-all-units", "parameter-set-2016", "control-remote-upgrade", "vehicle-login-2025"].map(readHexFixture);
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), (seed, edits) => {
        const bytes = seed.slice();
        for (const [index, value] of edits) bytes[24 + (index % (bytes.length - 25))] = value;
        try {
          decodeFrame(withValidEnvelope(bytes.subarray(24, -1), bytes[0] ?? 0x23, bytes[2]));
        } catch (error) {
          if (!isWireError(error)) throw error;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("the framer finds every frame of a stream cut anywhere, with garbage between frames", () => {
    const frames = ["realtime-2016-all-units", "vehicle-login-2025", "platform-login"].map(readHexFixture);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), fc.uint8Array({ maxLength: 8 }).map((g) => g.map((b) => (b === 0x23 || b === 0x24 ? 0 : b)))), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(400), { maxLength: 8 }), (parts, cuts) => {
        const stream = Buffer.concat(parts.flatMap(([which, garbage]) => [garbage, frames[which] ?? new Uint8Array()]));
        const points = [...new Set(cuts.map((cut) => cut % (stream.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((from, i) => stream.subarray(from, [...points, stream.length][i]));
        const framer = new StreamFramer();
        const found = chunks.flatMap((chunk) => framer.push(chunk)).filter((out) => out.frame !== undefined);
        expect(found.map((out) => out.bytes.length)).toEqual(parts.map(([which]) => frames[which]?.length));
      }),
      { numRuns: 300 },
    );
  });
});

/** Wraps `dataUnit` in a header with a matching length and a correct BCC. */
function withValidEnvelope(dataUnit: Uint8Array, start: number, command = dataUnit[0] ?? 0x02): Uint8Array {
  const frame = new Uint8Array(25 + dataUnit.length);
  frame.set([start, start, command, 0xfe, ...Buffer.from("LSVAU2A37K2100001"), 0x01, dataUnit.length >> 8, dataUnit.length & 0xff]);
  frame.set(dataUnit, 24);
  frame[frame.length - 1] = frame.subarray(2, -1).reduce((check, byte) => check ^ byte, 0);
  return frame;
}
