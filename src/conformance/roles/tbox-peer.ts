import { Command, ResponseFlag, type Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { errorAnswer, heartbeatAnswer, loginAnswer, logoutAnswer, timeCalibrationAnswer } from "../../sim/gbt32960-answers.ts";
import { beijingTime } from "../../sim/index.ts";
import type { MessageKindName } from "../../transport/message-kinds.ts";
import type { BusDriver } from "../bus-driver.ts";
import type { Peer } from "./role-definition.ts";

/** What the T-Box sends that a platform answers (GB/T 32960.3-2016 B.1, B.2.5, B.2.6). */
const ANSWERED: readonly MessageKindName[] = ["login", "logout", "heartbeat", "timeCalibration"];

/**
 * The platform a T-Box under test talks to: it answers the SUT's login, logout, heartbeat and time
 * calibration on the down/answer topic, with the harness clock as the platform's time. A frame
 * that breaks a rule gets an error answer.
 */
export function startTboxPeer(bus: BusDriver): Peer {
  const stops = ANSWERED.map((kind) =>
    bus.onReceive(kind, (o) => {
      if (o.id !== bus.sutId || !o.decoded.ok) return;
      const answer = answerTo(o.decoded.message as unknown as Frame, bus.violations(o).length > 0);
      if (answer !== undefined) bus.send("platformAnswer", o.id, answer, `the platform's answer to ${kind}`).catch(() => undefined);
    }),
  );
  return {
    stop: () => {
      for (const stop of stops) stop();
      return Promise.resolve();
    },
  };
}

function answerTo(frame: Frame, broken: boolean): Frame | undefined {
  if (frame.responseFlag !== ResponseFlag.COMMAND) return undefined;
  const vin = frame.uniqueId;
  const time = beijingTime(Date.now());
  if (broken) return errorAnswer(vin, frame.command, time);
  if (frame.command === Command.VEHICLE_LOGIN && frame.vehicleLogin2016 !== undefined) return loginAnswer(vin, frame.vehicleLogin2016, ResponseFlag.SUCCESS, time);
  if (frame.command === Command.VEHICLE_LOGOUT && frame.vehicleLogout !== undefined) return logoutAnswer(vin, frame.vehicleLogout, time);
  if (frame.command === Command.HEARTBEAT) return heartbeatAnswer(vin);
  if (frame.command === Command.TIME_CALIBRATION) return timeCalibrationAnswer(vin, time);
  return errorAnswer(vin, frame.command, time);
}
