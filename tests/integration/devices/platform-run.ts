import { startDevice, type ArchivedReport } from "../../../src/devices/index.ts";
import type { RealtimeData2016 } from "../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import type { Observation } from "../../../src/transport/observation.ts";
import { BROKER, rawClient, registry, sleep, Tap, uniqueId, uniqueTemplate, uniqueVin, type Finished } from "./bus.ts";
import { TestVehicle } from "./test-vehicle.ts";

/** What a scripted platform run recorded: the platform's answers, what each vehicle sent, and what the query interface says it kept. */
export interface PlatformRun {
  readonly answers: readonly Observation[];
  /** Vehicle A logs in twice (the second time as a duplicate) and sends malformed reports; vehicle B behaves. */
  readonly a: VehicleLog;
  readonly b: VehicleLog;
  /** When the test asked for the time. */
  readonly askedTimeAt: number;
}

export interface VehicleLog {
  readonly vin: string;
  readonly goodReports: number;
  readonly badReports: number;
  /** When its malformed reports were sent (Infinity: never). */
  readonly badAt: number;
  readonly kept: readonly ArchivedReport[];
}

const tooFast = (data: RealtimeData2016): RealtimeData2016 => ({
  ...data,
  units: data.units.map((unit) => (unit.vehicle === undefined ? unit : { vehicle: { ...unit.vehicle, speed: { value: 3000 } } })),
});

/**
 * The scripted platform run every platform test shares, about 2 s: two vehicles log in, vehicle A
 * again with another serial (a duplicate), both report; A then sends a frame that is not a
 * Frame and a report with a speed out of range, then a good report and a heartbeat, while B
 * reports on and asks for the time.
 */
export async function runPlatform(faults: readonly string[], finished: Finished): Promise<PlatformRun> {
  const topicTemplate = uniqueTemplate("platform");
  const tap = await Tap.open(topicTemplate, finished);
  const platform = await startDevice("platform", { broker: BROKER, topicTemplate, registry, id: uniqueId("platform"), faults });
  finished(() => platform.stop());
  const raw = await rawClient(finished);
  const a = await TestVehicle.connect(uniqueVin(), topicTemplate, raw, finished);
  const b = await TestVehicle.connect(uniqueVin(), topicTemplate, raw, finished);
  const base = Date.now() - 60_000;
  let aGood = 0;
  let bGood = 0;

  await a.login(1);
  await b.login(1);
  await sleep(200);
  await a.login(2);
  for (let i = 0; i < 10; i++) {
    await b.report(base + i * 1000);
    bGood++;
    if (i < 3) {
      await a.report(base + i * 1000);
      aGood++;
    }
    await sleep(30);
  }
  const badAt = Date.now();
  await a.garbage();
  await a.report(base + 3000, tooFast);
  await sleep(200);
  await a.report(base + 4000);
  aGood++;
  await a.heartbeat();
  const askedTimeAt = Date.now();
  await b.askTime();
  for (let i = 10; i < 15; i++) {
    await b.report(base + i * 1000);
    bGood++;
  }
  await sleep(600);
  const kept = async (vin: string): Promise<ArchivedReport[]> => ((await (await fetch(`${platform.queryUrl}/vehicles/${vin}/reports`)).json()) as { reports: ArchivedReport[] }).reports;
  return {
    answers: tap.of("answer", "/down/"),
    a: { vin: a.vin, goodReports: aGood, badReports: 2, badAt, kept: await kept(a.vin) },
    b: { vin: b.vin, goodReports: bGood, badReports: 0, badAt: Infinity, kept: await kept(b.vin) },
    askedTimeAt,
  };
}
