import { expect, it, onTestFinished } from "vitest";
import { fleetScenario, runFleet } from "../../../src/sim/fleet/index.ts";
import { MqttBinding } from "../../../src/transport/mqtt/index.ts";
import { mosquittoBinaryAvailable, startOwnMosquitto, uniquePrefix } from "../../helpers/broker.ts";
import { describeWhen } from "../../helpers/environment.ts";

const VEHICLES = 60;
/** The broker dies this long after the start, and stays dead this long. */
const KILL_AFTER_MS = 2000;
const DEAD_FOR_MS = 1500;

describeWhen(
  { what: "the mosquitto binary", available: mosquittoBinaryAvailable, hint: "install mosquitto (apt-get install mosquitto)" },
  "a fleet whose broker is killed and restarted mid-run",
  () => {
    it("keeps going, reconnects every vehicle, and reports the gap", async () => {
      const mosquitto = await startOwnMosquitto();
      onTestFinished(() => mosquitto.stop());
      const prefix = uniquePrefix("fleet-outage");
      const topicTemplate = `${prefix}/{role}/{id}/{dir}/{type}`;
      const reconnect = { initialDelayMs: 50, maxDelayMs: 400 };

      const arrivals: number[] = [];
      const subscriber = new MqttBinding({ url: mosquitto.url, topicTemplate, reconnect });
      onTestFinished(() => subscriber.close());
      await subscriber.connect();
      await subscriber.subscribe(`${prefix}/+/+/up/bsm`, (o) => arrivals.push(o.receivedAt));

      const start = Math.ceil((Date.now() + 1500) / 100) * 100;
      let killedAt = 0;
      let restartedAt = 0;
      const outage = (async () => {
        await new Promise((resolve) => setTimeout(resolve, start + KILL_AFTER_MS - Date.now()));
        killedAt = Date.now();
        await mosquitto.kill();
        await new Promise((resolve) => setTimeout(resolve, DEAD_FOR_MS));
        await mosquitto.restart();
        restartedAt = Date.now();
      })();
      const scenario = fleetScenario("yizhuang-arterial", { vehicles: VEHICLES });
      const summary = await runFleet({ scenario: (s) => scenario.at(s), broker: mosquitto.url, start, duration: 6000, topicTemplate, reconnect });
      await outage;
      const real = restartedAt - killedAt;
      console.info(`broker dead for ${real} ms; the fleet reported ${JSON.stringify(summary.outages.map(({ gaps: _gaps, ...o }) => o))}`);

      expect(summary.completed).toBe(true);
      expect(summary.outages).toHaveLength(1);
      const [gap] = summary.outages;
      expect(gap!.unrestored).toBe(0);
      expect(gap!.sessions).toBe(summary.connections.sessions);
      expect(gap!.durationMs).toBeGreaterThanOrEqual(real / 2);
      expect(gap!.durationMs).toBeLessThanOrEqual(real * 2);
      expect(Date.parse(gap!.start)).toBeGreaterThanOrEqual(killedAt - 50);
      expect(gap!.dropped).toBeGreaterThan(0);
      expect(gap!.dropped).toBeLessThanOrEqual(summary.messages.dropped.offline);
      expect(gap!.gaps.length).toBeGreaterThan(0);
      expect(summary.connections.connectedAtEnd).toBe(summary.connections.sessions);
      // Messages flow again after the restart.
      expect(arrivals.filter((t) => t > restartedAt).length).toBeGreaterThan(VEHICLES * 10);
    });
  },
);
