import { describe, expect, it } from "vitest";
import { Datatype } from "../../../../src/schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import { LogicOp } from "../../../../src/schema/gen/v2xh/vss/v1/filter_pb.ts";
import { changeFires } from "../../../../src/transport/ws/change-trigger.ts";

const v = (text: string) => ({ scalar: text });

describe("changeFires", () => {
  it.each([
    ["gt 0 on false→true", LogicOp.GT, "0", "false", "true", true],
    ["gt 0 on true→false", LogicOp.GT, "0", "true", "false", false],
    ["lt 0 on true→false", LogicOp.LT, "0", "true", "false", true],
    ["ne 0 on any toggle", LogicOp.NE, "0", "true", "false", true],
    ["ne 0 without change", LogicOp.NE, "0", "true", "true", false],
  ] as const)("boolean: %s", (_name, op, diff, previous, current, fires) => {
    expect(changeFires({ logicOp: op, diff }, Datatype.BOOLEAN, v(previous), v(current))).toBe(fires);
  });

  it.each([
    [LogicOp.GT, "10", "50", "61", true],
    [LogicOp.GT, "10", "50", "60", false],
    [LogicOp.GTE, "10", "50", "60", true],
    [LogicOp.LT, "-5", "50", "44", true],
    [LogicOp.LT, "-5", "50", "46", false],
    [LogicOp.EQ, "0", "50", "50", true],
  ] as const)("numbers: %s %s from %s to %s fires: %s", (op, diff, previous, current, fires) => {
    expect(changeFires({ logicOp: op, diff }, Datatype.FLOAT, v(previous), v(current))).toBe(fires);
  });

  it("compares strings for equality only", () => {
    expect(changeFires({ logicOp: LogicOp.NE, diff: "0" }, Datatype.STRING, v("NORMAL"), v("SPORT"))).toBe(true);
    expect(changeFires({ logicOp: LogicOp.GT, diff: "0" }, Datatype.STRING, v("NORMAL"), v("SPORT"))).toBe(false);
    expect(changeFires({ logicOp: LogicOp.EQ, diff: "0" }, Datatype.STRING, v("SPORT"), v("SPORT"))).toBe(true);
  });

  it("never fires on the first value", () => {
    expect(changeFires({ logicOp: LogicOp.NE, diff: "0" }, Datatype.FLOAT, undefined, v("1"))).toBe(false);
  });
});
