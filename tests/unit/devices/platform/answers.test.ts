import { describe, expect, it } from "vitest";
import { errorAnswer, heartbeatAnswer, loginAnswer, logoutAnswer, timeCalibrationAnswer } from "../../../../src/sim/gbt32960-answers.ts";
import { Command, ResponseFlag } from "../../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { loadRegistry, validateRules } from "../../../../src/schema/index.ts";
import { beijingTime } from "../../../../src/sim/index.ts";

const registry = loadRegistry();
const VIN = "LTESTANSWERS00001";
const time = beijingTime(Date.UTC(2025, 5, 2, 8));
const login = { time, serial: { value: 3 }, iccid: "89860000000000000001", ressCount: 0, ressCodeLength: 0, ressCodes: [] };

describe("platform answers", () => {
  it("are valid answers that keep the command and carry the outcome", () => {
    const answers = [
      loginAnswer(VIN, login, ResponseFlag.SUCCESS, time),
      loginAnswer(VIN, login, ResponseFlag.VIN_DUPLICATE, time),
      logoutAnswer(VIN, { time, serial: { value: 3 } }, time),
      heartbeatAnswer(VIN),
      timeCalibrationAnswer(VIN, time),
      errorAnswer(VIN, Command.REALTIME, time),
      errorAnswer(VIN, Command.REISSUE, time),
    ];
    for (const answer of answers) {
      expect(validateRules(registry, "v2xh.gbt32960.v1.Frame", answer), `command ${answer.command}`).toEqual([]);
      expect(answer.responseFlag).not.toBe(ResponseFlag.COMMAND);
    }
  });

  it("echo the login with the platform's time (Annex B)", () => {
    const later = beijingTime(Date.UTC(2025, 5, 2, 9));
    expect(loginAnswer(VIN, login, ResponseFlag.SUCCESS, later).vehicleLogin2016).toEqual({ ...login, time: later });
  });
});
