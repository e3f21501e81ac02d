import { describe, expect, it } from "vitest";
import { REFERENCE_TBOX } from "../../../../src/devices/tbox/behaviour.ts";
import { answerCommand, type CommandContext } from "../../../../src/devices/tbox/platform-commands.ts";
import { FACTORY_SETTINGS, HARDWARE_VERSION, parameterTable, TerminalParameters } from "../../../../src/devices/tbox/terminal-parameters.ts";
import { Command, ResponseFlag, type Frame } from "../../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { loadRegistry, validateRules } from "../../../../src/schema/index.ts";
import { beijingTime } from "../../../../src/sim/index.ts";
import { parameterQuery, parameterSet } from "../../../../src/conformance/dsl/tbox.ts";

const registry = loadRegistry();
const VIN = "LTESTCOMMANDS0001";
const SETTINGS = { ...FACTORY_SETTINGS, reportIntervalMs: 2000, host: "broker", port: 1883 };

function context(behaviour = REFERENCE_TBOX): CommandContext {
  return { vin: VIN, time: beijingTime(Date.UTC(2025, 5, 2, 8)), parameters: new TerminalParameters(SETTINGS), behaviour, factory: parameterTable({ ...FACTORY_SETTINGS, host: "broker", port: 1883 }) };
}

const answer = (frame: Frame, c: CommandContext): ReturnType<typeof answerCommand> => answerCommand(frame, validateRules(registry, "v2xh.gbt32960.v1.Frame", frame), c);

describe("answerCommand", () => {
  it("answers a query with the values in force, in a valid frame", () => {
    const outcome = answer(parameterQuery(VIN, [0x02, 0x07]), context());
    expect(outcome.answer.parameterQueryAnswer?.parameters).toEqual([{ normalReportPeriod: { value: 2 } }, { hardwareVersion: HARDWARE_VERSION }]);
    expect(validateRules(registry, "v2xh.gbt32960.v1.Frame", outcome.answer)).toEqual([]);
    expect(outcome.changed).toBe(false);
  });

  it("applies a good set and answers success; refuses a read-only or out-of-range set whole, changing nothing", () => {
    const c = context();
    const good = answer(parameterSet(VIN, [{ heartbeatPeriod: { value: 5 } }]), c);
    expect([good.answer.command, good.answer.responseFlag, good.changed]).toEqual([Command.PARAMETER_SET, ResponseFlag.SUCCESS, true]);
    expect(c.parameters.heartbeatIntervalMs).toBe(5000);
    for (const parameters of [[{ heartbeatPeriod: { value: 9 } }, { hardwareVersion: "HXXXX" }], [{ heartbeatPeriod: { value: 241 } }]]) {
      const refused = answer(parameterSet(VIN, parameters), c);
      expect([refused.answer.responseFlag, refused.changed]).toEqual([ResponseFlag.ERROR, false]);
      expect(refused.refused).toBeDefined();
      expect(validateRules(registry, "v2xh.gbt32960.v1.Frame", refused.answer)).toEqual([]);
    }
    expect(c.parameters.heartbeatIntervalMs).toBe(5000);
    expect(c.parameters.query([0x07])).toEqual([{ hardwareVersion: HARDWARE_VERSION }]);
  });

  it("with the faults: answers factory values, or accepts the read-only versions", () => {
    expect(answer(parameterQuery(VIN, [0x02]), context({ ...REFERENCE_TBOX, queryAnswersFactoryValues: true })).answer.parameterQueryAnswer?.parameters).toEqual([{ normalReportPeriod: { value: 10 } }]);
    const c = context({ ...REFERENCE_TBOX, acceptReadOnlyParameters: true });
    expect(answer(parameterSet(VIN, [{ hardwareVersion: "HXXXX" }]), c).answer.responseFlag).toBe(ResponseFlag.SUCCESS);
    expect(c.parameters.query([0x07])).toEqual([{ hardwareVersion: "HXXXX" }]);
  });
});
