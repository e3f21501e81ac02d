import { describe, it, vi } from "vitest";
import { listFaults, startDevice } from "../../../src/devices/index.ts";
import { Command, ResponseFlag, type Frame } from "../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { UtResult } from "../../../src/schema/gen/v2xh/harness/v1/index.ts";
import { sharedMosquittoAvailable } from "../../helpers/broker.ts";
import { describeWhen } from "../../helpers/environment.ts";
import { BROKER, messageOf, rawClient, registry, sleep, Tap, uniqueId, uniqueTemplate, uniqueVin, upperTester } from "./bus.ts";
import { platformFindings } from "./platform-findings.ts";
import { runPlatform } from "./platform-run.ts";
import { TestVehicle } from "./test-vehicle.ts";

const MOSQUITTO = { what: "the Mosquitto broker on 127.0.0.1:1883", available: sharedMosquittoAvailable, hint: "install and start mosquitto (apt-get install mosquitto)" };

vi.setConfig({ maxConcurrency: 16 });

describeWhen(MOSQUITTO, "the vehicle platform", () => {
  describe.concurrent("scripted runs", () => {
    it("reference: answers logins, refuses a duplicate VIN, error-answers malformed reports while every vehicle carries on, keeps every good report", async ({ expect, onTestFinished }) => {
      const run = await runPlatform([], onTestFinished);
      expect(platformFindings(run)).toEqual(new Set());
      expect(run.b.kept.map((r) => r.command)).toEqual(Array.from({ length: run.b.goodReports }, () => "realtime"));
    });

    for (const fault of listFaults("platform")) {
      it(`${fault.name} breaks ${fault.breaks} and nothing else`, async ({ expect, onTestFinished }) => {
        expect(platformFindings(await runPlatform([fault.name], onTestFinished))).toEqual(new Set([fault.breaks]));
      });
    }

    it("takes a duplicate VIN over when the upper tester switches the policy", async ({ expect, onTestFinished }) => {
      const topicTemplate = uniqueTemplate("platform-ut");
      const tap = await Tap.open(topicTemplate, onTestFinished);
      const id = uniqueId("platform");
      const platform = await startDevice("platform", { broker: BROKER, topicTemplate, registry, id });
      onTestFinished(() => platform.stop());
      const raw = await rawClient(onTestFinished);
      expect((await upperTester(raw, id, { changeParameter: { name: "platform.duplicate_vin", value: "take-over" } })).result).toBe(UtResult.OK);
      const vehicle = await TestVehicle.connect(uniqueVin(), topicTemplate, raw, onTestFinished);
      await vehicle.login(1);
      await sleep(100);
      await vehicle.login(2);
      await tap.until(() => tap.of("answer", "/down/").length === 2, "two login answers");
      expect(tap.of("answer", "/down/").map((o) => messageOf<Frame>(o)).map((f) => [f.command, f.responseFlag])).toEqual([
        [Command.VEHICLE_LOGIN, ResponseFlag.SUCCESS],
        [Command.VEHICLE_LOGIN, ResponseFlag.SUCCESS],
      ]);
    });
  });
});
