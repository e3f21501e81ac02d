import type { SutRole } from "../../../conformance/verdict.ts";
import type { SelftestProfile } from "../profile.ts";
import { OBU_PROFILE } from "./obu.ts";
import { RSU_PROFILE } from "./rsu.ts";
import { VSS_PROFILE } from "./vss.ts";
import { PLATFORM_PROFILE } from "./platform.ts";
import { TBOX_PROFILE } from "./tbox.ts";

/** The selftest profile of each role that has a suite. */
export const SELFTEST_PROFILES: Partial<Record<SutRole, SelftestProfile>> = {
  obu: OBU_PROFILE,
  rsu: RSU_PROFILE,
  vss: VSS_PROFILE,
  platform: PLATFORM_PROFILE,
  tbox: TBOX_PROFILE,
};
