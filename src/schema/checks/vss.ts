import type { MessageCheck } from "./check.ts";

/** Named checks of the v2xh.vss.v1 schemas. */
export const VSS_CHECKS: Readonly<Record<string, MessageCheck>> = {};
