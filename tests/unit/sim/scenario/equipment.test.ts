import { describe, expect, it } from "vitest";
import { equippedVehicles, isEquipped } from "../../../../src/sim/scenario/equipment.ts";

describe("isEquipped", () => {
  it("spreads a share evenly over the group", () => {
    expect(equippedVehicles(10, 0.3)).toEqual([3, 6, 9]);
    expect(equippedVehicles(5, 0.4)).toEqual([2, 4]);
    expect(equippedVehicles(4, 1)).toEqual([0, 1, 2, 3]);
    expect(equippedVehicles(4, 0)).toEqual([]);
  });

  it("equips the share of every prefix, rounded down, so a vehicle's answer does not depend on the group's size", () => {
    for (const share of [0.1, 0.3, 0.7, 0.25, 1 / 3]) {
      for (const count of [1, 7, 10, 100]) expect(equippedVehicles(count, share).length).toBe(Math.floor(count * share + 1e-9));
      expect(equippedVehicles(100, share).slice(0, equippedVehicles(10, share).length)).toEqual(equippedVehicles(10, share));
    }
    expect(isEquipped(9, 0.7)).toBe(true);
  });
});
