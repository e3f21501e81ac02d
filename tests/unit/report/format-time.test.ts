import { describe, expect, it } from "vitest";
import { formatDuration, formatOffset } from "../../../src/report/format-time.ts";

describe("formatDuration", () => {
  it.each([
    [0, "0 ms"],
    [999.4, "999 ms"],
    [1000, "1.0 s"],
    [31734, "31.7 s"],
  ])("%d ms reads %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("formatOffset", () => {
  it.each([
    [0, "+0.000 s"],
    [120, "+0.120 s"],
    [27000, "+27.000 s"],
    [-5, "-0.005 s"],
  ])("%d ms reads %s", (ms, text) => {
    expect(formatOffset(ms)).toBe(text);
  });
});
