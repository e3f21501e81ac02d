/**
 * Whether vehicle `n` of a group has a device fitted to a `share` of the group. The equipped
 * vehicles are spread evenly (share 0.3: vehicles 3, 6, 9, …), every prefix of the group holds the
 * share rounded down, and the answer depends only on n, so it is the same whatever the group's
 * size or the shard.
 */
export function isEquipped(n: number, share: number): boolean {
  // The epsilon keeps products such as 10 × 0.7 = 6.999… from falling to the integer below.
  const upTo = (k: number): number => Math.floor(k * share + 1e-9);
  return upTo(n + 1) > upTo(n);
}

/** The numbers of the equipped vehicles of a group of `count`. */
export function equippedVehicles(count: number, share: number): number[] {
  return Array.from({ length: count }, (_, n) => n).filter((n) => isEquipped(n, share));
}
