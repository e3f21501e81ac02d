import { startDevice } from "../../../src/devices/index.ts";
import type { Frame } from "../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { UtEvent } from "../../../src/schema/gen/v2xh/harness/v1/index.ts";
import { MqttBinding } from "../../../src/transport/mqtt/index.ts";
import { parameterQuery, parameterSet } from "../../../src/conformance/dsl/tbox.ts";
import { BROKER, messageOf, rawClient, registry, sleep, Tap, uniqueTemplate, uniqueVin, upperTester, type Finished } from "./bus.ts";
import type { TboxRun } from "./tbox-findings.ts";

const ALARM_MS = 1500;

/**
 * The scripted T-Box run every T-Box test shares, about 11 s against a reference platform: log in
 * (clock 2 h off, so the time calibration shows), report and beat every second, lose the link for
 * 4.2 s (four reports to reissue), take a parameter set, a query and a refused read-only set,
 * raise a level-3 alarm for 1.5 s, then switch the ignition off and on (logout, second login).
 */
export async function runTbox(faults: readonly string[], finished: Finished): Promise<TboxRun> {
  const topicTemplate = uniqueTemplate("tbox");
  const tap = await Tap.open(topicTemplate, finished);
  const platform = await startDevice("platform", { broker: BROKER, topicTemplate, registry, id: `platform-${uniqueVin()}` });
  finished(() => platform.stop());
  const vin = uniqueVin();
  const tbox = await startDevice("tbox", {
    broker: BROKER,
    topicTemplate,
    registry,
    id: vin,
    faults,
    reportIntervalMs: 1000,
    heartbeatIntervalMs: 1000,
    answerTimeoutMs: 1000,
    clockSkewMs: 2 * 3600_000,
  });
  finished(() => tbox.stop());
  const tester = new MqttBinding({ url: BROKER, topicTemplate, registry });
  await tester.connect();
  finished(() => tester.close());
  const ut = await rawClient(finished);
  const answers = (): number => tap.of("answer", "/up/").length;
  const ask = async (frame: Frame): Promise<void> => {
    const before = answers();
    await tester.publish("platformCommand", { id: vin }, frame);
    await tap.until(() => answers() > before, `the T-Box's answer to command 0x${frame.command.toString(16)}`, 3000);
  };

  await sleep(2300);
  const cutAt = Date.now();
  await upperTester(ut, vin, { cutLink: { durationMs: 4200 } });
  await sleep(cutAt + 4200 - Date.now());
  const restoredAt = Date.now();
  await sleep(1200);
  await ask(parameterSet(vin, [{ terminalResponseTimeout: { value: 30 } }]));
  await ask(parameterQuery(vin, [0x02, 0x0a]));
  await ask(parameterSet(vin, [{ hardwareVersion: "HXXXX" }]));
  const alarmAt = Date.now();
  await upperTester(ut, vin, { triggerEvent: { event: UtEvent.ALARM, level: 3, durationMs: ALARM_MS } });
  await sleep(ALARM_MS + 100);
  await upperTester(ut, vin, { changeParameter: { name: "tbox.ignition", value: "off" } });
  await sleep(200);
  await upperTester(ut, vin, { changeParameter: { name: "tbox.ignition", value: "on" } });
  await sleep(500);
  await tbox.stop();
  await sleep(200);
  return { messages: tap.observations.filter((o) => messageOf<Frame>(o).uniqueId === vin), cutAt, restoredAt, alarmAt, alarmMs: ALARM_MS };
}
