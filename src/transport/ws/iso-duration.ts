import { Refusal } from "./viss-refusal.ts";

const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * The length in ms of a `history` period, an ISO 8601 duration PnDTnHnMnS (the schema's named
 * check "vss-history-duration" has already refused any other form).
 */
export function durationMs(period: string): number {
  const match = DURATION.exec(period);
  if (match === null) throw new Refusal("bad-request", `history: not a PnDTnHnMnS duration: ${period}`);
  const [, days = "0", hours = "0", minutes = "0", seconds = "0"] = match;
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 + Number(seconds) * 1000;
}
