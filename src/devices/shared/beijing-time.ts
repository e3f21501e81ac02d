import type { Time } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** The instant a GB/T 32960 time (Beijing time, GMT+8, whole seconds) names, ms since the epoch. */
export function epochOfBeijingTime(time: Time): number {
  return Date.UTC(2000 + time.year, time.month - 1, time.day, time.hour, time.minute, time.second) - BEIJING_OFFSET_MS;
}

/** The Beijing calendar date of an instant, "YYYY-MM-DD". */
export function beijingDate(epochMs: number): string {
  return new Date(epochMs + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
