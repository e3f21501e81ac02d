import type { MessageFrame } from "../../schema/gen/v2xh/csae53/v1/index.ts";
import type { UtRequest } from "../../schema/gen/v2xh/harness/v1/index.ts";
import { Random, RoadNetwork, Rsu, World, type GeoPoint, type RsuSpec } from "../../sim/index.ts";
import type { MessageKindName } from "../../transport/message-kinds.ts";
import type { MqttBinding } from "../../transport/mqtt/index.ts";
import { DeviceError } from "../device-error.ts";
import { behaviourWith } from "../fault.ts";
import type { RunningDevice } from "../running-device.ts";
import { STEP_MS } from "../shared/arterial-drive.ts";
import { connectBinding, createBinding, openUpperTester } from "../shared/bus.ts";
import { checkInteger, resolveDeviceOptions, type BusDeviceOptions, type ResolvedDeviceOptions } from "../shared/device-options.ts";
import { Periodic } from "../shared/periodic.ts";
import { testScenario } from "../shared/test-network.ts";
import { topicOf } from "../shared/topics.ts";
import { done, invalidArgument, notSupported, upperTesterTopic, type UpperTester, type UtAnswer } from "../shared/upper-tester.ts";
import { REFERENCE_RSU, type RsuBehaviour, type RsuMessageType } from "./behaviour.ts";
import { RSU_FAULTS } from "./faults.ts";
import { msgCntAsSent, rsmsAsSent, spatAsShown } from "./frames.ts";

export interface RsuOptions extends BusDeviceOptions {
  /** Time between MAPs, ms. Default: 1000. */
  readonly mapIntervalMs?: number;
  /** Time between SPATs, ms. Default: 100. */
  readonly spatIntervalMs?: number;
  /** Time between RSIs, ms. Default: 1000. */
  readonly rsiIntervalMs?: number;
  /** Time between RSM batches, ms. Default: 100. */
  readonly rsmIntervalMs?: number;
  /** Traffic simulated before the first message, s, so the RSU starts with vehicles in range. Default: 120. */
  readonly warmUpS?: number;
}

export interface RsuDevice extends RunningDevice {
  readonly role: "rsu";
  /** Where the RSU stands and how far it reports participants in RSMs, m. */
  readonly position: GeoPoint;
  readonly range: number;
}

type Interval = RsuMessageType;

/** How long the road-works event the RSU announces lasts from its start, ms. */
const EVENT_DURATION_MS = 7 * 24 * 3600 * 1000;

/**
 * A reference RSU: the test scenario's first RSU with the scenario's traffic (every vehicle
 * driving its route over and over), sending MAP, SPAT, RSI with a road-works event, and RSMs of
 * the vehicles within its range.
 */
export async function startRsu(options: RsuOptions): Promise<RsuDevice> {
  const scenario = testScenario();
  const spec = scenario.rsus[0];
  if (spec === undefined) throw new DeviceError("DeviceStartError", "the built-in scenario has no RSU");
  const resolved = resolveDeviceOptions(options, spec.id);
  if (!/^[0-9a-fA-F]{16}$/.test(resolved.id)) throw new DeviceError("DeviceOptionError", `an RSU id is its 8-byte identity as 16 hex digits, e.g. ${spec.id}; got ${JSON.stringify(resolved.id)}`);
  const behaviour = behaviourWith("rsu", REFERENCE_RSU, RSU_FAULTS, resolved.faults);
  const intervals: Record<Interval, number> = {
    map: options.mapIntervalMs ?? 1000,
    spat: options.spatIntervalMs ?? 100,
    rsi: options.rsiIntervalMs ?? 1000,
    rsm: options.rsmIntervalMs ?? 100,
  };
  for (const [name, ms] of Object.entries(intervals)) checkInteger(`${name}IntervalMs`, ms, 20, 60_000, "ms");
  const warmUpS = options.warmUpS ?? 120;
  checkInteger("warmUpS", warmUpS, 0, 3600, "s");
  const binding = createBinding(options, resolved, "rsu");
  await connectBinding(binding, resolved.log);
  const rsu = new RsuUnit(resolved, behaviour, binding, { ...spec, id: resolved.id }, intervals, warmUpS);
  try {
    rsu.upperTester = await openUpperTester(options, resolved, (request) => rsu.answer(request));
  } catch (error) {
    await rsu.stop();
    throw error;
  }
  const topic = (kind: MessageKindName): string => topicOf(options.topicTemplate, kind, resolved.id);
  return {
    role: "rsu",
    id: resolved.id,
    faults: resolved.faults,
    position: spec.position,
    range: spec.range,
    describe: [
      `MAP every ${intervals.map} ms on ${topic("map")}`,
      `SPAT every ${intervals.spat} ms on ${topic("spat")}`,
      `RSI (road works) every ${intervals.rsi} ms on ${topic("rsi")}`,
      `RSM of the vehicles within ${spec.range} m every ${intervals.rsm} ms on ${topic("rsm")}`,
      ...(options.upperTester === false ? [] : [`upper tester on ${upperTesterTopic(resolved.id, "request")}`]),
    ],
    stop: () => rsu.stop(),
  };
}

class RsuUnit {
  upperTester: UpperTester | undefined;
  private readonly options: ResolvedDeviceOptions;
  private readonly behaviour: RsuBehaviour;
  private readonly binding: MqttBinding;
  private readonly rsu: Rsu;
  private readonly world: World;
  private readonly configured: Readonly<Record<Interval, number>>;
  private readonly tasks: Record<Interval, Periodic>;

  constructor(options: ResolvedDeviceOptions, behaviour: RsuBehaviour, binding: MqttBinding, spec: RsuSpec, intervals: Record<Interval, number>, warmUpS: number) {
    this.options = options;
    this.behaviour = behaviour;
    this.binding = binding;
    this.configured = intervals;
    const { clock, seed } = options;
    const start = clock.now();
    const scenario = testScenario();
    const network = new RoadNetwork(scenario.network);
    const random = new Random(seed);
    const events = (spec.events ?? []).map((event) => ({ ...event, activeFrom: start, activeUntil: start + EVENT_DURATION_MS }));
    this.rsu = new Rsu({ ...spec, events, range: spec.range * behaviour.rsmRangeFactor }, network, random.fork(`rsu:${spec.id}`));
    const vehicles = scenario.vehicles.map((vehicle) => ({ ...vehicle, loop: true }));
    this.world = new World({ network, signalPlans: scenario.signalPlans, vehicles, random, start: start - warmUpS * 1000 });
    this.advanceTraffic(start);
    this.tasks = {
      map: new Periodic(clock, intervals.map * behaviour.mapIntervalFactor, (at) => this.send("map", [this.rsu.mapFrame(at)])),
      spat: new Periodic(clock, intervals.spat * behaviour.spatIntervalFactor, (at) => this.sendSpat(at)),
      rsi: new Periodic(clock, intervals.rsi, (at) => this.send("rsi", optional(this.rsu.rsiFrame(at)))),
      rsm: new Periodic(clock, intervals.rsm, (at) => this.sendRsms(at)),
    };
  }

  answer(request: UtRequest): UtAnswer {
    if (request.initialise !== undefined) {
      this.tasks.map.setPeriod(this.configured.map * this.behaviour.mapIntervalFactor);
      this.tasks.spat.setPeriod(this.configured.spat * this.behaviour.spatIntervalFactor);
      return done;
    }
    if (request.changeParameter !== undefined) {
      const { name, value } = request.changeParameter;
      const ms = Number(value);
      if (name !== "map.interval_ms" && name !== "spat.interval_ms") return notSupported(`unknown parameter "${name}"; the RSU has map.interval_ms and spat.interval_ms`);
      if (!Number.isInteger(ms) || ms < 20 || ms > 60_000) return invalidArgument(`${name} must be an integer 20..60000, got "${value}"`);
      if (name === "map.interval_ms") this.tasks.map.setPeriod(ms * this.behaviour.mapIntervalFactor);
      else this.tasks.spat.setPeriod(ms * this.behaviour.spatIntervalFactor);
      return done;
    }
    return notSupported("the RSU answers initialise and change_parameter");
  }

  async stop(): Promise<void> {
    for (const task of Object.values(this.tasks)) task.stop();
    await this.upperTester?.close();
    await this.binding.close();
  }

  /** Steps the traffic up to `epochMs`: the RSU only looks at it when it builds RSMs. */
  private advanceTraffic(epochMs: number): void {
    while (this.world.time + STEP_MS <= epochMs) this.world.step(STEP_MS / 1000);
  }

  private sendRsms(at: number): void {
    this.advanceTraffic(at);
    this.send("rsm", rsmsAsSent(this.rsu.rsmFrames(this.world.vehicles, at), this.behaviour));
  }

  private sendSpat(at: number): void {
    const frame = this.rsu.spatFrame(at);
    if (frame?.spatFrame !== undefined) this.send("spat", [{ spatFrame: spatAsShown(frame.spatFrame, this.behaviour) }]);
  }

  private send(kind: Interval, frames: readonly MessageFrame[]): void {
    for (const frame of frames) {
      this.binding.publish(kind, { id: this.options.id }, msgCntAsSent(kind, frame, this.behaviour)).catch((error: Error) => this.options.log(`${kind.toUpperCase()} not sent: ${error.message}`));
    }
  }
}

const optional = (frame: MessageFrame | undefined): MessageFrame[] => (frame === undefined ? [] : [frame]);
