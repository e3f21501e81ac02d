import type { MutantResult } from "../conformance/verdict.ts";

/** "37/38 (97 %)": killed over total; 100 % when there are no mutants, as SelftestReport.mutationScore. */
export function formatMutationScore(mutants: readonly Pick<MutantResult, "killed">[]): string {
  const killed = mutants.filter((m) => m.killed).length;
  const total = mutants.length;
  // Rounded down: one survivor among many must never read as 100 %.
  const percent = total === 0 ? 100 : Math.floor((killed / total) * 100);
  return `${killed}/${total} (${percent} %)`;
}
