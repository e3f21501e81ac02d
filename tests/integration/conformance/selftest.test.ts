import { beforeAll, describe, expect, it } from "vitest";
import { runSelftest } from "../../../src/cli/selftest/run-selftest.ts";
import { loadSuite } from "../../../src/conformance/load-suite.ts";
import { loadRequirements } from "../../../src/conformance/requirements.ts";
import { SUT_ROLES, type SelftestReport } from "../../../src/conformance/verdict.ts";
import { sharedMosquittoAvailable, SHARED_MOSQUITTO_URL } from "../../helpers/broker.ts";
import { describeWhen } from "../../helpers/environment.ts";

const MOSQUITTO = { what: "the Mosquitto broker on 127.0.0.1:1883", available: sharedMosquittoAvailable, hint: "install and start mosquitto (apt-get install mosquitto)" };

// The whole `v2x selftest` once on the bus, and once more with the tbox and platform suites over
// GB/T 32960 TCP: every suite against its reference device and against each named fault. (The main
// job's e2e test runs the references over the embedded broker's MQTT 3.1.1.)
const RUNS = [
  { name: "on the MQTT bus", tcp: false, roles: SUT_ROLES },
  { name: "over GB/T 32960 TCP", tcp: true, roles: ["tbox", "platform"] as const },
];

for (const run of RUNS) {
  describeWhen(MOSQUITTO, `v2x selftest ${run.name}: every suite against its reference device and every fault`, () => {
    let report: SelftestReport;
    beforeAll(async () => {
      report = await runSelftest({ broker: SHARED_MOSQUITTO_URL, protocolVersion: 5, tcp: run.tcp });
    }, 300_000);

    it("runs exactly the roles of this wire", () => {
      expect(report.references.map((r) => r.role).sort()).toEqual([...run.roles].sort());
      if (run.tcp) for (const r of report.references) expect(r.pixit).toMatchObject({ tcp: {} });
    });

    for (const role of run.roles) {
      describe(role, () => {
        it("the reference device passes every test", () => {
          const results = report.references.filter((r) => r.role === role).flatMap((r) => r.results);
          expect(results.length).toBeGreaterThan(0);
          expect(results.filter((r) => r.verdict !== "pass").map((r) => `${r.id}: ${r.verdict} ${r.reason}`)).toEqual([]);
        });

        it("every fault is killed by a test citing the requirement it breaks", () => {
          const mutants = report.mutants.filter((m) => m.role === role);
          expect(mutants.length).toBeGreaterThanOrEqual(3);
          expect(mutants.filter((m) => !m.killed).map((m) => `${m.fault} survived: ${m.run.results.map((r) => `${r.id} ${r.verdict}`).join(", ")}`)).toEqual([]);
        });

        it("every test purpose is failed by at least one fault, so none is unfalsifiable", async () => {
          const suite = await loadSuite(role, loadRequirements());
          const failedByAFault = new Set(report.mutants.filter((m) => m.role === role).flatMap((m) => m.run.results.filter((r) => r.verdict === "fail").map((r) => r.id)));
          expect(suite.map((tp) => tp.id).filter((id) => !failedByAFault.has(id))).toEqual([]);
        });
      });
    }

    it("scores 100 % and says so", () => {
      expect(report.mutationScore).toBe(1);
    });
  });
}
