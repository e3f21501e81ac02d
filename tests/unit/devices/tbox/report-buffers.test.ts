import { describe, expect, it } from "vitest";
import { Outbox, SampleHistory } from "../../../../src/devices/tbox/report-buffers.ts";
import type { RealtimeData2016 } from "../../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { beijingTime } from "../../../../src/sim/index.ts";

const START = Date.UTC(2025, 5, 2, 8);
const sample = (secondsAfterStart: number): RealtimeData2016 => ({ time: beijingTime(START + secondsAfterStart * 1000), units: [] });

describe("Outbox", () => {
  it("gives back everything stored, oldest first, once", () => {
    const outbox = new Outbox(10);
    [1, 2, 3].forEach((s) => outbox.push(sample(s)));
    expect(outbox.take()).toEqual([sample(1), sample(2), sample(3)]);
    expect(outbox.take()).toEqual([]);
  });

  it("drops the oldest reports beyond its limit", () => {
    const outbox = new Outbox(2);
    [1, 2, 3].forEach((s) => outbox.push(sample(s)));
    expect(outbox.take()).toEqual([sample(2), sample(3)]);
  });
});

describe("SampleHistory", () => {
  it("keeps the samples of the last window and gives those collected before an instant", () => {
    const history = new SampleHistory(30_000);
    for (let s = 0; s <= 40; s++) history.push(sample(s));
    const before = history.before(START + 40_000);
    expect(before[0]).toEqual(sample(11));
    expect(before.at(-1)).toEqual(sample(39));
    expect(before).toHaveLength(29);
  });
});
