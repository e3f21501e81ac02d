import { definitionOf, type FaultDefinition } from "./fault.ts";
import { OBU_FAULTS } from "./obu/faults.ts";
import { PLATFORM_FAULTS } from "./platform/faults.ts";
import type { DeviceRole } from "./role.ts";
import { RSU_FAULTS } from "./rsu/faults.ts";
import { TBOX_FAULTS } from "./tbox/faults.ts";
import { VSS_FAULTS } from "./vss/faults.ts";

/** Every named fault of every role, role by role: what `v2x serve --list-faults` prints and what the conformance catalogue imports. */
export const FAULT_CATALOGUE: readonly FaultDefinition[] = [...OBU_FAULTS, ...RSU_FAULTS, ...TBOX_FAULTS, ...PLATFORM_FAULTS, ...VSS_FAULTS].map(definitionOf);

/** The faults of one role, or of every role. */
export function listFaults(role?: DeviceRole): FaultDefinition[] {
  return FAULT_CATALOGUE.filter((fault) => role === undefined || fault.role === role);
}
