import { Datatype } from "../../schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import { LogicOp } from "../../schema/gen/v2xh/vss/v1/filter_pb.ts";
import type { Value } from "../../schema/gen/v2xh/vss/v1/values_pb.ts";

const NUMERIC = new Set<number>([
  Datatype.INT8, Datatype.INT16, Datatype.INT32, Datatype.INT64,
  Datatype.UINT8, Datatype.UINT16, Datatype.UINT32, Datatype.UINT64,
  Datatype.FLOAT, Datatype.DOUBLE, Datatype.BOOLEAN,
]);

/** Whether values of `datatype` compare as numbers; booleans count as 0 and 1. */
export function isNumeric(datatype: Datatype | undefined): boolean {
  return datatype !== undefined && NUMERIC.has(datatype);
}

/** The number a scalar of a numeric datatype stands for; undefined for any other value. */
export function numberOf(value: Value): number | undefined {
  if (value.scalar === undefined) return undefined;
  if (value.scalar === "true") return 1;
  if (value.scalar === "false") return 0;
  return Number(value.scalar);
}

/** `left` op `right`, for the six VISS operators. */
export function compare(op: LogicOp, left: number, right: number): boolean {
  switch (op) {
    case LogicOp.EQ:
      return left === right;
    case LogicOp.NE:
      return left !== right;
    case LogicOp.GT:
      return left > right;
    case LogicOp.GTE:
      return left >= right;
    case LogicOp.LT:
      return left < right;
    case LogicOp.LTE:
      return left <= right;
    default:
      return false;
  }
}
