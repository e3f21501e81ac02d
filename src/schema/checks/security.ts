import type { MessageCheck } from "./check.ts";

/** Named checks of the v2xh.security.v1 schemas. */
export const SECURITY_CHECKS: Readonly<Record<string, MessageCheck>> = {};
