/** Bits of a constrained whole number with `range` values: the smallest b with 2^b >= range (X.691 11.5.7.1). */
export function bitWidth(range: number): number {
  if (range <= 4294967296) return range <= 1 ? 0 : 32 - Math.clz32(range - 1);
  let width = 32;
  while (2 ** width < range) width++;
  return width;
}
