import type { SutRole } from "../../../conformance/verdict.ts";
import type { SelftestProfile } from "../profile.ts";
import { OBU_PROFILE } from "./obu.ts";

/** The selftest profile of each role that has a suite. */
export const SELFTEST_PROFILES: Partial<Record<SutRole, SelftestProfile>> = {
  obu: OBU_PROFILE,
};
