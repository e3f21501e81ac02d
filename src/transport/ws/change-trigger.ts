import { Datatype } from "../../schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import { LogicOp, type ChangeFilter } from "../../schema/gen/v2xh/vss/v1/filter_pb.ts";
import type { Value } from "../../schema/gen/v2xh/vss/v1/values_pb.ts";

const NUMERIC = new Set<number>([
  Datatype.INT8, Datatype.INT16, Datatype.INT32, Datatype.INT64,
  Datatype.UINT8, Datatype.UINT16, Datatype.UINT32, Datatype.UINT64,
  Datatype.FLOAT, Datatype.DOUBLE, Datatype.BOOLEAN,
]);

/**
 * Whether a `change` filter fires for an update from `previous` to `current` (VISS v2 Core,
 * Change filter): the difference current − previous compared with `diff` by `logic-op`. Booleans
 * count as 0 and 1, which gives the spec's idioms gt 0 = false→true, lt 0 = true→false, ne 0 = any
 * toggle. Other values can only be compared for (in)equality: `eq` fires when unchanged, `ne` when
 * changed. The first value of a subscription has no previous value and never fires.
 */
export function changeFires(filter: ChangeFilter, datatype: Datatype | undefined, previous: Value | undefined, current: Value): boolean {
  if (previous === undefined) return false;
  if (datatype !== undefined && NUMERIC.has(datatype) && previous.scalar !== undefined && current.scalar !== undefined) {
    const delta = asNumber(current.scalar) - asNumber(previous.scalar);
    return compare(filter.logicOp, delta, Number(filter.diff));
  }
  const changed = JSON.stringify(previous) !== JSON.stringify(current);
  if (filter.logicOp === LogicOp.NE) return changed;
  return filter.logicOp === LogicOp.EQ && !changed;
}

function asNumber(text: string): number {
  if (text === "true") return 1;
  if (text === "false") return 0;
  return Number(text);
}

function compare(op: LogicOp, delta: number, diff: number): boolean {
  switch (op) {
    case LogicOp.EQ:
      return delta === diff;
    case LogicOp.NE:
      return delta !== diff;
    case LogicOp.GT:
      return delta > diff;
    case LogicOp.GTE:
      return delta >= diff;
    case LogicOp.LT:
      return delta < diff;
    case LogicOp.LTE:
      return delta <= diff;
    default:
      return false;
  }
}
