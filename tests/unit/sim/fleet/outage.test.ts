import { describe, expect, it } from "vitest";
import { decodeProtobuf, loadRegistry } from "../../../../src/schema/index.ts";
import type { Frame } from "../../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { OutageLog } from "../../../../src/sim/fleet/outage-log.ts";
import { START, virtualRun } from "./fleet-run.ts";

const registry = loadRegistry();

describe("a broker outage during a virtual run", () => {
  const run = virtualRun(30, { duration: 10_000, realtimePeriodMs: 1000 }, (clock, broker) => {
    clock.schedule(START + 3000, () => broker.setUp(false));
    clock.schedule(START + 5000, () => broker.setUp(true));
  });

  it("is reported as one outage with its start, end and what was dropped", async () => {
    const { summary } = await run;
    expect(summary.outages).toHaveLength(1);
    const [outage] = summary.outages;
    expect(outage).toMatchObject({ start: new Date(START + 3000).toISOString(), end: new Date(START + 5000).toISOString(), durationMs: 2000, unrestored: 0 });
    expect(outage!.sessions).toBe(summary.connections.sessions);
    expect(outage!.reconnectMs.max).toBe(2000);
    // 30 vehicles × 10 Hz × 2 s of BSMs alone.
    expect(outage!.dropped).toBeGreaterThanOrEqual(600);
    expect(outage!.dropped).toBe(summary.messages.dropped.offline);
    expect(outage!.gaps.find((g) => g.device === "ronghua-se-through-0")).toMatchObject({ gapMs: 2000, dropped: 20 });
    expect(summary.completed).toBe(true);
  });

  it("sends nothing meanwhile and everything again after it, logging the T-Boxes in again", async () => {
    const { received } = await run;
    expect(received.filter((m) => m.at >= START + 3000 && m.at < START + 5000)).toEqual([]);
    expect(received.filter((m) => m.at >= START + 5000 && m.topic.endsWith("/bsm")).length).toBe(30 * 50);
    const serials = received.filter((m) => m.topic.endsWith("/login")).map((m) => decodeProtobuf<Frame>(registry, "v2xh.gbt32960.v1.Frame", m.payload).vehicleLogin2016?.serial.value);
    expect(new Set(serials)).toEqual(new Set([1, 2]));
  });
});

describe("connections that cannot take more for a while", () => {
  it("drop what is due meanwhile, count it as backpressure, and hold nothing back for later", async () => {
    const { summary, received } = await virtualRun(30, { duration: 4000 }, (clock, broker) => {
      clock.schedule(START + 1000, () => (broker.full = true));
      clock.schedule(START + 2000, () => (broker.full = false));
    });
    const bsm = summary.byKind.bsm!;
    expect(bsm.droppedBackpressure).toBe(30 * 10);
    expect(bsm.sent).toBe(30 * 30);
    expect(received.filter((m) => m.at >= START + 1000 && m.at < START + 2000)).toEqual([]);
    expect(summary.outages).toEqual([]);
    expect(summary.messages.dropped).toEqual({ offline: 0, backpressure: summary.messages.due - summary.messages.sent });
  });
});

describe("OutageLog", () => {
  const devices = (session: number): string[] => [`v${session}`];

  it("merges overlapping gaps and keeps separate ones apart", () => {
    const log = new OutageLog();
    log.lost(0, 1000);
    log.lost(1, 1500);
    log.restored(0, 2000);
    log.restored(1, 2600);
    log.lost(0, 9000);
    log.dropped(0, "v0");
    const outages = log.outages(10_000, devices, 10);
    expect(outages.map((o) => [o.start, o.end, o.durationMs, o.sessions, o.unrestored])).toEqual([
      [new Date(1000).toISOString(), new Date(2600).toISOString(), 1600, 2, 0],
      [new Date(9000).toISOString(), null, 1000, 1, 1],
    ]);
    expect(outages[1]!.gaps).toEqual([{ device: "v0", lostAt: new Date(9000).toISOString(), restoredAt: null, gapMs: 1000, dropped: 1 }]);
  });

  it("lists at most the longest gaps asked for", () => {
    const log = new OutageLog();
    for (let s = 0; s < 5; s++) {
      log.lost(s, 0);
      log.restored(s, 100 * (s + 1));
    }
    const [outage] = log.outages(1000, devices, 2);
    expect(outage!.gaps.map((g) => g.device)).toEqual(["v4", "v3"]);
    expect(outage!.gapsOmitted).toBe(3);
    expect(outage!.devicesAffected).toBe(5);
  });
});
