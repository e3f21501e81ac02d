import { describe, expect, it } from "vitest";
import { commandAnswerFrame, heartbeatFrame, loginFrame, logoutFrame, parameterQueryAnswerFrame, realtimeFrame, reissueFrame, timeCalibrationRequestFrame, withAlarm } from "../../../../src/devices/tbox/frames.ts";
import { FACTORY_SETTINGS, TerminalParameters } from "../../../../src/devices/tbox/terminal-parameters.ts";
import { AlarmLevel2016, Command, ResponseFlag, type Frame, type RealtimeData2016 } from "../../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { loadRegistry, validateRules } from "../../../../src/schema/index.ts";
import { beijingTime, Random, TboxModel } from "../../../../src/sim/index.ts";
import { ArterialDrive } from "../../../../src/devices/shared/arterial-drive.ts";
import { testScenario } from "../../../../src/devices/shared/test-network.ts";

const registry = loadRegistry();
const VIN = "LTESTFRAMES000001";
const START = Date.UTC(2025, 5, 2, 8);
const time = beijingTime(START);

function data(): RealtimeData2016 {
  const random = new Random("frames");
  const drive = new ArterialDrive(testScenario(), START, "v", random);
  const body = new TboxModel({ vin: VIN }, random).realtimeFrame(drive.stateAt(START + 1000), START + 1000).realtime2016;
  if (body === undefined) throw new Error("no realtime data");
  return body;
}

describe("T-Box frames", () => {
  it("are valid GB/T 32960-2016 frames", () => {
    const frames: Frame[] = [
      loginFrame({ vin: VIN, iccid: "89860000000000000001", ressCodes: ["RESS00000000000000000001"] }, time, 1),
      logoutFrame(VIN, time, 1),
      heartbeatFrame(VIN),
      timeCalibrationRequestFrame(VIN),
      realtimeFrame(VIN, data()),
      reissueFrame(VIN, data()),
      realtimeFrame(VIN, withAlarm(data(), 3)),
      parameterQueryAnswerFrame(VIN, time, new TerminalParameters({ ...FACTORY_SETTINGS, host: "broker", port: 1883 }).query([])),
      commandAnswerFrame(VIN, Command.PARAMETER_SET, ResponseFlag.ERROR, time),
    ];
    for (const frame of frames) expect(validateRules(registry, "v2xh.gbt32960.v1.Frame", frame), `command ${frame.command}`).toEqual([]);
  });

  it("raise the alarm unit to the level asked and never lower it", () => {
    const alarmOf = (d: RealtimeData2016): number | undefined => d.units.find((u) => u.alarm !== undefined)?.alarm?.maxAlarmLevel;
    expect(alarmOf(withAlarm(data(), 3))).toBe(AlarmLevel2016.LEVEL_3);
    expect(withAlarm(data(), 0)).toEqual(data());
    const level2 = withAlarm(data(), 2);
    expect(alarmOf(withAlarm(level2, 1))).toBe(AlarmLevel2016.LEVEL_2);
  });

  it("keep the collection time of the data in a reissue", () => {
    const reissue = reissueFrame(VIN, data());
    expect(reissue.command).toBe(Command.REISSUE);
    expect(reissue.reissue2016?.time).toEqual(beijingTime(START + 1000));
  });
});
