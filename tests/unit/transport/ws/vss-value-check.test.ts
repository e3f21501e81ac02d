import { describe, expect, it } from "vitest";
import { Datatype, NodeType, type Signal } from "../../../../src/schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import type { Value } from "../../../../src/schema/gen/v2xh/vss/v1/values_pb.ts";
import { valueProblem } from "../../../../src/transport/ws/vss-value-check.ts";

const leaf = (datatype: Datatype, extra: Partial<Signal> = {}): Signal => ({ path: "Vehicle.X", type: NodeType.ACTUATOR, datatype, allowed: [], description: "x", ...extra });
const scalar = (text: string): Value => ({ scalar: text });

describe("valueProblem", () => {
  it.each([
    [leaf(Datatype.UINT8), "255", undefined],
    [leaf(Datatype.UINT8), "256", "256 is outside 0..255"],
    [leaf(Datatype.UINT8), "-1", "-1 is outside 0..255"],
    [leaf(Datatype.INT8), "1.5", 'expected an integer, got "1.5"'],
    [leaf(Datatype.UINT64), "18446744073709551615", undefined],
    [leaf(Datatype.UINT64), "18446744073709551616", "18446744073709551616 is outside 0..18446744073709551615"],
    [leaf(Datatype.UINT8, { min: "0", max: "100" }), "101", "101 is above the maximum 100"],
    [leaf(Datatype.FLOAT, { min: "-40.5" }), "-41", "-41 is below the minimum -40.5"],
    [leaf(Datatype.FLOAT), "1e3", undefined],
    [leaf(Datatype.FLOAT), "fast", 'expected a number, got "fast"'],
    [leaf(Datatype.FLOAT), "1e39", "1e39 is outside the range of the datatype"],
    [leaf(Datatype.BOOLEAN), "true", undefined],
    [leaf(Datatype.BOOLEAN), "True", 'expected "true" or "false", got "True"'],
    [leaf(Datatype.STRING, { allowed: ["NORMAL", "SPORT"] }), "sport", '"sport" is not one of NORMAL, SPORT'],
    [leaf(Datatype.STRING, { pattern: "[A-Z]{3}" }), "ABCD", '"ABCD" does not match [A-Z]{3}'],
  ])("%j takes %j: %s", (signal, text, problem) => {
    expect(valueProblem(signal, scalar(text))).toBe(problem);
  });

  it("checks every element and the size of an array", () => {
    const signal = leaf(Datatype.UINT8_ARRAY, { arraysize: 2 });
    expect(valueProblem(signal, { array: { values: ["1", "2"] } })).toBeUndefined();
    expect(valueProblem(signal, { array: { values: ["1", "300"] } })).toBe("element 1: 300 is outside 0..255");
    expect(valueProblem(signal, { array: { values: ["1"] } })).toBe("expected 2 elements, got 1");
    expect(valueProblem(signal, scalar("1"))).toBe("expected an array value for Vehicle.X");
  });

  it("wants a scalar for a scalar datatype and a struct for a struct datatype", () => {
    expect(valueProblem(leaf(Datatype.UINT8), { array: { values: [] } })).toBe("expected a single value (a string) for Vehicle.X");
    expect(valueProblem(leaf(Datatype.STRUCT, { structType: "Types.Pos" }), scalar("1"))).toBe("expected a struct value of Types.Pos");
    expect(valueProblem(leaf(Datatype.STRUCT, { structType: "Types.Pos" }), { structValue: { fields: {} } })).toBeUndefined();
  });
});
