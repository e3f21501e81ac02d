import type { MessageCheck } from "./check.ts";
import { CSAE53_CHECKS } from "./csae53.ts";
import { GBT32960_CHECKS } from "./gbt32960.ts";
import { HARNESS_CHECKS } from "./harness.ts";
import { SECURITY_CHECKS } from "./security.ts";
import { VSS_CHECKS } from "./vss.ts";

/** Every named check a schema may list in (v2xh.rules.v1.message).checks, by name. */
export const MESSAGE_CHECKS: Readonly<Record<string, MessageCheck>> = {
  ...CSAE53_CHECKS,
  ...GBT32960_CHECKS,
  ...HARNESS_CHECKS,
  ...SECURITY_CHECKS,
  ...VSS_CHECKS,
};
