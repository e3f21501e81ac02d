import { CombinationOp, type RangeFilter } from "../../schema/gen/v2xh/vss/v1/filter_pb.ts";
import type { Value } from "../../schema/gen/v2xh/vss/v1/values_pb.ts";
import { compare, numberOf } from "./vss-numbers.ts";

/**
 * Whether `value` lies inside a `range` filter (VISS v2 Core, Range filter): value boundary-op
 * boundary for each boundary, two of them combined by combination-op (default AND). Booleans count
 * as 0 and 1; a value that is no number lies in no range.
 */
export function inRange(filter: RangeFilter, value: Value): boolean {
  const n = numberOf(value);
  if (n === undefined || Number.isNaN(n)) return false;
  const inside = filter.boundaries.map((boundary) => compare(boundary.boundaryOp, n, Number(boundary.boundary)));
  return filter.combinationOp === CombinationOp.OR ? inside.some(Boolean) : inside.every(Boolean);
}
