import { describe, expect, it } from "vitest";
import { ArterialDrive, STEP_MS } from "../../../../src/devices/shared/arterial-drive.ts";
import { testScenario } from "../../../../src/devices/shared/test-network.ts";
import { Random, type VehicleState } from "../../../../src/sim/index.ts";

const START = Date.UTC(2025, 5, 2, 8);

describe("ArterialDrive", () => {
  it("drives the arterial both ways, stopping at red, without a position jump, for half an hour", () => {
    const drive = new ArterialDrive(testScenario(), START, "v", new Random("drive"));
    let previous: VehicleState = drive.state;
    let worst = 0;
    let stops = 0;
    const headings = new Set<number>();
    for (let t = START + STEP_MS; t <= START + 30 * 60_000; t += STEP_MS) {
      drive.advanceTo(t);
      const state = drive.state;
      const moved = Math.hypot(state.position.east - previous.position.east, state.position.north - previous.position.north);
      worst = Math.max(worst, Math.abs(moved - ((state.speed + previous.speed) / 2) * (STEP_MS / 1000)));
      if (state.speed === 0 && previous.speed > 0) stops++;
      headings.add(Math.round(state.heading / 90) % 4);
      previous = state;
    }
    expect(worst).toBeLessThan(1);
    expect(stops).toBeGreaterThan(5);
    expect(previous.odometer).toBeGreaterThan(10_000);
    // North-west and south-east bound, and across at the U-turns.
    expect(headings.size).toBe(4);
  });

  it("moves a state on along its heading between steps", () => {
    const drive = new ArterialDrive(testScenario(), START, "v", new Random("drive"));
    const at = drive.stateAt(START + 1000);
    const later = drive.stateAt(START + 1050);
    const moved = Math.hypot(later.position.east - at.position.east, later.position.north - at.position.north);
    expect(moved).toBeCloseTo(at.speed * 0.05, 1);
    expect(later.odometer - at.odometer).toBeCloseTo(moved, 6);
  });

  it("is the same for the same seed", () => {
    const run = (): VehicleState => new ArterialDrive(testScenario(), START, "v", new Random(7)).stateAt(START + 60_000);
    expect(run().geo).toEqual(run().geo);
  });
});
