import { describe, expect, it } from "vitest";
import { loadPics } from "../../../src/conformance/pics.ts";
import { checkPixit, loadPixit } from "../../../src/conformance/pixit.ts";

describe("the obu example PICS and PIXIT", () => {
  it("load, claiming MAP and SPAT reception", () => {
    expect(loadPics("obu", "conformance/pics/obu.example.yaml")).toEqual({ PICS_OBU_RX_MAP_SPAT: true, PICS_OBU_DUAL_ENCODING: false, PICS_UPPER_TESTER: false });
  });

  it("load, spelling out every default of params", () => {
    const pixit = loadPixit("obu", "conformance/pixit/obu.example.yaml");
    const defaults = checkPixit("obu", { role: "obu", sut: { id: "obu-1" }, bus: { url: "mqtt://127.0.0.1:1883" } });
    expect(pixit.sut.id).toBe("obu-1");
    expect(pixit.params).toEqual(defaults.params);
  });
});
