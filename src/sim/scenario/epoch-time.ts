/** Epoch ms of a time written as s after the scenario start (`start`, epoch ms). */
export function atTime(start: number, seconds: number): number {
  return start + Math.round(seconds * 1000);
}
