import { describe, expect, it } from "vitest";
import { virtualRun, type VirtualRun } from "./fleet-run.ts";
import type { Received } from "./memory-transport.ts";

const VEHICLES = 48;
const OPTIONS = { duration: 15_000, realtimePeriodMs: 2000 };

/** Every message as "topic @ time: bytes", sorted, so streams from several shards can be compared. */
function stream(received: readonly Received[]): string[] {
  return received.map((m) => `${m.topic} @ ${m.at}: ${m.payload.toString("hex")}`).sort();
}

let runs: Promise<{ whole: VirtualRun; shards: VirtualRun[] }> | undefined;
const wholeAndShards = (): Promise<{ whole: VirtualRun; shards: VirtualRun[] }> =>
  (runs ??= Promise.all([virtualRun(VEHICLES, OPTIONS), ...[0, 1, 2].map((index) => virtualRun(VEHICLES, { ...OPTIONS, shard: { index, count: 3 } }))]).then(([whole, ...shards]) => ({
    whole,
    shards,
  })));

describe("shards of one scenario on a virtual clock", () => {
  it("together send exactly the unsharded run's messages, byte for byte per device and time", async () => {
    const { whole, shards } = await wholeAndShards();
    const merged = stream(shards.flatMap((s) => s.received));
    expect(merged.length).toBe(whole.received.length);
    expect(merged).toEqual(stream(whole.received));
    // Every kind takes part; RSUs only in shard 0.
    const kinds = new Set(whole.received.map((m) => m.topic.split("/").at(-1)));
    expect([...kinds].sort()).toEqual(["bsm", "login", "map", "realtime", "rsi", "rsm", "spat"]);
    expect(shards.slice(1).every((s) => s.received.every((m) => !m.topic.includes("/rsu/")))).toBe(true);
  });

  it("split the devices, and their counts add up to the unsharded run's", async () => {
    const { whole, shards } = await wholeAndShards();
    expect(shards.map((s) => s.summary.devices.vehicles)).toEqual([16, 16, 16]);
    expect(shards.map((s) => s.summary.devices.rsus)).toEqual([2, 0, 0]);
    expect(shards.reduce((sum, s) => sum + s.summary.messages.sent, 0)).toBe(whole.summary.messages.sent);
  });

  it("send the same bytes when run again", async () => {
    const { whole } = await wholeAndShards();
    const again = await virtualRun(VEHICLES, OPTIONS);
    expect(stream(again.received)).toEqual(stream(whole.received));
  });
});
