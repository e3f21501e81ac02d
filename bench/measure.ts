/** What every codec bench takes on its command line: `[case regex] [--seconds N]`. */
export interface BenchArgs {
  /** How long each case runs, after a 200 ms warm-up. Default: 1. */
  readonly seconds: number;
  /** Only cases whose name matches. Default: all. */
  readonly filter: RegExp;
}

export function benchArgs(argv: readonly string[] = process.argv.slice(2)): BenchArgs {
  const secondsIndex = argv.indexOf("--seconds");
  return {
    seconds: secondsIndex >= 0 ? Number(argv[secondsIndex + 1]) : 1,
    filter: new RegExp(argv.find((a, i) => !a.startsWith("--") && argv[i - 1] !== "--seconds") ?? "."),
  };
}

/** Runs `op` (which handles `perOp` items) in batches until `seconds` have passed, after a short warm-up; returns items/s. */
export function measure(op: () => unknown, seconds: number, perOp = 1): number {
  const warmUntil = performance.now() + 200;
  while (performance.now() < warmUntil) op();
  let count = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) op();
    count += 100;
  }
  return (count * perOp) / ((performance.now() - start) / 1000);
}
