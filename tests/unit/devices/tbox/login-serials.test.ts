import { describe, expect, it } from "vitest";
import { LoginSerials } from "../../../../src/devices/tbox/login-serials.ts";

describe("LoginSerials", () => {
  it("counts from 1 each day, one more per login", () => {
    const serials = new LoginSerials(true);
    expect([serials.next("2025-06-02"), serials.next("2025-06-02"), serials.next("2025-06-02")]).toEqual([1, 2, 3]);
    expect(serials.next("2025-06-03")).toBe(1);
  });

  it("starts again at 1 after the largest serial, 65531", () => {
    const serials = new LoginSerials(true);
    for (let i = 1; i < 65531; i++) serials.next("2025-06-02");
    expect(serials.next("2025-06-02")).toBe(65531);
    expect(serials.next("2025-06-02")).toBe(1);
  });

  it("gives 1 every time when not counting (the fault)", () => {
    const serials = new LoginSerials(false);
    expect([serials.next("2025-06-02"), serials.next("2025-06-02")]).toEqual([1, 1]);
  });
});
