import os from "node:os";
import { openFilesLimit } from "./os-limits.ts";

/** The machine a run was measured on; figures mean little without it. */
export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  /** `ulimit -n` of the process; null where unknown. */
  readonly openFilesLimit: number | null;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  const limit = openFilesLimit();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${os.release()} ${process.arch}`,
    openFilesLimit: limit === undefined || !Number.isFinite(limit) ? null : limit,
  };
}
