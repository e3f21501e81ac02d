import { randomBytes } from "node:crypto";
import { describe, it } from "vitest";
import type { ArchivedReport } from "../../../src/devices/index.ts";
import { startPlatform, type PlatformDevice } from "../../../src/devices/platform/platform-device.ts";
import { vehicleVin } from "../../../src/sim/scenario/vin.ts";
import { runTboxTcpLoad, TcpLoadError, type TcpLoadInit, type TcpLoadSummary } from "../../../src/sim/tcp-load/index.ts";
import { startLinkProxy } from "../../../src/transport/link-proxy.ts";
import { freePort } from "../../helpers/broker.ts";
import { registry } from "../devices/bus.ts";

type Finished = (cleanup: () => void | Promise<void>) => void;
type Platform = PlatformDevice & { readonly tcp: { readonly port: number } };

async function platformOverTcp(finished: Finished, faults: readonly string[] = []): Promise<Platform> {
  const platform = await startPlatform({ tcp: { port: 0, host: "127.0.0.1" }, registry, faults });
  finished(() => platform.stop());
  if (platform.tcp === undefined) throw new Error("the platform does not say where it listens over TCP");
  return { ...platform, tcp: platform.tcp };
}

/** A load of `tboxes` T-Boxes on VINs no other test uses, and the VINs. */
function load(platform: Platform, tboxes: number, options: Partial<TcpLoadInit> = {}): { options: TcpLoadInit; vins: string[] } {
  const group = `tcp-load-test-${randomBytes(4).toString("hex")}`;
  const vins = Array.from({ length: tboxes }, (_, n) => vehicleVin(group, n));
  return { options: { host: "127.0.0.1", port: platform.tcp.port, tboxes, periodMs: 500, vin: (n) => vins[n]!, ...options }, vins };
}

/** Every report the platform kept from these VINs. */
async function kept(platform: Platform, vins: readonly string[]): Promise<ArchivedReport[]> {
  const lists = await Promise.all(vins.map(async (vin) => ((await (await fetch(`${platform.queryUrl}/vehicles/${vin}/reports`)).json()) as { reports: ArchivedReport[] }).reports));
  return lists.flat();
}

/** Reports demanded = sent + skipped + offline + backpressure. */
const accountedFor = (s: TcpLoadSummary): number => s.reportsSent + s.reportsSkipped + s.reportsOffline + s.reportsBackpressure;

describe.concurrent("runTboxTcpLoad against the reference platform over TCP", () => {
  it("logs every T-Box in, sends a report per period each (collected when due) and the platform keeps every one; heartbeats are answered", async ({ expect, onTestFinished }) => {
    const platform = await platformOverTcp(onTestFinished);
    const { vins, options } = load(platform, 20, { durationMs: 3000, heartbeatPeriodMs: 1000 });
    const summary = await runTboxTcpLoad(options);

    expect(summary).toMatchObject({ target: `tcp://127.0.0.1:${platform.tcp.port}`, tboxes: 20, connected: 20, loginsSent: 20, loginsAccepted: 20, loginsRefused: 0, loginsUnanswered: 0 });
    expect(summary).toMatchObject({ errorAnswers: 0, unexpectedFrames: 0, unreadableFrames: 0, connectionsLost: 0, reportsOffline: 0, reportsBackpressure: 0 });
    expect(summary.reportsDemanded).toBe(20 * (3000 / 500));
    expect(accountedFor(summary)).toBe(summary.reportsDemanded);
    // A report is skipped only when the sender fell a whole period behind; on an idle machine none is.
    expect(summary.reportsSkipped).toBeLessThan(summary.reportsDemanded / 10);
    expect(summary.heartbeatsSent).toBeGreaterThan(0);
    expect(summary.heartbeatsAnswered).toBe(summary.heartbeatsSent);

    const reports = await kept(platform, vins);
    expect(reports).toHaveLength(summary.reportsSent);
    const start = Date.parse(summary.startedAt ?? "");
    // Collection times are whole seconds (the frame's resolution) of the due times.
    expect(reports.every((r) => r.command === "realtime" && r.collectedAt >= start && r.collectedAt < start + 3000)).toBe(true);
  });

  it("counts every login unanswered, and sends no report, when the platform never answers a login (fault no-login-answer)", async ({ expect, onTestFinished }) => {
    const platform = await platformOverTcp(onTestFinished, ["no-login-answer"]);
    const { vins, options } = load(platform, 10, { durationMs: 1000, loginTimeoutMs: 1000 });
    const summary = await runTboxTcpLoad(options);

    expect(summary).toMatchObject({ connected: 10, loginsSent: 10, loginsAccepted: 0, loginsUnanswered: 10, reportsSent: 0, errorAnswers: 0 });
    expect(summary.reportsOffline).toBe(summary.reportsDemanded);
    expect(await kept(platform, vins)).toHaveLength(0);
  });

  it("cannot see reports a platform accepts and then loses (fault drops-reports): its own figures stay clean, the query interface shows every 10th missing", async ({ expect, onTestFinished }) => {
    const platform = await platformOverTcp(onTestFinished, ["drops-reports"]);
    const { vins, options } = load(platform, 20, { durationMs: 2000 });
    const summary = await runTboxTcpLoad(options);

    expect(summary).toMatchObject({ loginsAccepted: 20, errorAnswers: 0, connectionsLost: 0 });
    expect(summary.reportsSent).toBeGreaterThan(0);
    expect(await kept(platform, vins)).toHaveLength(summary.reportsSent - Math.floor(summary.reportsSent / 10));
  });

  it("after its connection is cut, each T-Box reconnects, logs in again and goes on reporting; the reports due meanwhile are counted offline", async ({ expect, onTestFinished }) => {
    const platform = await platformOverTcp(onTestFinished);
    const proxy = await startLinkProxy({ upstream: { host: "127.0.0.1", port: platform.tcp.port } });
    onTestFinished(() => proxy.close());
    const { vins, options } = load(platform, 5, { port: proxy.port, durationMs: 4000 });
    let restoredAt = Infinity;
    const summary = await runTboxTcpLoad({
      ...options,
      onProgress: (p) => {
        if (p.phase !== "running" || proxy.isCut || restoredAt !== Infinity) return;
        proxy.cut();
        setTimeout(() => {
          proxy.restore();
          restoredAt = Date.now();
        }, 300);
      },
    });

    expect(summary.connectionsLost).toBeGreaterThanOrEqual(5);
    expect(summary.reconnects).toBeGreaterThanOrEqual(5);
    // A login sent on a connection cut before its answer came counts as unanswered.
    expect(summary.loginsAccepted + summary.loginsUnanswered).toBe(summary.loginsSent);
    expect(summary.loginsAccepted).toBeGreaterThanOrEqual(10);
    expect(summary.reportsOffline).toBeGreaterThan(0);
    expect(summary.errorAnswers).toBe(0);
    expect(accountedFor(summary)).toBe(summary.reportsDemanded);
    for (const vin of vins) expect((await kept(platform, [vin])).some((r) => r.receivedAt > restoredAt)).toBe(true);
    // Reports are not answered: one a T-Box wrote just before the cut may die with the connection, unknown to it.
    const keptCount = (await kept(platform, vins)).length;
    expect(keptCount).toBeLessThanOrEqual(summary.reportsSent);
    expect(keptCount).toBeGreaterThanOrEqual(summary.reportsSent - 5);
  });

  it("throws a TcpLoadError naming the address when not one connection can be opened", async ({ expect }) => {
    const port = await freePort();
    const failure = runTboxTcpLoad({ host: "127.0.0.1", port, tboxes: 3, durationMs: 1000 });
    await expect(failure).rejects.toThrow(TcpLoadError);
    await expect(failure).rejects.toThrow(`tcp://127.0.0.1:${port}`);
  });
});
