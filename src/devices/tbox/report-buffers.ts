import type { RealtimeData2016 } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { epochOfBeijingTime } from "../shared/beijing-time.ts";

/** Reports collected while the link was down, oldest first, waiting to be reissued; the oldest go when `limit` is reached. */
export class Outbox {
  private readonly limit: number;
  private reports: RealtimeData2016[] = [];

  constructor(limit: number) {
    this.limit = limit;
  }

  push(report: RealtimeData2016): void {
    this.reports.push(report);
    if (this.reports.length > this.limit) this.reports.shift();
  }

  /** Everything stored, which is then no longer stored. */
  take(): RealtimeData2016[] {
    const taken = this.reports;
    this.reports = [];
    return taken;
  }
}

/** The samples of the last `windowMs`, kept so that a level-3 alarm can reissue what came before it. */
export class SampleHistory {
  private readonly windowMs: number;
  private samples: RealtimeData2016[] = [];

  constructor(windowMs: number) {
    this.windowMs = windowMs;
  }

  push(sample: RealtimeData2016): void {
    const newest = epochOfBeijingTime(sample.time);
    this.samples = [...this.samples.filter((s) => epochOfBeijingTime(s.time) > newest - this.windowMs), sample];
  }

  /** The samples collected within `windowMs` before `epochMs`, oldest first. */
  before(epochMs: number): RealtimeData2016[] {
    return this.samples.filter((s) => {
      const at = epochOfBeijingTime(s.time);
      return at < epochMs && at >= epochMs - this.windowMs;
    });
  }
}
