import { Edition, ResponseFlag, type Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import type { UtRequest } from "../../schema/gen/v2xh/harness/v1/index.ts";
import { formatViolation, validateRules } from "../../schema/index.ts";
import { beijingTime } from "../../sim/index.ts";
import type { MqttBinding } from "../../transport/mqtt/index.ts";
import { parseTopic } from "../../transport/topics.ts";
import type { Gbt32960TcpServer } from "../../transport/tcp/index.ts";
import type { DataUnitKeys } from "../../wire/gbt32960/index.ts";
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
import { INBOUND, type Inbound, type PlatformMessage } from "./inbound.ts";
import { QueryServer } from "./query-server.ts";
import { ReportArchive } from "./report-archive.ts";
import { Sessions, type DuplicateVinPolicy } from "./sessions.ts";
import { listenForTboxes } from "./tcp-endpoint.ts";
import type { TcpAddress } from "../../transport/tcp-address.ts";

export interface PlatformOptions extends Omit<BusDeviceOptions, "broker"> {
  /** Broker URL of the MQTT bus. Required unless `tcp` is given; without it there is no upper tester either. */
  readonly broker?: string;
  /** Also listen for T-Boxes speaking GB/T 32960 over TCP. Host default: "0.0.0.0"; port 0 picks a free one. */
  readonly tcp?: { readonly port: number; readonly host?: string };
  /** Keys of encrypted data units arriving over TCP; a report whose data unit it cannot decrypt gets an error answer. Default: none. */
  readonly keys?: DataUnitKeys;
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
  /** Where it listens for T-Boxes over TCP, when it does. */
  readonly tcp?: TcpAddress;
}

const FRAME = "v2xh.gbt32960.v1.Frame";

/**
 * A reference vehicle platform (GB/T 32960.3-2016 Annex B over MQTT, and over TCP) for every VIN:
 * it answers logins (refusing or taking over a duplicate VIN), heartbeats and time calibrations,
 * keeps every good report without answering it, answers a malformed or out-of-range one with an
 * error and carries on, and shows what it kept through its query interface. Both links go through
 * the same sessions and answers; only the way a message arrives and its answer leaves differs.
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
  const { broker, tcp } = options;
  if (broker === undefined && tcp === undefined) throw new DeviceError("DeviceOptionError", "the platform needs a broker (MQTT), a TCP port, or both");
  if (tcp !== undefined) checkInteger("tcp.port", tcp.port, 0, 65535);
  const archive = new ReportArchive();
  const platform = new Platform(resolved, behaviour, archive, new Sessions(sessionTimeoutMs), policy);
  try {
    if (broker !== undefined) {
      const bus = { ...options, broker };
      platform.binding = createBinding(bus, resolved, "platform");
      await connectBinding(platform.binding, resolved.log);
      await platform.listen(platform.binding);
      platform.upperTester = await openUpperTester(bus, resolved, (request) => platform.answer(request));
    }
    if (tcp !== undefined) {
      platform.tcp = await listenForTboxes(tcp, options.keys ?? {}, {
        handle: (message) => platform.hear(message),
        linkClosed: (link) => platform.sessions.endLink(link),
        log: resolved.log,
      }).catch((cause: Error) => {
        throw new DeviceError("DeviceStartError", cause.message, cause);
      });
    }
    platform.query = await QueryServer.listen(archive, options.queryHost ?? "127.0.0.1", queryPort).catch((cause: Error) => {
      throw new DeviceError("DeviceStartError", `cannot serve the query interface on port ${queryPort}: ${cause.message}`, cause);
    });
  } catch (error) {
    await platform.stop();
    throw error;
  }
  const tcpAddress = platform.tcp === undefined ? undefined : { host: platform.tcp.host, port: platform.tcp.port };
  return {
    role: "platform",
    id: resolved.id,
    faults: resolved.faults,
    queryUrl: platform.query.url,
    ...(tcpAddress === undefined ? {} : { tcp: tcpAddress }),
    describe: describePlatform(options, resolved.id, policy, platform.query.url, tcpAddress),
    stop: () => platform.stop(),
  };
}

/** What the platform serves and where, one line each. */
function describePlatform(options: PlatformOptions, id: string, policy: DuplicateVinPolicy, queryUrl: string, tcp: { host: string; port: number } | undefined): string[] {
  const template = options.topicTemplate;
  const bus = options.broker !== undefined;
  return [
    ...(bus
      ? [
          `GB/T 32960-2016 platform for every VIN: logins on ${topicOf(template, "login", "+")}, reports on ${topicOf(template, "realtime", "+")} and ${topicOf(template, "reissue", "+")}`,
          `answers on ${topicOf(template, "platformAnswer", "<vin>")}`,
        ]
      : []),
    ...(tcp === undefined ? [] : [`GB/T 32960-2016 over TCP on ${tcp.host}:${tcp.port}: T-Boxes log in, report and are answered on their connection`]),
    ...(tcp === undefined ? [] : keyLines(options.keys ?? {})),
    `a duplicate VIN is ${policy === "refuse" ? "refused" : "taken over"}`,
    `accepted reports: GET ${queryUrl}/vehicles and ${queryUrl}/vehicles/<vin>/reports`,
    ...(bus && options.upperTester !== false ? [`upper tester on ${upperTesterTopic(id, "request")}`] : []),
  ];
}

/** Which encrypted data units the platform reads over TCP. */
function keyLines({ aes, sm4 }: DataUnitKeys): string[] {
  const modes = [...(aes === undefined ? [] : [`AES (0x03, ${aes.mode ?? "ecb"})`]), ...(sm4 === undefined ? [] : [`SM4 (0x05, ${sm4.mode ?? "ecb"})`])];
  return modes.length === 0 ? [] : [`decrypts data units encrypted with ${modes.join(" and ")}`];
}

class Platform {
  binding: MqttBinding | undefined;
  tcp: Gbt32960TcpServer | undefined;
  upperTester: UpperTester | undefined;
  query: QueryServer | undefined;
  readonly sessions: Sessions;
  private readonly options: ResolvedDeviceOptions;
  private readonly behaviour: PlatformBehaviour;
  private readonly archive: ReportArchive;
  private readonly configuredPolicy: DuplicateVinPolicy;
  private policy: DuplicateVinPolicy;
  private accepted = 0;
  private stopped = false;

  constructor(options: ResolvedDeviceOptions, behaviour: PlatformBehaviour, archive: ReportArchive, sessions: Sessions, policy: DuplicateVinPolicy) {
    this.options = options;
    this.behaviour = behaviour;
    this.archive = archive;
    this.sessions = sessions;
    this.configuredPolicy = policy;
    this.policy = policy;
  }

  /** Subscribes to every vehicle message on the bus; answers go back on the VIN's answer topic. */
  async listen(binding: MqttBinding): Promise<void> {
    const template = binding.options.topicTemplate;
    for (const kind of Object.keys(INBOUND) as Inbound[]) {
      await binding.subscribe({ kind }, (observation) => {
        const vin = parseTopic(template, observation.channel)?.id ?? "";
        const reply = (frame: Frame): void => void binding.publish("platformAnswer", { id: vin }, frame).catch((error: Error) => this.options.log(`answer to ${vin} not sent: ${error.message}`));
        this.hear({ kind, vin, observation, reply });
      });
    }
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
    await this.tcp?.close();
    await this.binding?.close();
  }

  hear(message: PlatformMessage): void {
    if (this.stopped) return;
    const { kind, vin, observation } = message;
    if (!observation.decoded.ok) return this.malformed(message, observation.decoded.error);
    const frame = observation.decoded.message as unknown as Frame;
    const problems = validateRules(this.options.registry, FRAME, frame).map(formatViolation);
    if (frame.command !== INBOUND[kind] || frame.responseFlag !== ResponseFlag.COMMAND) problems.push(`expected a request with command 0x${INBOUND[kind].toString(16)} on ${observation.channel}`);
    // Without the key (or over the bus, where the platform holds none) the body stays ciphertext.
    if (frame.encrypted !== undefined) problems.push(`its data unit is encrypted (encryption 0x${frame.encryption.toString(16).padStart(2, "0")}) and the platform has no key for that mode`);
    if (frame.edition !== Edition.EDITION_2016) problems.push("this platform speaks the 2016 edition");
    if (frame.uniqueId !== vin) problems.push(`the frame's VIN ${frame.uniqueId} is not the channel's ${vin}`);
    if (problems.length > 0) return this.malformed(message, problems.join("; "));
    this.accept(message, frame);
  }

  private accept({ kind, reply, link, observation }: PlatformMessage, frame: Frame): void {
    const vin = frame.uniqueId;
    const now = this.options.clock.now();
    const time = beijingTime(now);
    if (frame.vehicleLogin2016 !== undefined) {
      const serial = frame.vehicleLogin2016.serial.value ?? 0;
      const outcome = this.sessions.login(vin, serial, now, this.behaviour.acceptDuplicateVin ? "take-over" : this.policy, link);
      // The full year squeezed into the one-byte field keeps its low byte (2026 → 234), as it would over TCP.
      const answerTime = this.behaviour.fourDigitYearInLoginAnswer ? { ...time, year: (time.year + 2000) & 0xff } : time;
      if (this.behaviour.answerLogin) reply(loginAnswer(vin, frame.vehicleLogin2016, outcome === "accepted" ? ResponseFlag.SUCCESS : ResponseFlag.VIN_DUPLICATE, answerTime));
    } else if (frame.realtime2016 !== undefined || frame.reissue2016 !== undefined) {
      const data = frame.realtime2016 ?? frame.reissue2016;
      if (!this.sessions.touch(vin, now)) {
        this.options.log(`refused a ${kind} report from ${vin}: not logged in`);
        reply(errorAnswer(vin, frame.command, time));
      } else if (data !== undefined) {
        this.accepted++;
        if (this.behaviour.forgetEvery === 0 || this.accepted % this.behaviour.forgetEvery !== 0) this.archive.add(vin, kind === "reissue" ? "reissue" : "realtime", data, observation.receivedAt);
      }
    } else if (frame.vehicleLogout !== undefined) {
      this.sessions.end(vin);
      reply(logoutAnswer(vin, frame.vehicleLogout, time));
    } else if (frame.heartbeat !== undefined) {
      this.sessions.touch(vin, now);
      reply(heartbeatAnswer(vin));
    } else if (frame.timeCalibrationRequest !== undefined) {
      reply(timeCalibrationAnswer(vin, beijingTime(now + this.behaviour.timeCalibrationOffsetMs)));
    }
  }

  /** A message that cannot be read or breaks a rule: a login is ignored (B.1), anything else gets an error answer. */
  private malformed({ kind, vin, reply }: PlatformMessage, problem: string): void {
    const { log, clock } = this.options;
    log(`malformed ${kind} from ${vin === "" ? "an unknown sender" : vin}: ${problem}`);
    const report = kind === "realtime" || kind === "reissue";
    if (report && this.behaviour.endSessionOnMalformedReport) this.sessions.end(vin);
    if (kind === "login" || (report && !this.behaviour.answerMalformedReport)) return;
    // An answer can only be addressed to a well-formed VIN.
    if (/^[\x21-\x7e]{17}$/.test(vin)) reply(errorAnswer(vin, INBOUND[kind], beijingTime(clock.now())));
  }
}
