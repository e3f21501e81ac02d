import { describe, expect, it } from "vitest";
import { POSITION_JUMP_METRES, REFERENCE_OBU, type ObuBehaviour } from "../../../../src/devices/obu/behaviour.ts";
import { BsmStream } from "../../../../src/devices/obu/bsm-stream.ts";
import { ArterialDrive } from "../../../../src/devices/shared/arterial-drive.ts";
import { testScenario } from "../../../../src/devices/shared/test-network.ts";
import type { BasicSafetyMessage } from "../../../../src/schema/gen/v2xh/csae53/v1/index.ts";
import { VehicleEventFlag } from "../../../../src/schema/gen/v2xh/csae53/v1/index.ts";
import { loadRegistry, validateRules } from "../../../../src/schema/index.ts";
import { Random, secMark } from "../../../../src/sim/index.ts";

const registry = loadRegistry();
const START = Date.UTC(2025, 5, 2, 8, 0, 0, 250);

/** `count` BSMs every 100 ms from a vehicle driving the test network. */
function bsms(behaviour: ObuBehaviour, count: number, seed = "bsm-test"): BasicSafetyMessage[] {
  const random = new Random(seed);
  const drive = new ArterialDrive(testScenario(), START, "v", random);
  const stream = new BsmStream(random.fork("vehicle:v"), behaviour);
  return Array.from({ length: count }, (_, i) => {
    const at = START + i * 100;
    const frame = stream.next(drive.stateAt(at), at);
    if (frame.bsmFrame === undefined) throw new Error("no BSM");
    return frame.bsmFrame;
  });
}

describe("BsmStream", () => {
  it("reference: valid BSMs, msgCnt +1 wrapping 127 -> 0, secMark of the send time, one 8-byte id", () => {
    const list = bsms(REFERENCE_OBU, 300);
    for (const bsm of list) expect(validateRules(registry, "v2xh.csae53.v1.BasicSafetyMessage", bsm)).toEqual([]);
    list.slice(1).forEach((bsm, i) => expect(bsm.msgCnt).toBe(((list[i]?.msgCnt ?? 0) + 1) % 128));
    expect(list.some((bsm, i) => i > 0 && bsm.msgCnt === 0 && list[i - 1]?.msgCnt === 127)).toBe(true);
    list.forEach((bsm, i) => expect(bsm.secMark).toBe(secMark(START + i * 100)));
    expect(new Set(list.map((bsm) => Buffer.from(bsm.id).toString("hex")))).toEqual(new Set([Buffer.from(list[0]?.id ?? []).toString("hex")]));
  });

  it("is the same for the same seed and differs for another", () => {
    expect(bsms(REFERENCE_OBU, 5)).toEqual(bsms(REFERENCE_OBU, 5));
    expect(bsms(REFERENCE_OBU, 1, "other")[0]?.id).not.toEqual(bsms(REFERENCE_OBU, 1)[0]?.id);
  });

  it("follows each knob: msgCnt step and modulus, secMark offset, a new id per message, position jumps", () => {
    const skips = bsms({ ...REFERENCE_OBU, msgCntStep: 2 }, 10);
    skips.slice(1).forEach((bsm, i) => expect(bsm.msgCnt).toBe(((skips[i]?.msgCnt ?? 0) + 2) % 128));
    expect(Math.max(...bsms({ ...REFERENCE_OBU, msgCntModulus: 100 }, 300).map((b) => b.msgCnt))).toBe(99);
    expect(bsms({ ...REFERENCE_OBU, secMarkOffsetMs: 18_000 }, 1)[0]?.secMark).toBe(secMark(START + 18_000));
    expect(new Set(bsms({ ...REFERENCE_OBU, newIdEveryMessage: true }, 10).map((b) => Buffer.from(b.id).toString("hex"))).size).toBe(10);
    const reference = bsms(REFERENCE_OBU, 10);
    const jumped = bsms({ ...REFERENCE_OBU, positionJumpEvery: 10 }, 10);
    expect(jumped.slice(0, 9)).toEqual(reference.slice(0, 9));
    expect(((jumped[9]?.pos.lat ?? 0) - (reference[9]?.pos.lat ?? 0)) / 1e7).toBeCloseTo(POSITION_JUMP_METRES / 111_320, 6);
  });

  it("reports hard braking and hazard lights in safetyExt while they last", () => {
    const random = new Random("events");
    const drive = new ArterialDrive(testScenario(), START, "v", random);
    const frame = new BsmStream(random.fork("vehicle:v"), REFERENCE_OBU).next(drive.stateAt(START), START, { hardBraking: true, hazardLights: true });
    const events = frame.bsmFrame?.safetyExt?.events ?? 0;
    expect(events & (1 << VehicleEventFlag.HARD_BRAKING)).not.toBe(0);
    expect(events & (1 << VehicleEventFlag.HAZARD_LIGHTS)).not.toBe(0);
    expect(validateRules(registry, "v2xh.csae53.v1.MessageFrame", frame)).toEqual([]);
  });
});
