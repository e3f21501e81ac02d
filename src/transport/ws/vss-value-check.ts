import { Datatype, type Signal } from "../../schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import type { Value } from "../../schema/gen/v2xh/vss/v1/values_pb.ts";

const INTEGER_RANGES: Readonly<Partial<Record<Datatype, readonly [bigint, bigint]>>> = {
  [Datatype.INT8]: [-128n, 127n],
  [Datatype.INT16]: [-32768n, 32767n],
  [Datatype.INT32]: [-(2n ** 31n), 2n ** 31n - 1n],
  [Datatype.INT64]: [-(2n ** 63n), 2n ** 63n - 1n],
  [Datatype.UINT8]: [0n, 255n],
  [Datatype.UINT16]: [0n, 65535n],
  [Datatype.UINT32]: [0n, 2n ** 32n - 1n],
  [Datatype.UINT64]: [0n, 2n ** 64n - 1n],
};

const FLOAT_LIMITS: Readonly<Partial<Record<Datatype, number>>> = {
  [Datatype.FLOAT]: 3.4028234663852886e38,
  [Datatype.DOUBLE]: Number.MAX_VALUE,
};

/** Array datatypes start at 20 with the same order as the scalars they hold (proto/v2xh/vss/v1/catalogue.proto). */
const ARRAY_OFFSET = Datatype.STRING_ARRAY - Datatype.STRING;
const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Why `value` is no valid value of the leaf `signal` (datatype, range, min/max, allowed, pattern,
 * array size), or undefined when it is valid. Struct values are only checked for their shape.
 */
export function valueProblem(signal: Signal, value: Value): string | undefined {
  const datatype = signal.datatype;
  if (datatype === undefined) return `${signal.path} has no datatype and takes no value`;
  if (datatype === Datatype.STRUCT) return value.structValue === undefined ? `expected a struct value of ${signal.structType ?? "a struct type"}` : undefined;
  if (datatype === Datatype.STRUCT_ARRAY) return value.structArray === undefined ? `expected an array of ${signal.structType ?? "a struct type"}` : undefined;
  if (datatype >= Datatype.STRING_ARRAY) {
    if (value.array === undefined) return `expected an array value for ${signal.path}`;
    const size = value.array.values.length;
    if (signal.arraysize !== undefined && size !== signal.arraysize) return `expected ${signal.arraysize} elements, got ${size}`;
    for (const [i, element] of value.array.values.entries()) {
      const problem = scalarProblem(signal, (datatype - ARRAY_OFFSET) as Datatype, element);
      if (problem !== undefined) return `element ${i}: ${problem}`;
    }
    return undefined;
  }
  if (value.scalar === undefined) return `expected a single value (a string) for ${signal.path}`;
  return scalarProblem(signal, datatype, value.scalar);
}

function scalarProblem(signal: Signal, datatype: Datatype, text: string): string | undefined {
  if (signal.allowed.length > 0 && !signal.allowed.includes(text)) return `"${text}" is not one of ${signal.allowed.join(", ")}`;
  if (datatype === Datatype.BOOLEAN) return text === "true" || text === "false" ? undefined : `expected "true" or "false", got "${text}"`;
  if (datatype === Datatype.STRING) {
    return signal.pattern === undefined || new RegExp(`^(?:${signal.pattern})$`).test(text) ? undefined : `"${text}" does not match ${signal.pattern}`;
  }
  const integerRange = INTEGER_RANGES[datatype];
  if (integerRange !== undefined) {
    if (!/^-?\d+$/.test(text)) return `expected an integer, got "${text}"`;
    const n = BigInt(text);
    if (n < integerRange[0] || n > integerRange[1]) return `${text} is outside ${integerRange[0]}..${integerRange[1]}`;
    return limitProblem(signal, (limit) => BigInt(limit) <= n, (limit) => n <= BigInt(limit), text);
  }
  const floatLimit = FLOAT_LIMITS[datatype] ?? Number.MAX_VALUE;
  if (!JSON_NUMBER.test(text)) return `expected a number, got "${text}"`;
  const x = Number(text);
  if (Math.abs(x) > floatLimit) return `${text} is outside the range of the datatype`;
  return limitProblem(signal, (limit) => Number(limit) <= x, (limit) => x <= Number(limit), text);
}

function limitProblem(signal: Signal, aboveMin: (limit: string) => boolean, belowMax: (limit: string) => boolean, text: string): string | undefined {
  if (signal.min !== undefined && !aboveMin(signal.min)) return `${text} is below the minimum ${signal.min}`;
  if (signal.max !== undefined && !belowMax(signal.max)) return `${text} is above the maximum ${signal.max}`;
  return undefined;
}
