import { isMap, isScalar, isSeq, parseDocument } from "yaml";

/**
 * `total` split over parts in proportion to `weights` by largest remainder (ties to the earlier
 * part), each part at least its minimum (default 1): exact multiples stay exact, and the parts
 * always add up to `total`.
 */
export function apportion(total: number, weights: readonly number[], minimums: readonly number[] = weights.map(() => 1)): number[] {
  const least = minimums.reduce((a, b) => a + b, 0);
  if (!Number.isInteger(total) || total < least) throw new RangeError(`apportion: expected an integer total of at least ${least}, got ${total}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const quotas = weights.map((w) => (total * w) / sum);
  const parts = quotas.map((q) => Math.floor(q));
  const byRemainder = quotas.map((q, i) => ({ i, remainder: q - Math.floor(q) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (let k = 0, left = total - parts.reduce((a, b) => a + b, 0); k < left; k++) parts[byRemainder[k]!.i]! += 1;
  // A part below its minimum takes one at a time from the part furthest above its own (the earliest of equal ones).
  for (let i = 0; i < parts.length; i++) {
    while (parts[i]! < minimums[i]!) {
      const surplus = parts.map((p, j) => p - minimums[j]!);
      const donor = surplus.indexOf(Math.max(...surplus));
      parts[donor]! -= 1;
      parts[i]! += 1;
    }
  }
  return parts;
}

/**
 * The scenario text with its vehicle groups scaled to `vehicles` vehicles in all, each group's
 * share as in the file (see apportion); a group keeps at least one vehicle, and every vehicle an
 * event names by number. Only the `count` values change, byte for byte in place, so the loader's
 * messages still point at the right lines. Text that does not parse, or has no vehicle groups,
 * comes back unchanged for the loader to report on.
 */
export function scaleVehicleGroups(text: string, vehicles: number): string {
  const doc = parseDocument(text, { merge: true });
  const groups = isMap(doc.contents) ? doc.contents.get("vehicleGroups", true) : undefined;
  if (doc.errors.length > 0 || !isSeq(groups) || groups.items.length === 0) return text;
  const counts = groups.items.map((group, i) => {
    const count = isMap(group) ? group.get("count", true) : undefined;
    if (!isScalar(count) || typeof count.value !== "number" || count.range == null || count.anchor !== undefined) {
      throw new RangeError(`cannot scale vehicle group ${i}: its count is not a plain number written in the group`);
    }
    return { name: isMap(group) ? group.get("name") : undefined, value: count.value, start: count.range[0], end: count.range[1] };
  });
  const named = namedVehicles(doc.toJS() as unknown);
  const minimums = counts.map((c) => Math.max(1, (named.get(c.name) ?? -1) + 1));
  const least = minimums.reduce((a, b) => a + b, 0);
  if (vehicles < least) {
    throw new RangeError(`cannot scale to ${vehicles} vehicles: the scenario needs at least ${least} (one per vehicle group, and every vehicle its events name by number)`);
  }
  const scaled = apportion(vehicles, counts.map((c) => c.value), minimums);
  let out = text;
  // From the end, so the offsets of earlier counts stay valid.
  for (let i = counts.length - 1; i >= 0; i--) {
    const { start, end } = counts[i]!;
    out = `${out.slice(0, start)}${scaled[i]}${out.slice(end)}`;
  }
  return out;
}

/** The highest vehicle number each group's events name (`events[].group` with `vehicles: [n, …]`). */
function namedVehicles(file: unknown): Map<unknown, number> {
  const out = new Map<unknown, number>();
  const events = (file as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return out;
  for (const event of events as unknown[]) {
    const { group, vehicles } = (event ?? {}) as { group?: unknown; vehicles?: unknown };
    if (!Array.isArray(vehicles)) continue;
    for (const n of vehicles as unknown[]) if (typeof n === "number") out.set(group, Math.max(out.get(group) ?? -1, n));
  }
  return out;
}
