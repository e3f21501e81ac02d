// Development aid: run the selftest of some roles against the local Mosquitto and print the outcome.
// Usage: npx tsx scripts/selftest-dev.ts <role> [fault|reference|all]
import { runAgainstReference, runSelftest } from "../src/cli/selftest/run-selftest.ts";
import { SELFTEST_PROFILES } from "../src/cli/selftest/profiles/index.ts";
import { loadRequirements } from "../src/conformance/requirements.ts";
import type { SutRole } from "../src/conformance/verdict.ts";
import { loadRegistry } from "../src/schema/index.ts";

const role = (process.argv[2] ?? "obu") as SutRole;
const which = process.argv[3] ?? "all";
const base = { broker: "mqtt://127.0.0.1:1883", protocolVersion: 5 as const, registry: loadRegistry(), catalogue: loadRequirements() };
const started = Date.now();
if (which === "all") {
  const report = await runSelftest({ ...base, roles: [role] });
  for (const r of report.references) for (const t of r.results) console.log("reference", t.verdict, t.id, t.reason);
  for (const m of report.mutants) console.log(m.killed ? "killed  " : "SURVIVED", m.fault, m.breaks, m.killedBy.join(","), m.killed ? "" : m.run.results.map((t) => `${t.id}:${t.verdict}`).join(" "));
  console.log(`score ${report.mutationScore}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
} else {
  const run = await runAgainstReference(SELFTEST_PROFILES[role]!, which === "reference" ? [] : [which], base);
  for (const t of run.results) console.log(t.verdict, t.id, t.reason);
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
}
