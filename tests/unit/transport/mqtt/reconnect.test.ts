import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ReconnectSchedule, backoffDelay } from "../../../../src/transport/mqtt/reconnect.ts";

const OPTIONS = { initialDelayMs: 100, maxDelayMs: 1000, factor: 2, jitter: 0 };

describe("backoffDelay", () => {
  it("doubles from the initial delay up to the maximum", () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(OPTIONS, n))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});

describe("ReconnectSchedule", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("fires each scheduled attempt after its backoff delay, numbering the attempts", () => {
    const fired: number[] = [];
    const schedule = new ReconnectSchedule(OPTIONS, (attempt) => fired.push(attempt));
    expect(schedule.schedule()).toBe(100);
    vi.advanceTimersByTime(99);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual([1]);
    expect(schedule.schedule()).toBe(200);
    vi.advanceTimersByTime(200);
    expect(fired).toEqual([1, 2]);
  });

  it("arms one timer at a time", () => {
    const fired: number[] = [];
    const schedule = new ReconnectSchedule(OPTIONS, (attempt) => fired.push(attempt));
    schedule.schedule();
    expect(schedule.schedule()).toBeUndefined();
    vi.advanceTimersByTime(10_000);
    expect(fired).toEqual([1]);
  });

  it("fires nothing once cleared, and starts the backoff over after a success", () => {
    const fired: number[] = [];
    const schedule = new ReconnectSchedule(OPTIONS, (attempt) => fired.push(attempt));
    schedule.schedule();
    schedule.clear();
    vi.advanceTimersByTime(10_000);
    expect(fired).toEqual([]);
    schedule.succeeded();
    expect(schedule.schedule()).toBe(100);
  });

  it("is disabled by an initial delay of 0", () => {
    const schedule = new ReconnectSchedule({ ...OPTIONS, initialDelayMs: 0 }, () => undefined);
    expect(schedule.enabled).toBe(false);
    expect(schedule.schedule()).toBeUndefined();
  });

  it("draws each delay from the jitter band below the backoff delay", () => {
    const low = new ReconnectSchedule({ ...OPTIONS, jitter: 0.2 }, () => undefined, () => 1);
    const high = new ReconnectSchedule({ ...OPTIONS, jitter: 0.2 }, () => undefined, () => 0);
    expect(low.schedule()).toBe(80);
    expect(high.schedule()).toBe(100);
  });
});
