import { describe, expect, it } from "vitest";
import { ReportArchive } from "../../../../src/devices/platform/report-archive.ts";
import { beijingTime } from "../../../../src/sim/index.ts";

describe("ReportArchive", () => {
  it("keeps reports by VIN in arrival order with their collection time read back", () => {
    const archive = new ReportArchive();
    const collected = Date.UTC(2025, 5, 2, 8, 0, 5);
    archive.add("A", "realtime", { time: beijingTime(collected), units: [] }, 100);
    archive.add("A", "reissue", { time: beijingTime(collected - 5000), units: [] }, 200);
    archive.add("B", "realtime", { time: beijingTime(collected), units: [] }, 300);
    expect(archive.reports("A")).toEqual([
      { command: "realtime", collectedAt: collected, receivedAt: 100 },
      { command: "reissue", collectedAt: collected - 5000, receivedAt: 200 },
    ]);
    expect(archive.reports("C")).toEqual([]);
    expect(archive.summary()).toEqual([
      { vin: "A", reports: 2 },
      { vin: "B", reports: 1 },
    ]);
  });
});
