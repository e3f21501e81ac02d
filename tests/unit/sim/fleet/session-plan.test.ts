import { describe, expect, it } from "vitest";
import { connectionLimitProblem } from "../../../../src/sim/fleet/index.ts";
import { planSessions } from "../../../../src/sim/fleet/session-plan.ts";
import { builtIn, START } from "./fleet-run.ts";

describe("session plans", () => {
  const shard = builtIn(30).at(START).shard(1, 2);

  it("give each vehicle with a device, and each RSU, its own connection named after it", () => {
    const plan = planSessions(shard, { kind: "per-vehicle" }, "p-");
    expect(plan.vehicles).toBe(15);
    expect(plan.clientIds).toEqual(shard.vehicles.map((v) => `p-${v.id}`));
    expect(plan.devices.every((d) => d.length === 1)).toBe(true);
    const withRsus = planSessions(builtIn(30).at(START).shard(0, 2), { kind: "per-vehicle" }, "p-");
    expect(withRsus.clientIds.slice(-2)).toEqual(["p-rsu-5253553130303101", "p-rsu-5253553130303401"]);
  });

  it("deal devices round-robin over shared connections named after the shard", () => {
    const plan = planSessions(shard, { kind: "shared", connections: 4 }, "p-");
    expect(plan.clientIds).toEqual(["p-shared-1-0", "p-shared-1-1", "p-shared-1-2", "p-shared-1-3"]);
    expect(plan.devices.map((d) => d.length)).toEqual([4, 4, 4, 3]);
    expect(plan.sessionOf.get(shard.vehicles[5]!.id)).toBe(1);
    expect(planSessions(shard, { kind: "shared", connections: 100 }, "p-").clientIds).toHaveLength(15);
  });
});

describe("connection limits", () => {
  it("name the limit to raise when connections need more descriptors or ports than the machine gives", () => {
    expect(connectionLimitProblem(10_000, { openFiles: 20_000, ports: 28_232 })).toBeUndefined();
    expect(connectionLimitProblem(10_000, { openFiles: 1024, ports: 28_232 })).toMatch(/at least 10064 open files, but this process may open 1024 \(ulimit -n\)/);
    expect(connectionLimitProblem(30_000, { openFiles: 100_000, ports: 28_232 })).toMatch(/ip_local_port_range allows 28232/);
    expect(connectionLimitProblem(10, { openFiles: undefined, ports: undefined })).toBeUndefined();
  });
});
