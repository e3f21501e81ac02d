import { describe, it, vi } from "vitest";
import { obuChecks } from "../../../src/conformance/dsl/index.ts";
import { listFaults, startDevice } from "../../../src/devices/index.ts";
import { VehicleEventFlag } from "../../../src/schema/gen/v2xh/csae53/v1/index.ts";
import { UtEvent, UtResult } from "../../../src/schema/gen/v2xh/harness/v1/index.ts";
import { sharedMosquittoAvailable } from "../../helpers/broker.ts";
import { describeWhen } from "../../helpers/environment.ts";
import { BROKER, messageOf, rawClient, registry, sleep, Tap, uniqueId, uniqueTemplate, upperTester, violationsOf, type Finished } from "./bus.ts";
import { obuFindings, type ObuRun } from "./obu-findings.ts";

const MOSQUITTO = { what: "the Mosquitto broker on 127.0.0.1:1883", available: sharedMosquittoAvailable, hint: "install and start mosquitto (apt-get install mosquitto)" };

vi.setConfig({ maxConcurrency: 16 });

/**
 * Runs an OBU for 3 s at a 20 ms interval (so that msgCnt wraps at least once), has it publish
 * each BSM in UPER too from 0.3 s to 1.3 s (MQTT 5 tells the two apart), and sends it a malformed
 * MAP after 1.8 s.
 */
async function runObu(faults: readonly string[], finished: Finished): Promise<ObuRun> {
  const topicTemplate = uniqueTemplate("obu");
  const tap = await Tap.open(topicTemplate, finished);
  const id = uniqueId("obu");
  const obu = await startDevice("obu", { broker: BROKER, topicTemplate, id, registry, faults, bsmIntervalMs: 20 });
  finished(() => obu.stop());
  const start = Date.now();
  const client = await rawClient(finished);
  await sleep(300);
  await upperTester(client, id, { changeParameter: { name: "bsm.encodings", value: "protobuf,per" } });
  await sleep(start + 1300 - Date.now());
  await upperTester(client, id, { changeParameter: { name: "bsm.encodings", value: "protobuf" } });
  await sleep(start + 1800 - Date.now());
  const sentAt = Date.now();
  await client.publishAsync(`${topicTemplate.split("/{role}")[0] ?? ""}/rsu/5253553130303101/up/map`, Buffer.from([0xff, 0x00, 0x13, 0x37]), { qos: 1 });
  await sleep(start + 3000 - Date.now());
  await obu.stop();
  return { bsms: tap.of("bsm"), intervalMs: 20, malformed: { sentAt, runEndedAt: Date.now() } };
}

describeWhen(MOSQUITTO, "the OBU", () => {
  describe.concurrent("runs", () => {
    it("reference at 10 Hz: valid BSMs, msgCnt +1, secMark on time, one id, consistent positions", async ({ expect, onTestFinished }) => {
      const topicTemplate = uniqueTemplate("obu-10hz");
      const tap = await Tap.open(topicTemplate, onTestFinished);
      const obu = await startDevice("obu", { broker: BROKER, topicTemplate, id: uniqueId("obu"), registry });
      onTestFinished(() => obu.stop());
      await sleep(2000);
      await obu.stop();
      const bsms = tap.of("bsm");
      expect(violationsOf(bsms)).toEqual([]);
      expect(bsms.length).toBeGreaterThanOrEqual(10);
      expect(bsms.length).toBeLessThanOrEqual(40);
      expect(obuFindings({ bsms, intervalMs: 100 })).toEqual(new Set());
      expect(bsms.map((o) => Buffer.from(messageOf<{ bsmFrame: { id: Uint8Array } }>(o).bsmFrame.id).toString("hex"))).toContain(obu.bsmId);
    });

    it("reference keeps every requirement through a malformed MAP and a dual-encoded stretch", async ({ expect, onTestFinished }) => {
      const run = await runObu([], onTestFinished);
      expect(obuFindings(run)).toEqual(new Set());
      expect(obuChecks.encodingPairs(run.bsms).length).toBeGreaterThanOrEqual(10);
    });

    it("sets the hard-braking flag when the upper tester asks, and refuses an unknown parameter", async ({ expect, onTestFinished }) => {
      const topicTemplate = uniqueTemplate("obu-ut");
      const tap = await Tap.open(topicTemplate, onTestFinished);
      const id = uniqueId("obu");
      const obu = await startDevice("obu", { broker: BROKER, topicTemplate, id, registry });
      onTestFinished(() => obu.stop());
      const client = await rawClient(onTestFinished);
      expect((await upperTester(client, id, { triggerEvent: { event: UtEvent.HARD_BRAKING, durationMs: 1000 } })).result).toBe(UtResult.OK);
      const events = (o: Parameters<typeof messageOf>[0]): number => messageOf<{ bsmFrame: { safetyExt?: { events?: number } } }>(o).bsmFrame.safetyExt?.events ?? 0;
      await tap.until(() => tap.of("bsm").some((o) => (events(o) & (1 << VehicleEventFlag.HARD_BRAKING)) !== 0), "a BSM with the hard-braking flag");
      expect((await upperTester(client, id, { changeParameter: { name: "no.such", value: "1" } })).result).toBe(UtResult.NOT_SUPPORTED);
    });

    for (const fault of listFaults("obu")) {
      it(`${fault.name} breaks ${fault.breaks} and nothing else`, async ({ expect, onTestFinished }) => {
        expect(obuFindings(await runObu([fault.name], onTestFinished))).toEqual(new Set([fault.breaks]));
      });
    }
  });
});
