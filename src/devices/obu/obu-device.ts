import { UtEvent, type UtRequest } from "../../schema/gen/v2xh/harness/v1/index.ts";
import { formatViolation, validateRules } from "../../schema/index.ts";
import { Random } from "../../sim/index.ts";
import type { Observation } from "../../transport/observation.ts";
import type { MqttBinding } from "../../transport/mqtt/index.ts";
import { behaviourWith } from "../fault.ts";
import type { RunningDevice } from "../running-device.ts";
import { ArterialDrive } from "../shared/arterial-drive.ts";
import { connectBinding, createBinding, openUpperTester } from "../shared/bus.ts";
import { checkInteger, resolveDeviceOptions, type BusDeviceOptions, type ResolvedDeviceOptions } from "../shared/device-options.ts";
import { Periodic } from "../shared/periodic.ts";
import { testScenario } from "../shared/test-network.ts";
import { topicOf } from "../shared/topics.ts";
import { done, invalidArgument, notSupported, upperTesterTopic, type UpperTester, type UtAnswer } from "../shared/upper-tester.ts";
import { REFERENCE_OBU, type ObuBehaviour } from "./behaviour.ts";
import { BsmStream, type VehicleEvents } from "./bsm-stream.ts";
import { OBU_FAULTS } from "./faults.ts";

export interface ObuOptions extends BusDeviceOptions {
  /** Time between BSMs, ms, 20..1000; the upper tester may change it ("bsm.interval_ms"). Default: 100 (10 Hz). */
  readonly bsmIntervalMs?: number;
}

export interface ObuDevice extends RunningDevice {
  readonly role: "obu";
  /** The BSM temporary id, 16 hex digits. */
  readonly bsmId: string;
}

/**
 * A reference OBU: one simulated vehicle driving the test network's arterial, sending a BSM every
 * interval; it listens to every RSU's MAP and SPAT and logs (never trips over) malformed ones.
 */
export async function startObu(options: ObuOptions): Promise<ObuDevice> {
  const resolved = resolveDeviceOptions(options, "obu-1");
  const behaviour = behaviourWith("obu", REFERENCE_OBU, OBU_FAULTS, resolved.faults);
  const intervalMs = options.bsmIntervalMs ?? 100;
  checkInteger("bsmIntervalMs", intervalMs, 20, 1000, "ms");
  const binding = createBinding(options, resolved, "obu");
  await connectBinding(binding, resolved.log);
  const obu = new Obu(resolved, behaviour, binding, intervalMs);
  try {
    // The UPER copies of dual-encoded BSMs go out through a binding of their own, on the same topic.
    obu.perBinding = createBinding(options, resolved, "obu-per", "per");
    await connectBinding(obu.perBinding, resolved.log);
    await obu.listen();
    obu.upperTester = await openUpperTester(options, resolved, (request) => obu.answer(request));
  } catch (error) {
    await obu.stop();
    throw error;
  }
  const bsmId = Buffer.from(obu.bsmId).toString("hex");
  return {
    role: "obu",
    id: resolved.id,
    faults: resolved.faults,
    bsmId,
    describe: [
      `BSM every ${intervalMs} ms (temporary id ${bsmId}) on ${topicOf(options.topicTemplate, "bsm", resolved.id)}`,
      `MAP and SPAT heard on ${topicOf(options.topicTemplate, "map", "+")} and ${topicOf(options.topicTemplate, "spat", "+")}`,
      ...(options.upperTester === false ? [] : [`upper tester on ${upperTesterTopic(resolved.id, "request")}`]),
    ],
    stop: () => obu.stop(),
  };
}

/** The upper-tester parameter listing the encodings each BSM goes out in. */
const ENCODINGS_PARAMETER = "bsm.encodings";

class Obu {
  upperTester: UpperTester | undefined;
  perBinding: MqttBinding | undefined;
  /** Whether each BSM also goes out in UPER (upper tester: bsm.encodings = "protobuf,per"). */
  private alsoPer = false;
  private readonly options: ResolvedDeviceOptions;
  private readonly behaviour: ObuBehaviour;
  private readonly binding: MqttBinding;
  private readonly drive: ArterialDrive;
  private readonly stream: BsmStream;
  private readonly sending: Periodic;
  private readonly configuredIntervalMs: number;
  private periodMs: number;
  private lastSentAt = -Infinity;
  private hardBrakingUntil = -Infinity;
  private hazardLightsUntil = -Infinity;

  constructor(options: ResolvedDeviceOptions, behaviour: ObuBehaviour, binding: MqttBinding, intervalMs: number) {
    this.options = options;
    this.behaviour = behaviour;
    this.binding = binding;
    this.configuredIntervalMs = intervalMs;
    const { clock, id, seed } = options;
    const start = clock.now();
    const random = new Random(seed);
    this.drive = new ArterialDrive(testScenario(), start, id, random);
    this.stream = new BsmStream(random.fork(`vehicle:${id}`), behaviour);
    this.periodMs = intervalMs * behaviour.intervalFactor;
    this.sending = new Periodic(clock, this.periodMs, (at) => this.send(at));
  }

  get bsmId(): Uint8Array {
    return this.stream.id;
  }

  async listen(): Promise<void> {
    for (const kind of ["map", "spat"] as const) await this.binding.subscribe({ kind }, (observation) => this.hear(observation));
  }

  answer(request: UtRequest): UtAnswer {
    const now = this.options.clock.now();
    if (request.initialise !== undefined) {
      this.hardBrakingUntil = this.hazardLightsUntil = -Infinity;
      this.alsoPer = false;
      this.setPeriod(this.configuredIntervalMs * this.behaviour.intervalFactor);
      return done;
    }
    if (request.triggerEvent !== undefined) {
      // Without a duration an event lasts until the next initialise.
      const until = now + (request.triggerEvent.durationMs ?? Infinity);
      if (request.triggerEvent.event === UtEvent.HARD_BRAKING) this.hardBrakingUntil = until;
      else if (request.triggerEvent.event === UtEvent.HAZARD_LIGHTS) this.hazardLightsUntil = until;
      else return notSupported("an OBU triggers hard braking and hazard lights only");
      return done;
    }
    if (request.changeParameter !== undefined) {
      const { name, value } = request.changeParameter;
      if (name === ENCODINGS_PARAMETER) return this.setEncodings(value);
      if (name !== "bsm.interval_ms") return notSupported(`unknown parameter "${name}"; the OBU has bsm.interval_ms and ${ENCODINGS_PARAMETER}`);
      const ms = Number(value);
      if (!Number.isInteger(ms) || ms < 20 || ms > 1000) return invalidArgument(`bsm.interval_ms must be an integer 20..1000, got "${value}"`);
      this.setPeriod(ms * this.behaviour.intervalFactor);
      return done;
    }
    return notSupported("the OBU answers initialise, trigger_event and change_parameter");
  }

  async stop(): Promise<void> {
    this.sending.stop();
    await this.upperTester?.close();
    await this.binding.close();
    await this.perBinding?.close();
  }

  private setEncodings(value: string): UtAnswer {
    const encodings = value.split(",").map((e) => e.trim());
    if (encodings[0] !== "protobuf" || encodings.some((e) => e !== "protobuf" && e !== "per") || encodings.length > 2) {
      return invalidArgument(`${ENCODINGS_PARAMETER} must be "protobuf" or "protobuf,per", got "${value}"`);
    }
    this.alsoPer = encodings.includes("per");
    return done;
  }

  private setPeriod(ms: number): void {
    this.periodMs = ms;
    this.sending.setPeriod(ms);
  }

  /**
   * Sends a BSM of the current state for the tick due at `at`. After a stall the periodic task
   * fires the missed ticks back to back; an OBU does not catch up with a burst, so a tick that is
   * a whole period late sends nothing when a BSM went out less than half a period ago.
   */
  private send(at: number): void {
    const now = this.options.clock.now();
    if (now - at >= this.periodMs && now - this.lastSentAt < this.periodMs / 2) return;
    this.lastSentAt = now;
    const events: VehicleEvents = { hardBraking: now < this.hardBrakingUntil, hazardLights: now < this.hazardLightsUntil };
    const frame = this.stream.next(this.drive.stateAt(now), now, events);
    this.binding.publish("bsm", { id: this.options.id }, frame).catch((error: Error) => this.options.log(`BSM not sent: ${error.message}`));
    if (this.alsoPer && this.perBinding !== undefined) {
      const bsm = frame.bsmFrame;
      const copy = bsm === undefined ? frame : { ...frame, bsmFrame: { ...bsm, speed: bsm.speed + this.behaviour.perCopySpeedOffset } };
      this.perBinding.publish("bsm", { id: this.options.id }, copy).catch((error: Error) => this.options.log(`UPER copy of a BSM not sent: ${error.message}`));
    }
  }

  private hear(observation: Observation): void {
    const { registry, log } = this.options;
    const problem = observation.decoded.ok ? validateRules(registry, observation.typeName, observation.decoded.message).map(formatViolation).join("; ") : observation.decoded.error;
    if (problem === "") return;
    log(`ignored a malformed message on ${observation.channel}: ${problem}`);
    if (this.behaviour.stopOnMalformedInput) this.sending.stop();
  }
}
