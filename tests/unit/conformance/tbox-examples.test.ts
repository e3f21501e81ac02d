import { describe, expect, it } from "vitest";
import { loadPics } from "../../../src/conformance/pics.ts";
import { loadPixit } from "../../../src/conformance/pixit.ts";

describe("the tbox example PICS and PIXIT", () => {
  it("load, with every PICS item the suite uses claimed", () => {
    expect(loadPics("tbox", "conformance/pics/tbox.example.yaml")).toEqual({ PICS_UPPER_TESTER: true });
  });

  it("load, with the T-Box's periods and the link proxy", () => {
    const pixit = loadPixit("tbox", "conformance/pixit/tbox.example.yaml");
    expect(pixit.link).toEqual({ control: "proxy", listen: "0.0.0.0:1884" });
    expect(pixit.params).toMatchObject({ reportPeriodMs: 10000, alarmPeriodMs: 1000, heartbeatPeriodMs: 30000 });
  });
});
