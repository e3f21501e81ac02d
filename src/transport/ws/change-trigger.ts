import type { Datatype } from "../../schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import { LogicOp, type ChangeFilter } from "../../schema/gen/v2xh/vss/v1/filter_pb.ts";
import type { Value } from "../../schema/gen/v2xh/vss/v1/values_pb.ts";
import { compare, isNumeric, numberOf } from "./vss-numbers.ts";

/**
 * Whether a `change` filter fires for an update from `previous` to `current` (VISS v2 Core,
 * Change filter): the difference current − previous compared with `diff` by `logic-op`. Booleans
 * count as 0 and 1, which gives the spec's idioms gt 0 = false→true, lt 0 = true→false, ne 0 = any
 * toggle. Other values can only be compared for (in)equality: `eq` fires when unchanged, `ne` when
 * changed. The first value of a subscription has no previous value and never fires.
 */
export function changeFires(filter: ChangeFilter, datatype: Datatype | undefined, previous: Value | undefined, current: Value): boolean {
  if (previous === undefined) return false;
  const [before, after] = [numberOf(previous), numberOf(current)];
  if (isNumeric(datatype) && before !== undefined && after !== undefined) return compare(filter.logicOp, after - before, Number(filter.diff));
  const changed = JSON.stringify(previous) !== JSON.stringify(current);
  if (filter.logicOp === LogicOp.NE) return changed;
  return filter.logicOp === LogicOp.EQ && !changed;
}
