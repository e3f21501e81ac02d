import { Command, ResponseFlag, type Frame, type Parameter, type RealtimeData2016 } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { UtEvent, UtResult, type UtRequest } from "../../schema/gen/v2xh/harness/v1/index.ts";
import { formatViolation, validateRules, type Violation } from "../../schema/index.ts";
import { beijingTime, Random, TboxModel, type Cancel } from "../../sim/index.ts";
import type { MessageKindName } from "../../transport/message-kinds.ts";
import type { Observation } from "../../transport/observation.ts";
import { DeviceError } from "../device-error.ts";
import { behaviourWith } from "../fault.ts";
import type { RunningDevice } from "../running-device.ts";
import { ArterialDrive, STEP_MS } from "../shared/arterial-drive.ts";
import { beijingDate, epochOfBeijingTime } from "../shared/beijing-time.ts";
import { openUpperTester } from "../shared/bus.ts";
import { resolveDeviceOptions, type ResolvedDeviceOptions } from "../shared/device-options.ts";
import { Periodic } from "../shared/periodic.ts";
import { testScenario } from "../shared/test-network.ts";
import { done, invalidArgument, notSupported, upperTesterTopic, type UpperTester, type UtAnswer } from "../shared/upper-tester.ts";
import { REFERENCE_TBOX, type TboxBehaviour } from "./behaviour.ts";
import type { TboxTransport } from "./connection.ts";
import { TBOX_FAULTS } from "./faults.ts";
import {
  heartbeatFrame,
  loginFrame,
  logoutFrame,
  realtimeFrame,
  reissueFrame,
  timeCalibrationRequestFrame,
  withAlarm,
  withOtherFaultsMiscounted,
  type LoginIdentity,
} from "./frames.ts";
import { TboxLink } from "./link.ts";
import { mqttTransport } from "./mqtt-transport.ts";
import { platformLinkOf, settingsOf, type TboxAlarmSpec, type TboxOptions } from "./options.ts";
import { answerCommand } from "./platform-commands.ts";
import { LoginSerials } from "./login-serials.ts";
import { Outbox, SampleHistory } from "./report-buffers.ts";
import { tcpTransport } from "./tcp-transport.ts";
import { FACTORY_SETTINGS, parameterTable, TerminalParameters, type TerminalSettings } from "./terminal-parameters.ts";

export interface TboxDevice extends RunningDevice {
  readonly role: "tbox";
  readonly vin: string;
}

const FRAME = "v2xh.gbt32960.v1.Frame";
/** How long before and after the onset of a level-3 alarm the T-Box reports at the alarm interval, ms. */
const ALARM_WINDOW_MS = 30_000;
/** The T-Box samples every second, so that a level-3 alarm can reissue the 30 s before it at 1 s resolution. */
const SAMPLE_INTERVAL_MS = 1000;
/** Reports kept while the link is down: three days at one report a second. */
const OUTBOX_LIMIT = 3 * 24 * 3600;
/** Unanswered logins in a row before the T-Box pauses (GB/T 32960.3-2016 B.1). */
const LOGIN_ATTEMPTS = 3;

/**
 * A reference T-Box (GB/T 32960.3-2016 Annex B over MQTT or TCP) in a vehicle driving the test
 * network. It logs in, asks for the time, reports at its period with a heartbeat, stores reports
 * while its link is down and reissues them after, reports every second around a level-3 alarm
 * (reissuing the 30 s before it), answers parameter queries and sets, and logs out when stopped.
 * An MQTT reconnect does not start a new login: the broker, not the T-Box, holds the session; a
 * new TCP connection does.
 */
export async function startTbox(options: TboxOptions): Promise<TboxDevice> {
  const scenario = testScenario();
  const [defaultTbox] = Object.values(scenario.tboxes);
  if (defaultTbox === undefined) throw new DeviceError("DeviceStartError", "the built-in scenario has no T-Box");
  const resolved = resolveDeviceOptions(options, defaultTbox.vin);
  if (!/^[\x21-\x7e]{17}$/.test(resolved.id)) throw new DeviceError("DeviceOptionError", `a T-Box id is its VIN, 17 printable ASCII characters; got ${JSON.stringify(resolved.id)}`);
  const behaviour = behaviourWith("tbox", REFERENCE_TBOX, TBOX_FAULTS, resolved.faults);
  const settings = settingsOf(options);
  const transport = transportOf(options, resolved);
  const tbox = new Tbox(resolved, behaviour, settings, options);
  const { broker } = options;
  const upperTester = broker !== undefined && options.upperTester !== false;
  try {
    await tbox.connect(transport);
    if (upperTester) tbox.upperTester = await openUpperTester({ ...options, broker }, resolved, (request) => tbox.answer(request));
  } catch (error) {
    await tbox.stop();
    throw error;
  }
  tbox.logIn();
  const { id } = resolved;
  return {
    role: "tbox",
    id,
    vin: id,
    faults: resolved.faults,
    describe: [...transport.describe(settings), ...(upperTester ? [`upper tester on ${upperTesterTopic(id, "request")}`] : [])],
    stop: () => tbox.stop(),
  };
}

/** The way to the platform the options choose. */
function transportOf(options: TboxOptions, resolved: ResolvedDeviceOptions): TboxTransport {
  const link = platformLinkOf(options);
  return "tcp" in link ? tcpTransport(link.tcp, options, resolved) : mqttTransport({ ...options, broker: link.broker }, resolved);
}

type Phase = "logged-out" | "logging-in" | "logged-in" | "stopped";

class Tbox {
  upperTester: UpperTester | undefined;
  private readonly options: ResolvedDeviceOptions;
  private readonly behaviour: TboxBehaviour;
  private readonly settings: TerminalSettings;
  private readonly alarmSpec: TboxAlarmSpec | undefined;
  private readonly vin: string;
  private readonly identity: LoginIdentity;
  private readonly parameters: TerminalParameters;
  private readonly factory: ReadonlyMap<number, Parameter>;
  private readonly serials: LoginSerials;
  private readonly model: TboxModel;
  private readonly drive: ArterialDrive;
  private readonly history = new SampleHistory(ALARM_WINDOW_MS);
  private readonly outbox = new Outbox(OUTBOX_LIMIT);
  private link: TboxLink | undefined;
  private phase: Phase = "logged-out";
  private loginSerial = 0;
  private unansweredLogins = 0;
  private sampling: Periodic | undefined;
  private reporting: Periodic | undefined;
  private heartbeat: Periodic | undefined;
  private timers: { login: Cancel; calibration: Cancel; alarm: Cancel; linkRestore: Cancel } = { login: noop, calibration: noop, alarm: noop, linkRestore: noop };
  private clockOffsetMs: number;
  private alarmLevel = 0;
  private alarmUntil = Infinity;
  private level3Since: number | undefined;

  constructor(options: ResolvedDeviceOptions, behaviour: TboxBehaviour, settings: TerminalSettings, tboxOptions: TboxOptions) {
    this.options = options;
    this.behaviour = behaviour;
    this.settings = settings;
    this.alarmSpec = tboxOptions.alarm;
    this.clockOffsetMs = tboxOptions.clockSkewMs ?? 0;
    this.vin = options.id;
    this.parameters = new TerminalParameters(settings);
    this.factory = parameterTable({ ...FACTORY_SETTINGS, host: settings.host, port: settings.port });
    this.serials = new LoginSerials(behaviour.incrementLoginSerial);
    const { clock, seed } = options;
    const scenario = testScenario();
    const random = new Random(seed);
    const digits = random.fork("iccid");
    this.identity = {
      vin: this.vin,
      iccid: `89860${Array.from({ length: 15 }, () => digits.integer(0, 9)).join("")}`,
      ressCodes: [`RESS${this.vin}${"0".repeat(7)}`.slice(0, 24)],
    };
    const [spec] = Object.values(scenario.tboxes);
    this.model = new TboxModel({ ...spec, vin: this.vin, alarms: [] }, random.fork(`vehicle:${this.vin}`));
    this.drive = new ArterialDrive(scenario, clock.now(), this.vin, random);
  }

  async connect(transport: TboxTransport): Promise<void> {
    this.link = await TboxLink.connect(
      () => transport.open((observation) => this.hear(observation)),
      () => (transport.loginPerConnection ? this.logInAgain() : this.flushOutbox()),
    );
  }

  /** The T-Box's own clock: the time it puts in its frames. */
  private now(): number {
    return this.options.clock.now() + this.clockOffsetMs;
  }

  logIn(): void {
    if (this.phase !== "logged-out") return;
    if (this.behaviour.realtimeBeforeLogin) this.publish("realtime", realtimeFrame(this.vin, this.collect()));
    this.beginLogin();
  }

  private beginLogin(): void {
    this.timers.login();
    this.phase = "logging-in";
    this.loginSerial = this.serials.next(beijingDate(this.now()));
    this.unansweredLogins = 0;
    this.sendLogin();
  }

  hear(observation: Observation): void {
    const { registry, log } = this.options;
    if (!observation.decoded.ok) {
      log(`ignored an unreadable message on ${observation.channel}: ${observation.decoded.error}`);
      return;
    }
    const frame = observation.decoded.message as unknown as Frame;
    const violations = validateRules(registry, FRAME, frame);
    if (frame.responseFlag === ResponseFlag.COMMAND) this.obey(frame, violations);
    else if (violations.length > 0) log(`ignored an invalid answer on ${observation.channel}: ${violations.map(formatViolation).join("; ")}`);
    else this.takeAnswer(frame);
  }

  answer(request: UtRequest): UtAnswer | Promise<UtAnswer> {
    if (request.initialise !== undefined) {
      this.raiseAlarm(0, undefined);
      return done;
    }
    if (request.triggerEvent !== undefined) {
      const { event, level, durationMs } = request.triggerEvent;
      if (event !== UtEvent.ALARM || level === undefined) return notSupported("a T-Box triggers alarms only");
      this.raiseAlarm(level, durationMs);
      return done;
    }
    if (request.changeParameter !== undefined) {
      const { name, value } = request.changeParameter;
      if (name !== "tbox.ignition") return notSupported(`unknown parameter "${name}"; the T-Box has tbox.ignition (on, off)`);
      if (value === "off") this.ignitionOff();
      else if (value === "on") this.logIn();
      else return invalidArgument(`tbox.ignition is "on" or "off", got "${value}"`);
      return done;
    }
    if (request.cutLink !== undefined) return this.cutLink(request.cutLink.durationMs);
    if (request.restoreLink !== undefined) return this.restoreLink();
    return notSupported("the T-Box answers initialise, trigger_event (alarm), change_parameter (tbox.ignition), cut_link and restore_link");
  }

  async stop(): Promise<void> {
    if (this.phase === "logged-in") this.logOut();
    this.endSession();
    this.phase = "stopped";
    this.timers.login();
    this.timers.linkRestore();
    await this.upperTester?.close();
    await this.link?.close();
  }

  private publish(kind: MessageKindName, frame: Frame): boolean {
    const sent = this.link?.publish(kind, frame);
    sent?.catch((error: Error) => this.options.log(`${kind} not sent: ${error.message}`));
    return sent !== undefined;
  }

  private sendLogin(): void {
    const { clock } = this.options;
    this.publish("login", loginFrame(this.identity, beijingTime(this.now()), this.loginSerial));
    this.timers.login = clock.schedule(clock.now() + this.settings.answerTimeoutMs, () => this.loginUnanswered());
  }

  private loginUnanswered(): void {
    const { clock } = this.options;
    this.unansweredLogins++;
    if (this.unansweredLogins < LOGIN_ATTEMPTS) {
      this.sendLogin();
      return;
    }
    this.unansweredLogins = 0;
    this.timers.login = clock.schedule(clock.now() + this.settings.loginRetryIntervalMs, () => this.sendLogin());
  }

  private takeAnswer(frame: Frame): void {
    if (frame.command === Command.VEHICLE_LOGIN && this.phase === "logging-in" && frame.responseFlag === ResponseFlag.SUCCESS) {
      this.timers.login();
      this.startSession();
    } else if (frame.command === Command.TIME_CALIBRATION && frame.responseFlag === ResponseFlag.SUCCESS) {
      this.calibrate(frame);
    } else if (frame.responseFlag !== ResponseFlag.SUCCESS) {
      this.options.log(`the platform answered command 0x${frame.command.toString(16)} with response flag 0x${frame.responseFlag.toString(16)}`);
    }
  }

  /** Logged in: reports go out, and what was stored goes out as reissue. */
  private startSession(): void {
    this.phase = "logged-in";
    this.requestTime();
    if (this.reporting === undefined) this.startReporting();
    this.flushOutbox();
  }

  private startReporting(): void {
    const { clock } = this.options;
    const first = (interval: number): number => clock.now() + interval;
    this.reporting = new Periodic(clock, this.reportInterval(), () => this.report(), first(this.reportInterval()));
    if (this.behaviour.sendHeartbeat) {
      const beat = (): void => {
        if (this.phase === "logged-in") this.publish("heartbeat", heartbeatFrame(this.vin));
      };
      this.heartbeat = new Periodic(clock, this.parameters.heartbeatIntervalMs, beat, first(this.parameters.heartbeatIntervalMs));
    }
    this.sampling = new Periodic(clock, SAMPLE_INTERVAL_MS, () => this.history.push(this.collect()));
    const alarm = this.alarmSpec;
    if (alarm !== undefined) this.timers.alarm = clock.schedule(clock.now() + alarm.afterMs, () => this.raiseAlarm(alarm.level, alarm.durationMs));
  }

  private endSession(): void {
    for (const task of [this.sampling, this.reporting, this.heartbeat]) task?.stop();
    this.sampling = this.reporting = this.heartbeat = undefined;
    this.timers.calibration();
    this.timers.alarm();
  }

  /**
   * On a new connection to a platform that ended the session with the old one: log in again. The
   * T-Box keeps collecting meanwhile; its reports wait in the outbox until the login is answered.
   */
  private logInAgain(): void {
    if (this.phase === "logging-in" || this.phase === "logged-in") this.beginLogin();
  }

  private ignitionOff(): void {
    if (this.phase === "logged-in") this.logOut();
    this.endSession();
    this.timers.login();
    if (this.phase !== "stopped") this.phase = "logged-out";
  }

  private logOut(): void {
    const serial = ((this.loginSerial + this.behaviour.logoutSerialOffset - 1) % 65531) + 1;
    this.publish("logout", logoutFrame(this.vin, beijingTime(this.now()), serial));
  }

  private requestTime(): void {
    const { clock } = this.options;
    this.publish("timeCalibration", timeCalibrationRequestFrame(this.vin));
    this.timers.calibration = clock.schedule(clock.now() + this.settings.answerTimeoutMs, () => this.requestTime());
  }

  private calibrate(frame: Frame): void {
    const time = frame.timeCalibrationAnswer?.time ?? frame.response?.time;
    if (time === undefined) return;
    this.timers.calibration();
    // The answer is cut to whole seconds: the platform's time lies half a second past it on average,
    // and a difference under a second is no evidence of a wrong clock.
    const platformTime = epochOfBeijingTime(time) + 500;
    if (this.behaviour.applyTimeCalibration && Math.abs(platformTime - this.now()) >= 1000) this.clockOffsetMs = platformTime - this.options.clock.now();
  }

  /** A sample of every data item now, with the alarm raised. */
  private collect(): RealtimeData2016 {
    this.drive.advanceTo(this.options.clock.now(), (state) => this.model.update(state, STEP_MS / 1000));
    const data = this.model.realtimeFrame(this.drive.state, this.now()).realtime2016;
    if (data === undefined) throw new Error("TboxModel built no realtime data");
    const alarmed = withAlarm(data, this.alarmLevelNow());
    return this.behaviour.miscountOtherFaults ? withOtherFaultsMiscounted(alarmed) : alarmed;
  }

  private report(): void {
    const data = this.collect();
    if (this.phase !== "logged-in" || !this.publish("realtime", realtimeFrame(this.vin, data))) this.outbox.push(data);
    this.reporting?.setPeriod(this.reportInterval());
  }

  private reportInterval(): number {
    const { clock } = this.options;
    const alarmWindow = this.alarmLevelNow() >= 3 || (this.level3Since !== undefined && clock.now() < this.level3Since + ALARM_WINDOW_MS);
    if (alarmWindow) return this.behaviour.fixedAlarmIntervalMs ?? this.parameters.alarmIntervalMs;
    return this.behaviour.fixedReportIntervalMs ?? this.parameters.reportIntervalMs;
  }

  private alarmLevelNow(): number {
    return this.options.clock.now() < this.alarmUntil ? this.alarmLevel : 0;
  }

  private raiseAlarm(level: number, durationMs: number | undefined): void {
    const { clock } = this.options;
    const wasLevel3 = this.alarmLevelNow() >= 3;
    this.alarmLevel = level;
    this.alarmUntil = durationMs === undefined ? Infinity : clock.now() + durationMs;
    if (level < 3 || wasLevel3) return;
    this.level3Since = clock.now();
    if (this.phase !== "logged-in") return;
    if (this.behaviour.reissuePreFault) this.reissue(this.history.before(this.now()));
    this.report();
  }

  private reissue(reports: readonly RealtimeData2016[]): void {
    for (const data of reports) if (!this.publish("reissue", reissueFrame(this.vin, data))) this.outbox.push(data);
  }

  /** After an outage or a new login: reissue what was stored meanwhile. */
  private flushOutbox(): void {
    if (this.phase !== "logged-in" || this.link?.online !== true) return;
    const stored = this.outbox.take();
    const { reissue } = this.behaviour;
    this.reissue(reissue === "none" ? [] : reissue === "every-other" ? stored.filter((_, i) => i % 2 === 0) : stored);
  }

  private obey(frame: Frame, violations: readonly Violation[]): void {
    const outcome = answerCommand(frame, violations, { vin: this.vin, time: beijingTime(this.now()), parameters: this.parameters, behaviour: this.behaviour, factory: this.factory });
    if (outcome.refused !== undefined) this.options.log(`refused platform command 0x${frame.command.toString(16)}: ${outcome.refused}`);
    this.publish("tboxAnswer", outcome.answer);
    if (outcome.changed) this.applyParameters();
  }

  /** Runs the report and heartbeat tasks at the periods now in force. */
  private applyParameters(): void {
    this.reporting?.setPeriod(this.reportInterval());
    this.heartbeat?.setPeriod(this.parameters.heartbeatIntervalMs);
  }

  private async cutLink(durationMs: number | undefined): Promise<UtAnswer> {
    const { clock } = this.options;
    await this.link?.cut();
    this.timers.linkRestore();
    if (durationMs !== undefined) {
      this.timers.linkRestore = clock.schedule(clock.now() + durationMs, () => {
        void this.restoreLink().then((answer) => answer.reason !== undefined && this.options.log(`link not restored: ${answer.reason}`));
      });
    }
    return done;
  }

  private async restoreLink(): Promise<UtAnswer> {
    this.timers.linkRestore();
    try {
      await this.link?.restore();
      return done;
    } catch (error) {
      return { result: UtResult.FAILED, reason: `cannot reconnect: ${(error as Error).message}` };
    }
  }
}

const noop: Cancel = () => undefined;
