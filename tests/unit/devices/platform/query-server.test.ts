import { describe, expect, it, onTestFinished } from "vitest";
import { QueryServer } from "../../../../src/devices/platform/query-server.ts";
import { ReportArchive } from "../../../../src/devices/platform/report-archive.ts";
import { beijingTime } from "../../../../src/sim/index.ts";

describe("QueryServer", () => {
  it("serves the archive as JSON on port 0 and says what exists on a wrong path", async () => {
    const archive = new ReportArchive();
    archive.add("LTESTQUERY0000001", "realtime", { time: beijingTime(Date.UTC(2025, 5, 2, 8)), units: [] }, 42);
    const server = await QueryServer.listen(archive, "127.0.0.1", 0);
    onTestFinished(() => server.close());
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${server.url}/vehicles`)).json()).toEqual({ vehicles: [{ vin: "LTESTQUERY0000001", reports: 1 }] });
    expect(await (await fetch(`${server.url}/vehicles/LTESTQUERY0000001/reports`)).json()).toEqual({
      vin: "LTESTQUERY0000001",
      reports: [{ command: "realtime", collectedAt: Date.UTC(2025, 5, 2, 8), receivedAt: 42 }],
    });
    const missing = await fetch(`${server.url}/reports`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toMatch(/\/vehicles\/<vin>\/reports/);
    expect((await fetch(`${server.url}/vehicles`, { method: "POST" })).status).toBe(405);
  });
});
