import { describe, expect, it } from "vitest";
import { loadPics } from "../../../src/conformance/pics.ts";
import { checkPixit, loadPixit } from "../../../src/conformance/pixit.ts";

describe("the platform example PICS and PIXIT", () => {
  it("load, refusing a duplicate VIN without a query interface", () => {
    expect(loadPics("platform", "conformance/pics/platform.example.yaml")).toEqual({
      PICS_PLATFORM_REFUSES_DUPLICATE_VIN: true,
      PICS_PLATFORM_QUERY_INTERFACE: false,
      PICS_UPPER_TESTER: false,
    });
  });

  it("load, spelling out every default of params", () => {
    const pixit = loadPixit("platform", "conformance/pixit/platform.example.yaml");
    const defaults = checkPixit("platform", { role: "platform", sut: { id: "platform-1" }, bus: { url: "mqtt://127.0.0.1:1883" } });
    expect(pixit.sut.id).toBe("platform-1");
    expect(pixit.params).toEqual(defaults.params);
  });

  it("refuses a query URL without a place for the VIN", () => {
    expect(() => checkPixit("platform", { role: "platform", sut: { id: "p" }, bus: { url: "mqtt://127.0.0.1:1883" }, params: { queryReportsUrl: "http://platform/vehicles" } })).toThrow(/queryReportsUrl/);
  });
});
