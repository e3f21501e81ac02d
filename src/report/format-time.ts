/** A duration a person reads: "120 ms" under a second, else seconds to one decimal ("3.0 s"). */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** An offset from a test's start, to the millisecond: "+0.120 s". */
export function formatOffset(ms: number): string {
  return `${ms >= 0 ? "+" : ""}${(ms / 1000).toFixed(3)} s`;
}
