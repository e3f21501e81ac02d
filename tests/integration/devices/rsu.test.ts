import { describe, it, vi } from "vitest";
import { listFaults, startDevice } from "../../../src/devices/index.ts";
import { UtResult } from "../../../src/schema/gen/v2xh/harness/v1/index.ts";
import { sharedMosquittoAvailable } from "../../helpers/broker.ts";
import { describeWhen } from "../../helpers/environment.ts";
import { BROKER, rawClient, registry, sleep, Tap, uniqueRsuId, uniqueTemplate, upperTester, type Finished } from "./bus.ts";
import { rsuFindings, type RsuRun } from "./rsu-findings.ts";

const MOSQUITTO = { what: "the Mosquitto broker on 127.0.0.1:1883", available: sharedMosquittoAvailable, hint: "install and start mosquitto (apt-get install mosquitto)" };

// Every RSU simulates its traffic in this one process: more at once starve each other's timers.
vi.setConfig({ maxConcurrency: 5 });

/** Runs an RSU for 3.2 s with the scenario's traffic warmed up, so that more than 16 vehicles are in range. */
async function runRsu(faults: readonly string[], finished: Finished): Promise<RsuRun> {
  const topicTemplate = uniqueTemplate("rsu");
  const tap = await Tap.open(topicTemplate, finished);
  const start = Date.now();
  const rsu = await startDevice("rsu", { broker: BROKER, topicTemplate, id: uniqueRsuId(), registry, faults });
  finished(() => rsu.stop());
  await sleep(3200);
  await rsu.stop();
  return { messages: tap.observations, watchedMs: Date.now() - start, range: rsu.range };
}

describeWhen(MOSQUITTO, "the RSU", () => {
  describe.concurrent("runs", () => {
    it("reference: valid MAP, SPAT, RSI and RSM at their rates, SPAT agreeing with MAP, RSMs within range", async ({ expect, onTestFinished }) => {
      const run = await runRsu([], onTestFinished);
      expect(rsuFindings(run)).toEqual(new Set());
      expect(new Set(run.messages.map((o) => o.channel.split("/").at(-1)))).toEqual(new Set(["map", "spat", "rsi", "rsm"]));
      // More than 16 vehicles in range: each period's RSMs come in several messages.
      expect(run.messages.filter((o) => o.channel.endsWith("/rsm")).length).toBeGreaterThan(run.messages.filter((o) => o.channel.endsWith("/spat")).length);
    });

    it("changes its SPAT interval when the upper tester asks", async ({ expect, onTestFinished }) => {
      const topicTemplate = uniqueTemplate("rsu-ut");
      const tap = await Tap.open(topicTemplate, onTestFinished);
      const id = uniqueRsuId();
      const rsu = await startDevice("rsu", { broker: BROKER, topicTemplate, id, registry });
      onTestFinished(() => rsu.stop());
      const client = await rawClient(onTestFinished);
      expect((await upperTester(client, id, { changeParameter: { name: "spat.interval_ms", value: "500" } })).result).toBe(UtResult.OK);
      const from = Date.now();
      await sleep(2000);
      const spats = tap.of("spat").filter((o) => o.receivedAt > from + 100);
      expect(spats.length).toBeGreaterThanOrEqual(2);
      expect(spats.length).toBeLessThanOrEqual(6);
      expect((await upperTester(client, id, { changeParameter: { name: "spat.interval_ms", value: "fast" } })).result).toBe(UtResult.INVALID_ARGUMENT);
    });

    for (const fault of listFaults("rsu")) {
      it(`${fault.name} breaks ${fault.breaks} and nothing else`, async ({ expect, onTestFinished }) => {
        expect(rsuFindings(await runRsu([fault.name], onTestFinished))).toEqual(new Set([fault.breaks]));
      });
    }
  });
});
