import { describe, expect, it } from "vitest";
import { loadPics } from "../../../src/conformance/pics.ts";
import { checkPixit, loadPixit } from "../../../src/conformance/pixit.ts";

describe("the vss example PICS and PIXIT", () => {
  it("load, claiming set, access control and both subscription filters", () => {
    expect(loadPics("vss", "conformance/pics/vss.example.yaml")).toEqual({
      PICS_VSS_SET: true,
      PICS_VSS_ACCESS_CONTROL: true,
      PICS_VSS_SUBSCRIBE_TIMEBASED: true,
      PICS_VSS_SUBSCRIBE_CHANGE: true,
    });
  });

  it("load, spelling out every default of params", () => {
    const pixit = loadPixit("vss", "conformance/pixit/vss.example.yaml");
    const defaults = checkPixit("vss", { role: "vss", sut: { id: "vss-1" }, params: { url: "ws://127.0.0.1:8090" } });
    expect(pixit.sut.id).toBe("vss-1");
    expect(pixit.params).toEqual(defaults.params);
  });

  it("refuse an error override without a reason", () => {
    expect(() => checkPixit("vss", { role: "vss", sut: { id: "vss-1" }, params: { url: "ws://127.0.0.1:8090", errors: { unknownPath: { number: 404 } } } })).toThrow(/reason/);
  });
});
