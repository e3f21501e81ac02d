import { describe, expect, it } from "vitest";
import { GBT32960_CHECKS } from "../../../../src/schema/checks/gbt32960.ts";
import type { Alarm2016, Alarm2025, Frame, RessVoltageSubsystem2016 } from "../../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { decodeJson, loadRegistry, validateRules } from "../../../../src/schema/index.ts";
import { validFixtures } from "../../../helpers/fixtures.ts";

type Json = Record<string, unknown>;

const registry = loadRegistry();
const FRAME = "v2xh.gbt32960.v1.Frame";
const HEADER = new Set(["edition", "command", "responseFlag", "uniqueId", "encryption"]);
const FIXTURES = new Map(validFixtures("gbt32960").map((f) => [f.file.replace("gbt32960/valid/", ""), f.message]));

function fixture(name: string): Json {
  const json = FIXTURES.get(name);
  if (json === undefined) throw new Error(`no valid fixture ${name}`);
  return structuredClone(json);
}

/** The body member of a fixture, e.g. { vehicleLogout: {...} }. */
function bodyOf(name: string): Json {
  return Object.fromEntries(Object.entries(fixture(name)).filter(([key]) => !HEADER.has(key)));
}

/** A valid fixture, decoded, with header fields replaced and, when given, another body. */
function frame(name: string, header: Json = {}, body?: Json): Frame {
  const json = fixture(name);
  const kept = body === undefined ? json : Object.fromEntries(Object.entries(json).filter(([key]) => HEADER.has(key)));
  return decodeJson<Frame>(registry, FRAME, { ...kept, ...header, ...body });
}

function violations(message: Frame) {
  return validateRules(registry, FRAME, message).map(({ path, rule, value }) => ({ path, rule, value }));
}

function alarm2016(message: Frame): Alarm2016 {
  const alarm = message.realtime2016?.units.find((unit) => unit.alarm !== undefined)?.alarm;
  if (alarm === undefined) throw new Error("no 2016 alarm unit");
  return alarm;
}

function alarm2025(message: Frame): Alarm2025 {
  const alarm = message.realtime2025?.units.find((unit) => unit.alarm !== undefined)?.alarm;
  if (alarm === undefined) throw new Error("no 2025 alarm unit");
  return alarm;
}

function subsystem(message: Frame): RessVoltageSubsystem2016 {
  const found = message.realtime2016?.units.find((unit) => unit.ressVoltages !== undefined)?.ressVoltages?.subsystems[0];
  if (found === undefined) throw new Error("no RESS voltage subsystem");
  return found;
}

describe("gbt32960-time-valid", () => {
  const rule = "gbt32960-time-valid";
  function loginAt(year: number, month: number, day: number): Frame {
    const message = frame("login-2016.json");
    Object.assign(message.vehicleLogin2016?.time ?? {}, { year, month, day });
    return message;
  }

  it.each([
    [24, 2, 29],
    [0, 2, 29],
    [25, 4, 30],
    [99, 12, 31],
    [25, 1, 31],
  ])("accepts 20%i-%i-%i", (year, month, day) => {
    expect(violations(loginAt(year, month, day))).toEqual([]);
  });

  it("rejects February 29 outside a leap year", () => {
    expect(violations(loginAt(25, 2, 29))).toEqual([{ path: "vehicleLogin2016.time", rule, value: 29 }]);
  });

  it("names the days the month has", () => {
    expect(validateRules(registry, FRAME, loginAt(25, 4, 31))).toEqual([
      { path: "vehicleLogin2016.time", rule, value: 31, expected: "day 1..30 for month 4 of 2025", clause: "GB/T 32960.3-2016 table 5" },
    ]);
  });

  it("leaves a month or day outside its range to the range rule", () => {
    expect(violations(loginAt(25, 13, 31))).toEqual([{ path: "vehicleLogin2016.time.month", rule: "range", value: 13 }]);
    expect(violations(loginAt(25, 2, 0))).toEqual([{ path: "vehicleLogin2016.time.day", rule: "range", value: 0 }]);
  });

  it("checks an optional time where it is set", () => {
    const message = frame("heartbeat-answer.json", {}, { response: { time: { year: 23, month: 2, day: 29 } } });
    expect(violations(message)).toEqual([{ path: "response.time", rule, value: 29 }]);
  });
});

describe("gbt32960-login-codes-match-count", () => {
  const rule = "gbt32960-login-codes-match-count";
  function login(ressCount: number, ressCodeLength: number, ressCodes: string[]): Frame {
    const message = frame("login-2016.json");
    Object.assign(message.vehicleLogin2016 ?? {}, { ressCount, ressCodeLength, ressCodes });
    return message;
  }
  const CODE = "03HPB0DA0001NCM240100001";

  it("accepts n codes of m characters", () => {
    expect(violations(login(2, 24, [CODE, CODE]))).toEqual([]);
  });

  it("accepts no codes when the code length is 0, whatever the count", () => {
    expect(violations(login(3, 0, []))).toEqual([]);
  });

  it("accepts no subsystems and no codes", () => {
    expect(violations(login(0, 24, []))).toEqual([]);
  });

  it("rejects a code count that differs from ressCount", () => {
    expect(validateRules(registry, FRAME, login(2, 24, [CODE]))).toEqual([
      { path: "vehicleLogin2016", rule, value: 1, expected: "2 codes (ressCount)", clause: "GB/T 32960.3-2016 table 6" },
    ]);
  });

  it("rejects codes sent with code length 0", () => {
    expect(violations(login(1, 0, [CODE]))).toEqual([{ path: "vehicleLogin2016", rule, value: 1 }]);
  });

  it("rejects each code whose length is not ressCodeLength", () => {
    expect(violations(login(2, 24, ["SHORT", CODE.slice(1)]))).toEqual([
      { path: "vehicleLogin2016", rule, value: "ressCodes[0]: 5 characters" },
      { path: "vehicleLogin2016", rule, value: "ressCodes[1]: 23 characters" },
    ]);
  });
});

describe("gbt32960-alarm-counts-match", () => {
  const rule = "gbt32960-alarm-counts-match";

  it("accepts counts equal to their lists, and markers with empty lists", () => {
    expect(violations(frame("realtime-2016.json"))).toEqual([]);
    expect(violations(frame("reissue-2016.json"))).toEqual([]);
    expect(violations(frame("realtime-2016-markers.json"))).toEqual([]);
    expect(violations(frame("realtime-2025.json"))).toEqual([]);
  });

  it("rejects a 2016 list shorter than its count", () => {
    const message = frame("realtime-2016.json");
    Object.assign(alarm2016(message), { motorFaultCount: { value: 2 }, motorFaultCodes: [7] });
    expect(validateRules(registry, FRAME, message)).toEqual([
      {
        path: "realtime2016.units[4].alarm",
        rule,
        value: 1,
        expected: "2 motorFaultCodes (motorFaultCount)",
        clause: "GB/T 32960.3-2016 table 17; GB/T 32960.3-2025 table 23",
      },
    ]);
  });

  it("rejects codes after a count that is a marker", () => {
    const message = frame("realtime-2016-markers.json");
    alarm2016(message).otherFaultCodes = [1, 2];
    expect(validateRules(registry, FRAME, message)).toEqual([
      expect.objectContaining({ path: "realtime2016.units[3].alarm", rule, value: 2, expected: "no otherFaultCodes (otherFaultCount is a marker)" }),
    ]);
  });

  it("rejects a 2025 level count without level entries", () => {
    const message = frame("realtime-2025.json");
    alarm2025(message).alarmLevelCount = { value: 1 };
    expect(violations(message)).toEqual([{ path: "realtime2025.units[3].alarm", rule, value: 0 }]);
  });

  it("accepts 2025 level entries matching their count, and none after a marker", () => {
    const message = frame("realtime-2025.json");
    Object.assign(alarm2025(message), { alarmLevelCount: { value: 1 }, alarmLevels: [{ flag: 1, level: 2 }] });
    expect(violations(message)).toEqual([]);
    alarm2025(message).alarmLevelCount = { marker: 1 };
    alarm2025(message).alarmLevels = [];
    expect(violations(message)).toEqual([]);
  });

  it("leaves a missing count to the required rule", () => {
    const message = frame("realtime-2016.json");
    Object.assign(alarm2016(message), { ressFaultCount: null, ressFaultCodes: [1] });
    expect(violations(message)).toEqual([{ path: "realtime2016.units[4].alarm.ressFaultCount", rule: "required", value: null }]);
  });
});

describe("gbt32960-ress-cell-window", () => {
  const rule = "gbt32960-ress-cell-window";
  const path = "realtime2016.units[5].ressVoltages.subsystems[0]";
  function window(firstCell: number, cells: number, totalCells = 96): Frame {
    const message = frame("realtime-2016.json");
    const cellVoltages = Array.from({ length: cells }, () => ({ value: 3700 }));
    Object.assign(subsystem(message), { firstCell: { value: firstCell }, totalCells: { value: totalCells }, cellVoltages });
    return message;
  }

  it("accepts a window that ends at or before the last cell", () => {
    expect(violations(window(1, 96))).toEqual([]);
    expect(violations(window(96, 1))).toEqual([]);
    expect(violations(window(201, 200, 400))).toEqual([]);
  });

  it("rejects a window past the last cell", () => {
    expect(validateRules(registry, FRAME, window(10, 96))).toEqual([
      {
        path,
        rule,
        value: 105,
        expected: "a last cell index (firstCell + cells - 1) of at most 96 (totalCells)",
        clause: "GB/T 32960.3-2016 table B.6",
      },
    ]);
    expect(violations(window(97, 1))).toEqual([{ path, rule, value: 97 }]);
  });

  it("skips the window when the total or the first cell is a marker", () => {
    const message = window(10, 96);
    subsystem(message).totalCells = { marker: 2 };
    expect(violations(message)).toEqual([]);
  });

  it("leaves an empty cell list to the items rule", () => {
    expect(violations(window(97, 0))).toEqual([{ path: `${path}.cellVoltages`, rule: "items", value: 0 }]);
  });
});

describe("gbt32960-param-readonly", () => {
  const rule = "gbt32960-param-readonly";

  it("accepts a set without versions", () => {
    expect(violations(frame("param-set.json"))).toEqual([]);
  });

  it("rejects each read-only parameter in a set", () => {
    const message = frame("param-set.json");
    message.parameterSet?.parameters.push({ firmwareVersion: "FW001" }, { hardwareVersion: "HW001" });
    expect(validateRules(registry, FRAME, message)).toEqual([
      {
        path: "parameterSet",
        rule,
        value: "parameters[5].firmwareVersion",
        expected: "no read-only parameter (0x07 hardware version, 0x08 firmware version)",
        clause: "GB/T 32960.3-2016 table B.12",
      },
      expect.objectContaining({ path: "parameterSet", rule, value: "parameters[6].hardwareVersion" }),
    ]);
  });

  it("accepts versions in a query answer", () => {
    const message = frame("param-query-answer.json");
    message.parameterQueryAnswer?.parameters.push({ hardwareVersion: "HW001" });
    expect(violations(message)).toEqual([]);
  });
});

describe("gbt32960-param-domain-length", () => {
  const rule = "gbt32960-param-domain-length";
  function set(...parameters: Json[]): Frame {
    return frame("param-set.json", {}, { parameterSet: { time: { year: 25, month: 11, day: 26 }, parameters } });
  }

  it("accepts domains sized by the nearest length before them", () => {
    expect(violations(frame("param-set.json"))).toEqual([]);
    expect(violations(frame("param-query-answer.json"))).toEqual([]);
    expect(violations(set({ remoteDomainLength: 3 }, { remoteDomainLength: 5 }, { remoteDomain: "a.com" }))).toEqual([]);
    expect(violations(set({ publicDomainLength: 0 }, { publicDomain: "" }))).toEqual([]);
    expect(violations(set())).toEqual([]);
  });

  it("rejects a domain whose length differs", () => {
    expect(validateRules(registry, FRAME, set({ publicDomainLength: 4 }, { publicDomain: "a.com" }))).toEqual([
      { path: "parameterSet", rule, value: "parameters[1].publicDomain: 5 characters", expected: "4 characters (publicDomainLength)", clause: "GB/T 32960.3-2016 table B.12" },
    ]);
  });

  it("rejects a domain with no length before it", () => {
    expect(validateRules(registry, FRAME, set({ remoteDomain: "a.com" }, { remoteDomainLength: 5 }))).toEqual([
      expect.objectContaining({ path: "parameterSet", rule, value: "parameters[0].remoteDomain", expected: "a remoteDomainLength item before it" }),
    ]);
  });

  it("does not let one domain's length size the other", () => {
    expect(violations(set({ remoteDomainLength: 5 }, { publicDomain: "a.com" }))).toEqual([{ path: "parameterSet", rule, value: "parameters[1].publicDomain" }]);
  });

  it("checks a query answer too", () => {
    const message = frame("param-query-answer.json");
    message.parameterQueryAnswer?.parameters.push({ remoteDomain: "x" });
    expect(violations(message)).toEqual([{ path: "parameterQueryAnswer", rule, value: "parameters[6].remoteDomain: 1 characters" }]);
  });
});

describe("gbt32960-frame-body-matches-command", () => {
  const rule = "gbt32960-frame-body-matches-command";

  it("accepts requests, answers with the time only, full echoes and encrypted bodies", () => {
    for (const name of FIXTURES.keys()) expect(violations(frame(name)), name).toEqual([]);
    expect(violations(frame("login-2016.json", { responseFlag: "RESPONSE_FLAG_SUCCESS" }))).toEqual([]);
    expect(violations(frame("login-2016.json", { responseFlag: "RESPONSE_FLAG_VIN_DUPLICATE" }, { response: {} }))).toEqual([]);
    expect(violations(frame("param-query.json", { responseFlag: "RESPONSE_FLAG_SUCCESS" }, { response: {} }))).toEqual([]);
    expect(violations(frame("login-2025.json", { encryption: "ENCRYPTION_SM4" }, { encrypted: "AQID" }))).toEqual([]);
  });

  it("rejects a body of another command", () => {
    expect(validateRules(registry, FRAME, frame("heartbeat.json", {}, bodyOf("logout-2016.json")))).toEqual([
      {
        path: "",
        rule,
        value: "vehicleLogout",
        expected: "heartbeat or encrypted (command 0x07, response flag 0xFE)",
        clause: "GB/T 32960.3-2016 table B.2, B.3.3.2; GB/T 32960.3-2025 table 3",
      },
    ]);
  });

  it("rejects a body of the other edition", () => {
    expect(violations(frame("login-2016.json", { edition: "EDITION_2025" }))).toEqual([{ path: "", rule, value: "vehicleLogin2016" }]);
  });

  it("accepts either edition's body when the edition is unknown", () => {
    expect(violations(frame("login-2025.json", { edition: "EDITION_UNSPECIFIED" }))).toEqual([{ path: "edition", rule: "enum", value: 0 }]);
  });

  it("rejects a request body on an answer that has its own body, and the other way round", () => {
    expect(violations(frame("param-query.json", { responseFlag: "RESPONSE_FLAG_SUCCESS" }))).toEqual([{ path: "", rule, value: "parameterQuery" }]);
    expect(violations(frame("time-calibration-answer.json", { responseFlag: "RESPONSE_FLAG_COMMAND" }))).toEqual([
      { path: "", rule, value: "timeCalibrationAnswer" },
    ]);
    expect(violations(frame("heartbeat.json", { command: "COMMAND_TIME_CALIBRATION", responseFlag: "RESPONSE_FLAG_SUCCESS" }, { timeCalibrationRequest: {} }))).toEqual([
      { path: "", rule, value: "timeCalibrationRequest" },
    ]);
  });

  it("rejects every body for a command the standard does not define", () => {
    expect(validateRules(registry, FRAME, frame("heartbeat.json", { command: 127 }))).toEqual([
      expect.objectContaining({ path: "command", rule: "enum", value: 127 }),
      expect.objectContaining({ path: "", rule, value: "heartbeat", expected: "no body: command 0x7F is not defined" }),
    ]);
  });

  it("leaves a missing body to the choice rule", () => {
    expect(violations(frame("heartbeat.json", {}, {}))).toEqual([{ path: "", rule: "choice", value: null }]);
  });
});

describe("gbt32960-frame-encryption-matches-body", () => {
  const rule = "gbt32960-frame-encryption-matches-body";
  const CIPHERTEXT = { encrypted: "A0qR2B9mrfQ7gskQ" };

  it("accepts a plain body without encryption and an encrypted one with it", () => {
    expect(violations(frame("realtime-2016.json"))).toEqual([]);
    expect(violations(frame("realtime-2016.json", { encryption: "ENCRYPTION_AES" }, CIPHERTEXT))).toEqual([]);
    expect(violations(frame("realtime-2025.json", { encryption: "ENCRYPTION_SM4" }, CIPHERTEXT))).toEqual([]);
  });

  it("accepts an empty data unit in its plain member under encryption", () => {
    expect(violations(frame("heartbeat.json", { encryption: "ENCRYPTION_RSA" }))).toEqual([]);
    expect(violations(frame("heartbeat-answer.json", { encryption: "ENCRYPTION_RSA" }))).toEqual([]);
    expect(violations(frame("heartbeat.json", { command: "COMMAND_TIME_CALIBRATION", encryption: "ENCRYPTION_AES" }, { timeCalibrationRequest: {} }))).toEqual([]);
  });

  it("rejects ciphertext without encryption", () => {
    expect(validateRules(registry, FRAME, frame("realtime-2016.json", {}, CIPHERTEXT))).toEqual([
      { path: "", rule, value: "encrypted", expected: "a plain body (encryption 0x01)", clause: "GB/T 32960.3-2016 table 2; GB/T 32960.3-2025 table 2" },
    ]);
    expect(violations(frame("realtime-2016.json", { encryption: "ENCRYPTION_ABNORMAL" }, CIPHERTEXT))).toEqual([{ path: "", rule, value: "encrypted" }]);
  });

  it("accepts a plain body under AES or SM4: the data unit decrypted with its key, or to be encrypted", () => {
    expect(violations(frame("realtime-2016.json", { encryption: "ENCRYPTION_AES" }))).toEqual([]);
    expect(violations(frame("realtime-2025.json", { encryption: "ENCRYPTION_SM4" }))).toEqual([]);
  });

  it("rejects a plain body that is not empty under RSA or SM2, which no key here decrypts", () => {
    expect(validateRules(registry, FRAME, frame("realtime-2016.json", { encryption: "ENCRYPTION_RSA" }))).toEqual([
      expect.objectContaining({ path: "", rule, value: "realtime2016", expected: "encrypted (encryption 0x02)" }),
    ]);
    const timedAnswer = frame("login-2016.json", { responseFlag: "RESPONSE_FLAG_SUCCESS", encryption: "ENCRYPTION_RSA" }, { response: { time: { year: 25, month: 1, day: 1 } } });
    expect(violations(timedAnswer)).toEqual([{ path: "", rule, value: "response" }]);
  });
});

describe("gbt32960-frame-edition-values", () => {
  const rule = "gbt32960-frame-edition-values";

  it("accepts 2025 values in a 2025 frame", () => {
    expect(violations(frame("activation-2025.json"))).toEqual([]);
    expect(violations(frame("login-2025.json", { responseFlag: "RESPONSE_FLAG_VIN_NOT_FOUND" }, { response: {} }))).toEqual([]);
    const message = frame("param-set.json", { edition: "EDITION_2025" });
    message.parameterSet?.parameters.splice(0, 1, { normalReportPeriod2025: { value: 10 } }, { alarmReportPeriod2025: { value: 1 } });
    expect(violations(message)).toEqual([]);
  });

  it("rejects a 2025 response flag in a 2016 frame", () => {
    expect(validateRules(registry, FRAME, frame("login-2016.json", { responseFlag: "RESPONSE_FLAG_DECRYPTION_ERROR" }, { response: {} }))).toEqual([
      { path: "", rule, value: "responseFlag 0x07", expected: "no value the 2025 edition introduced in a 2016 frame", clause: "GB/T 32960.3-2025 6.2" },
    ]);
  });

  it("rejects a 2025 command and a 2025 encryption in a 2016 frame", () => {
    expect(violations(frame("activation-2025.json", { edition: "EDITION_2016" }))).toEqual([{ path: "", rule, value: "command 0x09" }]);
    expect(violations(frame("realtime-2016.json", { encryption: "ENCRYPTION_SM4" }, { encrypted: "AQID" }))).toEqual([{ path: "", rule, value: "encryption 0x05" }]);
  });

  it("rejects 2025 values inside a 2016 body", () => {
    const login = frame("platform-login.json");
    if (login.platformLogin !== undefined) login.platformLogin.encryption = 4;
    expect(violations(login)).toEqual([{ path: "", rule, value: "platformLogin.encryption 0x04" }]);

    const control = frame("control-alarm.json");
    const warning = control.control?.command.alarmWarning;
    if (warning !== undefined) warning.level = 4;
    expect(violations(control)).toEqual([{ path: "", rule, value: "control.command.alarmWarning.level 0x04" }]);

    const set = frame("param-set.json");
    set.parameterSet?.parameters.push({ alarmReportPeriod2025: { value: 1 } });
    expect(violations(set)).toEqual([{ path: "", rule, value: "parameterSet.parameters[5].alarmReportPeriod2025" }]);
  });

  it("rejects the 2016 forms of parameters 0x02 and 0x03 in a 2025 frame", () => {
    expect(validateRules(registry, FRAME, frame("param-query-answer.json", { edition: "EDITION_2025" }))).toEqual([
      expect.objectContaining({ path: "", rule, value: "parameterQueryAnswer.parameters[1].normalReportPeriod", expected: "the 2025 form of parameters 0x02 and 0x03 in a 2025 frame" }),
    ]);
  });
});

describe("GB/T 32960 checks on empty messages", () => {
  it.each([
    "v2xh.gbt32960.v1.Time",
    "v2xh.gbt32960.v1.VehicleLogin2016",
    "v2xh.gbt32960.v1.Alarm2016",
    "v2xh.gbt32960.v1.Alarm2025",
    "v2xh.gbt32960.v1.RessVoltageSubsystem2016",
    "v2xh.gbt32960.v1.ParameterSet",
    "v2xh.gbt32960.v1.ParameterQueryAnswer",
    FRAME,
  ])("%s: no named-check violation, no exception", (type) => {
    const found = validateRules(registry, type, decodeJson(registry, type, {}));
    expect(found.filter((v) => v.rule in GBT32960_CHECKS)).toEqual([]);
  });
});
