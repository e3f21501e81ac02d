import { describe, expect, it } from "vitest";
import { loadPics } from "../../../src/conformance/pics.ts";
import { checkPixit, loadPixit } from "../../../src/conformance/pixit.ts";

describe("the rsu example PICS and PIXIT", () => {
  it("load, claiming every message type but no upper tester", () => {
    expect(loadPics("rsu", "conformance/pics/rsu.example.yaml")).toEqual({ PICS_RSU_MAP: true, PICS_RSU_SPAT: true, PICS_RSU_RSI: true, PICS_RSU_RSM: true, PICS_UPPER_TESTER: false });
  });

  it("load, spelling out every default of params", () => {
    const pixit = loadPixit("rsu", "conformance/pixit/rsu.example.yaml");
    const defaults = checkPixit("rsu", { role: "rsu", sut: { id: "52535530303031ff" }, bus: { url: "mqtt://127.0.0.1:1883" } });
    expect(pixit.sut.id).toBe("52535530303031ff");
    expect(pixit.params).toEqual(defaults.params);
  });
});
