import type { RealtimeData2016 } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { epochOfBeijingTime } from "../shared/beijing-time.ts";

/** One report the platform accepted. */
export interface ArchivedReport {
  /** "realtime" (0x02) or "reissue" (0x03). */
  readonly command: "realtime" | "reissue";
  /** Collection time, ms since the epoch (the report's Beijing time read back). */
  readonly collectedAt: number;
  /** When the platform received it, ms since the epoch. */
  readonly receivedAt: number;
}

/** Every report the platform accepted, by VIN, in order of arrival. */
export class ReportArchive {
  private readonly byVin = new Map<string, ArchivedReport[]>();

  add(vin: string, command: ArchivedReport["command"], data: RealtimeData2016, receivedAt: number): void {
    const list = this.byVin.get(vin) ?? [];
    list.push({ command, collectedAt: epochOfBeijingTime(data.time), receivedAt });
    this.byVin.set(vin, list);
  }

  reports(vin: string): readonly ArchivedReport[] {
    return this.byVin.get(vin) ?? [];
  }

  /** VINs that have sent a report, with their counts. */
  summary(): { vin: string; reports: number }[] {
    return [...this.byVin].map(([vin, list]) => ({ vin, reports: list.length }));
  }
}
