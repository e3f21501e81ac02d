import { describe, it, vi } from "vitest";
import { listFaults, startDevice } from "../../../src/devices/index.ts";
import { Command, type Frame } from "../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { mosquittoBinaryAvailable, sharedMosquittoAvailable, startOwnMosquitto, startTcpGate } from "../../helpers/broker.ts";
import { describeWhen } from "../../helpers/environment.ts";
import { messageOf, registry, sleep, Tap, uniqueTemplate, uniqueVin, violationsOf } from "./bus.ts";
import { tboxFindings, uncoveredSeconds, type Seen } from "./tbox-findings.ts";
import { runTbox } from "./tbox-run.ts";

const MOSQUITTO = { what: "the Mosquitto broker on 127.0.0.1:1883", available: sharedMosquittoAvailable, hint: "install and start mosquitto (apt-get install mosquitto)" };
const MOSQUITTO_BINARY = { what: "the mosquitto binary", available: mosquittoBinaryAvailable, hint: "install mosquitto (apt-get install mosquitto)" };

vi.setConfig({ maxConcurrency: 16, testTimeout: 30_000 });

// Every run takes seconds of waiting, so all of them run at once.
describe.concurrent("the T-Box", () => {
  describeWhen(MOSQUITTO, "scripted runs", () => {
    it("reference: logs in first, reports and beats on time, reissues after an outage, reports every second around a level-3 alarm, answers parameters, calibrates its clock", async ({ expect, onTestFinished }) => {
      const run = await runTbox([], onTestFinished);
      expect(tboxFindings(run)).toEqual(new Set());
      const commands = new Set(run.messages.filter((o) => o.channel.includes("/up/")).map((o) => messageOf<Frame>(o).command));
      expect(commands).toEqual(new Set([Command.VEHICLE_LOGIN, Command.TIME_CALIBRATION, Command.REALTIME, Command.HEARTBEAT, Command.REISSUE, Command.PARAMETER_SET, Command.PARAMETER_QUERY, Command.VEHICLE_LOGOUT]));
    });

    for (const fault of listFaults("tbox")) {
      it(`${fault.name} breaks ${fault.breaks} and nothing else`, async ({ expect, onTestFinished }) => {
        expect(tboxFindings(await runTbox([fault.name], onTestFinished))).toEqual(new Set([fault.breaks]));
      });
    }
  });

  describeWhen(MOSQUITTO_BINARY, "when its broker dies", () => {
    it("stores its reports while the broker is down and reissues them after reconnecting, leaving no gap", async ({ expect, onTestFinished }) => {
      const mosquitto = await startOwnMosquitto();
      onTestFinished(() => mosquitto.stop());
      // The devices reach the broker through a gate, so that after the restart the tap is back before they are.
      const gate = await startTcpGate(mosquitto.port);
      onTestFinished(() => gate.close());
      const topicTemplate = uniqueTemplate("tbox-outage");
      const tap = await Tap.open(topicTemplate, onTestFinished, mosquitto.url);
      const reconnect = { initialDelayMs: 50, maxDelayMs: 200 };
      const platform = await startDevice("platform", { broker: gate.url, topicTemplate, registry, reconnect, id: `platform-${uniqueVin()}`, upperTester: false });
      onTestFinished(() => platform.stop());
      const vin = uniqueVin();
      const tbox = await startDevice("tbox", { broker: gate.url, topicTemplate, registry, reconnect, id: vin, reportIntervalMs: 1000, heartbeatIntervalMs: 5000, upperTester: false });
      onTestFinished(() => tbox.stop());

      await sleep(2200);
      // Listening before the kill: the tap may be back (and subscribed again) before the restart returns.
      let tapBack = false;
      tap.binding.once("connect", () => (tapBack = true));
      const cutAt = Date.now();
      await mosquitto.kill();
      await sleep(3000);
      gate.cut();
      await mosquitto.restart();
      await tap.until(() => tapBack, "the tap to reconnect");
      gate.restore();
      const restoredAt = Date.now();
      const seen = (c: Command): Seen[] => tap.observations.map((o) => ({ at: o.receivedAt, frame: messageOf<Frame>(o) })).filter((s) => s.frame.command === c && s.frame.uniqueId === vin);
      await tap.until(() => seen(Command.REISSUE).length >= 2 && seen(Command.REALTIME).some((s) => s.at > restoredAt + 500), "reissues and a realtime report after the restart", 8000);
      await tbox.stop();

      expect(violationsOf(tap.observations)).toEqual([]);
      expect(seen(Command.REISSUE).every((s) => s.at > restoredAt)).toBe(true);
      expect(uncoveredSeconds(seen(Command.REALTIME), seen(Command.REISSUE), cutAt, restoredAt)).toBeLessThanOrEqual(1);
    });
  });
});
