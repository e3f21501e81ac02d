import { describe, expect, it } from "vitest";
import { FACTORY_SETTINGS, HARDWARE_VERSION, parameterId, parameterTable, TerminalParameters, type TerminalSettings } from "../../../../src/devices/tbox/terminal-parameters.ts";
import { Marker } from "../../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { loadRegistry, validateRules } from "../../../../src/schema/index.ts";

const registry = loadRegistry();
const SETTINGS: TerminalSettings = { ...FACTORY_SETTINGS, reportIntervalMs: 5000, heartbeatIntervalMs: 20_000, host: "broker.example", port: 1883 };

describe("TerminalParameters", () => {
  it("holds a valid item for every 2016 parameter 0x01..0x10, numbered by its ID", () => {
    const table = parameterTable(SETTINGS);
    expect([...table.keys()]).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    for (const [id, parameter] of table) expect(parameterId(parameter)).toBe(id);
    expect(validateRules(registry, "v2xh.gbt32960.v1.ParameterQueryAnswer", { time: { year: 25, month: 6, day: 2, hour: 16, minute: 0, second: 0 }, parameters: [...table.values()] })).toEqual([]);
  });

  it("runs by the periods in force: 0x02 and 0x09 in seconds, 0x03 in ms", () => {
    const parameters = new TerminalParameters(SETTINGS);
    expect([parameters.reportIntervalMs, parameters.alarmIntervalMs, parameters.heartbeatIntervalMs]).toEqual([5000, 1000, 20_000]);
    parameters.apply([{ normalReportPeriod: { value: 2 } }, { alarmReportPeriod: { value: 500 } }, { heartbeatPeriod: { value: 7 } }]);
    expect([parameters.reportIntervalMs, parameters.alarmIntervalMs, parameters.heartbeatIntervalMs]).toEqual([2000, 500, 7000]);
  });

  it("answers a query in the order asked, puts a domain's length before it, leaves out unknown IDs, and answers all for none", () => {
    const parameters = new TerminalParameters(SETTINGS);
    expect(parameters.query([0x09, 0x05, 0x42]).map(parameterId)).toEqual([0x09, 0x04, 0x05]);
    expect(parameters.query([]).map(parameterId)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(parameters.query([0x07])).toEqual([{ hardwareVersion: HARDWARE_VERSION }]);
  });

  it("refuses items it cannot apply: markers and user-defined parameters", () => {
    const parameters = new TerminalParameters(SETTINGS);
    expect(parameters.refusal([{ heartbeatPeriod: { value: 10 } }])).toBeUndefined();
    expect(parameters.refusal([{ heartbeatPeriod: { marker: Marker.INVALID } }])).toMatch(/markers/);
    expect(parameters.refusal([{ userDefined: { id: 0x80, value: new Uint8Array([1]) } }])).toMatch(/0x01\.\.0x10/);
  });
});
