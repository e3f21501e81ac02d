import type { DeviceRole } from "./role.ts";

/** A reference device that is running. */
export interface RunningDevice {
  readonly role: DeviceRole;
  readonly id: string;
  /** The faults switched on; empty for a correct device. */
  readonly faults: readonly string[];
  /** What it serves and where, one line each, e.g. "BSM every 100 ms on v2x/v1/obu/obu-1/up/bsm". */
  readonly describe: readonly string[];
  /** Stops everything it runs and closes its connections (a T-Box logs out first). */
  stop(): Promise<void>;
}
