import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PublishThrottle } from "../../../../src/transport/broker/publish-throttle.ts";
import { TokenBucket } from "../../../../src/transport/broker/token-bucket.ts";

function throttle(rate: number, burst: number, limits: { maxInFlight?: number; maxBacklog?: number } = {}): { throttle: PublishThrottle; ran: string[]; go: (name: string) => () => void } {
  const ran: string[] = [];
  const t = new PublishThrottle(new TokenBucket(rate, burst, () => Date.now()), { maxInFlight: 1000, maxBacklog: 1000, ...limits });
  return { throttle: t, ran, go: (name) => () => ran.push(name) };
}

describe("PublishThrottle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("admits a burst at once, then one item per 1/rate seconds, in arrival order", () => {
    const { throttle: t, ran, go } = throttle(100, 2);
    const owner = {};
    expect(["a", "b", "c", "d"].map((n) => t.admit(owner, go(n)))).toEqual(["now", "now", "delayed", "delayed"]);
    expect(ran).toEqual(["a", "b"]);
    expect(t.backlog).toBe(2);
    vi.advanceTimersByTime(10);
    expect(ran).toEqual(["a", "b", "c"]);
    vi.advanceTimersByTime(10);
    expect(ran).toEqual(["a", "b", "c", "d"]);
    expect(t.backlog).toBe(0);
  });

  it("lets nothing overtake what waits, even when a token is free", () => {
    const { throttle: t, ran, go } = throttle(100, 1);
    t.admit({}, go("a"));
    t.admit({}, go("b"));
    vi.setSystemTime(Date.now() + 5);
    expect(t.admit({}, go("c"))).toBe("delayed");
    vi.advanceTimersByTime(20);
    expect(ran).toEqual(["a", "b", "c"]);
  });

  it("refuses past maxBacklog without running the work", () => {
    const { throttle: t, ran, go } = throttle(1, 1, { maxBacklog: 2 });
    expect(["a", "b", "c", "d"].map((n) => t.admit({}, go(n)))).toEqual(["now", "delayed", "delayed", "refused"]);
    vi.advanceTimersByTime(60_000);
    expect(ran).toEqual(["a", "b", "c"]);
  });

  it("holds work back while maxInFlight items are unfinished, and releases it on a later turn when one finishes", async () => {
    const { throttle: t, ran, go } = throttle(1_000_000, 1_000_000, { maxInFlight: 2 });
    expect(["a", "b", "c"].map((n) => t.admit({}, go(n)))).toEqual(["now", "now", "delayed"]);
    vi.advanceTimersByTime(1000);
    expect(ran).toEqual(["a", "b"]);
    t.finished();
    expect(ran).toEqual(["a", "b"]);
    await vi.runOnlyPendingTimersAsync();
    expect(ran).toEqual(["a", "b", "c"]);
    expect(t.inFlight).toBe(2);
  });

  it("drops an abandoned owner's waiting work, which then no longer counts against maxBacklog", () => {
    const { throttle: t, ran, go } = throttle(100, 1, { maxBacklog: 2 });
    const gone = {};
    const staying = {};
    t.admit(staying, go("first"));
    t.admit(gone, go("gone-1"));
    t.admit(gone, go("gone-2"));
    expect(t.admit(staying, go("refused"))).toBe("refused");
    t.abandon(gone);
    expect(t.backlog).toBe(0);
    expect(t.admit(staying, go("second"))).toBe("delayed");
    vi.advanceTimersByTime(100);
    expect(ran).toEqual(["first", "second"]);
  });

  it("forgets everything when stopped", () => {
    const { throttle: t, ran, go } = throttle(10, 1);
    t.admit({}, go("a"));
    t.admit({}, go("b"));
    t.stop();
    vi.advanceTimersByTime(10_000);
    expect(ran).toEqual(["a"]);
    expect(t.backlog).toBe(0);
  });
});
