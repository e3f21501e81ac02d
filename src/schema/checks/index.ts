import type { MessageCheck } from "./check.ts";

/** Every named check a schema may list in (v2xh.rules.v1.message).checks, by name. */
export const MESSAGE_CHECKS: Readonly<Record<string, MessageCheck>> = {};
