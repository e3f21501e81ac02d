import { Command, Edition, ResponseFlag, type Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import type { UtRequest } from "../../schema/gen/v2xh/harness/v1/index.ts";
import { formatViolation, validateRules } from "../../schema/index.ts";
import { beijingTime } from "../../sim/index.ts";
import type { MqttBinding } from "../../transport/mqtt/index.ts";
import type { Observation } from "../../transport/observation.ts";
import { parseTopic } from "../../transport/topics.ts";
import { DeviceError } from "../device-error.ts";
import { behaviourWith } from "../fault.ts";
import type { RunningDevice } from "../running-device.ts";
import { connectBinding, createBinding, openUpperTester } from "../shared/bus.ts";
import { checkInteger, resolveDeviceOptions, type BusDeviceOptions, type ResolvedDeviceOptions } from "../shared/device-options.ts";
import { topicOf } from "../shared/topics.ts";
import { done, invalidArgument, notSupported, upperTesterTopic, type UpperTester, type UtAnswer } from "../shared/upper-tester.ts";
import { errorAnswer, heartbeatAnswer, loginAnswer, logoutAnswer, timeCalibrationAnswer } from "../../sim/gbt32960-answers.ts";
import { REFERENCE_PLATFORM, type PlatformBehaviour } from "./behaviour.ts";
import { PLATFORM_FAULTS } from "./faults.ts";
import { QueryServer } from "./query-server.ts";
import { ReportArchive } from "./report-archive.ts";
import { Sessions, type DuplicateVinPolicy } from "./sessions.ts";

export interface PlatformOptions extends BusDeviceOptions {
  /** What to answer a second login for a VIN that has a live session: VIN_DUPLICATE ("refuse") or success, ending the old session ("take-over"). Default: "refuse". */
  readonly duplicateVin?: DuplicateVinPolicy;
  /** A vehicle silent for this long is logged out, ms. Default: 180000. */
  readonly sessionTimeoutMs?: number;
  /** Interface of the query interface (HTTP). Default: "127.0.0.1". */
  readonly queryHost?: string;
  /** Port of the query interface; 0 picks a free one. Default: 0. */
  readonly queryPort?: number;
}

export interface PlatformDevice extends RunningDevice {
  readonly role: "platform";
  /** Base URL of the query interface (see QueryServer). */
  readonly queryUrl: string;
}

const FRAME = "v2xh.gbt32960.v1.Frame";

/** The vehicle messages the platform answers, and the command each carries. */
const INBOUND = {
  login: Command.VEHICLE_LOGIN,
  realtime: Command.REALTIME,
  reissue: Command.REISSUE,
  logout: Command.VEHICLE_LOGOUT,
  heartbeat: Command.HEARTBEAT,
  timeCalibration: Command.TIME_CALIBRATION,
} as const;

type Inbound = keyof typeof INBOUND;

/**
 * A reference vehicle platform (GB/T 32960.3-2016 Annex B over MQTT) for every VIN on the bus: it
 * answers logins (refusing or taking over a duplicate VIN), heartbeats and time calibrations,
 * keeps every good report without answering it, answers a malformed or out-of-range one with an
 * error and carries on, and shows what it kept through its query interface.
 */
export async function startPlatform(options: PlatformOptions): Promise<PlatformDevice> {
  const resolved = resolveDeviceOptions(options, "platform-1");
  const behaviour = behaviourWith("platform", REFERENCE_PLATFORM, PLATFORM_FAULTS, resolved.faults);
  const policy = options.duplicateVin ?? "refuse";
  if (policy !== "refuse" && policy !== "take-over") throw new DeviceError("DeviceOptionError", `duplicateVin must be "refuse" or "take-over", got ${JSON.stringify(policy)}`);
  const sessionTimeoutMs = options.sessionTimeoutMs ?? 180_000;
  checkInteger("sessionTimeoutMs", sessionTimeoutMs, 1000, 86_400_000, "ms");
  const queryPort = options.queryPort ?? 0;
  checkInteger("queryPort", queryPort, 0, 65535);
  const archive = new ReportArchive();
  const binding = createBinding(options, resolved, "platform");
  await connectBinding(binding, resolved.log);
  const platform = new Platform(resolved, behaviour, binding, archive, new Sessions(sessionTimeoutMs), policy);
  try {
    await platform.listen();
    platform.query = await QueryServer.listen(archive, options.queryHost ?? "127.0.0.1", queryPort).catch((cause: Error) => {
      throw new DeviceError("DeviceStartError", `cannot serve the query interface on port ${queryPort}: ${cause.message}`, cause);
    });
    platform.upperTester = await openUpperTester(options, resolved, (request) => platform.answer(request));
  } catch (error) {
    await platform.stop();
    throw error;
  }
  const queryUrl = platform.query.url;
  const template = options.topicTemplate;
  return {
    role: "platform",
    id: resolved.id,
    faults: resolved.faults,
    queryUrl,
    describe: [
      `GB/T 32960-2016 platform for every VIN: logins on ${topicOf(template, "login", "+")}, reports on ${topicOf(template, "realtime", "+")} and ${topicOf(template, "reissue", "+")}`,
      `answers on ${topicOf(template, "platformAnswer", "<vin>")}; a duplicate VIN is ${policy === "refuse" ? "refused" : "taken over"}`,
      `accepted reports: GET ${queryUrl}/vehicles and ${queryUrl}/vehicles/<vin>/reports`,
      ...(options.upperTester === false ? [] : [`upper tester on ${upperTesterTopic(resolved.id, "request")}`]),
    ],
    stop: () => platform.stop(),
  };
}

class Platform {
  upperTester: UpperTester | undefined;
  query: QueryServer | undefined;
  private readonly options: ResolvedDeviceOptions;
  private readonly behaviour: PlatformBehaviour;
  private readonly binding: MqttBinding;
  private readonly archive: ReportArchive;
  private readonly sessions: Sessions;
  private readonly configuredPolicy: DuplicateVinPolicy;
  private policy: DuplicateVinPolicy;
  private accepted = 0;
  private stopped = false;

  constructor(options: ResolvedDeviceOptions, behaviour: PlatformBehaviour, binding: MqttBinding, archive: ReportArchive, sessions: Sessions, policy: DuplicateVinPolicy) {
    this.options = options;
    this.behaviour = behaviour;
    this.binding = binding;
    this.archive = archive;
    this.sessions = sessions;
    this.configuredPolicy = policy;
    this.policy = policy;
  }

  async listen(): Promise<void> {
    for (const kind of Object.keys(INBOUND) as Inbound[]) await this.binding.subscribe({ kind }, (observation) => this.hear(kind, observation));
  }

  answer(request: UtRequest): UtAnswer {
    if (request.initialise !== undefined) {
      this.policy = this.configuredPolicy;
      return done;
    }
    if (request.changeParameter !== undefined) {
      const { name, value } = request.changeParameter;
      if (name !== "platform.duplicate_vin") return notSupported(`unknown parameter "${name}"; the platform has platform.duplicate_vin`);
      if (value !== "refuse" && value !== "take-over") return invalidArgument(`platform.duplicate_vin is "refuse" or "take-over", got "${value}"`);
      this.policy = value;
      return done;
    }
    return notSupported("the platform answers initialise and change_parameter");
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.upperTester?.close();
    await this.query?.close();
    await this.binding.close();
  }

  private hear(kind: Inbound, observation: Observation): void {
    if (this.stopped) return;
    const topicVin = parseTopic(this.binding.options.topicTemplate, observation.channel)?.id ?? "";
    if (!observation.decoded.ok) return this.malformed(kind, topicVin, observation.decoded.error);
    const frame = observation.decoded.message as unknown as Frame;
    const problems = validateRules(this.options.registry, FRAME, frame).map(formatViolation);
    if (frame.command !== INBOUND[kind] || frame.responseFlag !== ResponseFlag.COMMAND) problems.push(`expected a request with command 0x${INBOUND[kind].toString(16)} on ${observation.channel}`);
    if (frame.edition !== Edition.EDITION_2016) problems.push("this platform speaks the 2016 edition");
    if (frame.uniqueId !== topicVin) problems.push(`the frame's VIN ${frame.uniqueId} is not the topic's ${topicVin}`);
    if (problems.length > 0) return this.malformed(kind, topicVin, problems.join("; "));
    this.accept(kind, frame, observation.receivedAt);
  }

  private accept(kind: Inbound, frame: Frame, receivedAt: number): void {
    const vin = frame.uniqueId;
    const now = this.options.clock.now();
    const time = beijingTime(now);
    if (frame.vehicleLogin2016 !== undefined) {
      const serial = frame.vehicleLogin2016.serial.value ?? 0;
      const outcome = this.sessions.login(vin, serial, now, this.behaviour.acceptDuplicateVin ? "take-over" : this.policy);
      const answerTime = this.behaviour.fourDigitYearInLoginAnswer ? { ...time, year: time.year + 2000 } : time;
      if (this.behaviour.answerLogin) this.send(vin, loginAnswer(vin, frame.vehicleLogin2016, outcome === "accepted" ? ResponseFlag.SUCCESS : ResponseFlag.VIN_DUPLICATE, answerTime));
    } else if (frame.realtime2016 !== undefined || frame.reissue2016 !== undefined) {
      const data = frame.realtime2016 ?? frame.reissue2016;
      if (!this.sessions.touch(vin, now)) {
        this.options.log(`refused a ${kind} report from ${vin}: not logged in`);
        this.send(vin, errorAnswer(vin, frame.command, time));
      } else if (data !== undefined) {
        this.accepted++;
        if (this.behaviour.forgetEvery === 0 || this.accepted % this.behaviour.forgetEvery !== 0) this.archive.add(vin, kind === "reissue" ? "reissue" : "realtime", data, receivedAt);
      }
    } else if (frame.vehicleLogout !== undefined) {
      this.sessions.end(vin);
      this.send(vin, logoutAnswer(vin, frame.vehicleLogout, time));
    } else if (frame.heartbeat !== undefined) {
      this.sessions.touch(vin, now);
      this.send(vin, heartbeatAnswer(vin));
    } else if (frame.timeCalibrationRequest !== undefined) {
      this.send(vin, timeCalibrationAnswer(vin, beijingTime(now + this.behaviour.timeCalibrationOffsetMs)));
    }
  }

  /** A message that cannot be read or breaks a rule: a login is ignored (B.1), anything else gets an error answer. */
  private malformed(kind: Inbound, vin: string, problem: string): void {
    const { log, clock } = this.options;
    log(`malformed ${kind} from ${vin === "" ? "an unknown sender" : vin}: ${problem}`);
    const report = kind === "realtime" || kind === "reissue";
    if (report && this.behaviour.endSessionOnMalformedReport) this.sessions.end(vin);
    if (kind === "login" || (report && !this.behaviour.answerMalformedReport)) return;
    // An answer can only be addressed to a well-formed VIN.
    if (/^[\x21-\x7e]{17}$/.test(vin)) this.send(vin, errorAnswer(vin, INBOUND[kind], beijingTime(clock.now())));
  }

  private send(vin: string, frame: Frame): void {
    this.binding.publish("platformAnswer", { id: vin }, frame).catch((error: Error) => this.options.log(`answer to ${vin} not sent: ${error.message}`));
  }
}
