import { describe, expect, it } from "vitest";
import { Sessions } from "../../../../src/devices/platform/sessions.ts";

describe("Sessions", () => {
  it("refuses a second login with another serial while the first session lives, and takes it over when told to", () => {
    const sessions = new Sessions(10_000);
    expect(sessions.login("VIN", 1, 0, "refuse")).toBe("accepted");
    expect(sessions.login("VIN", 2, 1000, "refuse")).toBe("duplicate");
    expect(sessions.login("VIN", 2, 1000, "take-over")).toBe("accepted");
    expect(sessions.login("VIN", 1, 2000, "refuse")).toBe("duplicate");
  });

  it("takes a repeated login with the live session's serial as a retry", () => {
    const sessions = new Sessions(10_000);
    sessions.login("VIN", 4, 0, "refuse");
    expect(sessions.login("VIN", 4, 500, "refuse")).toBe("accepted");
  });

  it("ends a session at logout, or when the vehicle has been silent for the timeout", () => {
    const sessions = new Sessions(10_000);
    sessions.login("A", 1, 0, "refuse");
    sessions.login("B", 1, 0, "refuse");
    expect(sessions.touch("A", 9000)).toBe(true);
    expect(sessions.touch("A", 18_000)).toBe(true);
    expect(sessions.touch("B", 18_000)).toBe(false);
    sessions.end("A");
    expect(sessions.touch("A", 18_001)).toBe(false);
    expect(sessions.login("B", 2, 18_000, "refuse")).toBe("accepted");
  });
});
