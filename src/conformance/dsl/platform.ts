import { randomBytes } from "node:crypto";
import {
  ChargingState,
  Command,
  DcDcState,
  Edition,
  Encryption,
  GearPosition,
  ResponseFlag,
  RunningMode,
  VehicleState,
  type Frame,
  type RealtimeData2016,
  type Time,
} from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { TboxLogins } from "../../sim/fleet/tbox-login.ts";
import { beijingTime } from "../../sim/index.ts";
import { vehicleVin } from "../../sim/scenario/vin.ts";
import type { BusDriver, BusObservation } from "../bus-driver.ts";
import type { EvidenceItem } from "../verdict.ts";
import { frameOf } from "./tbox.ts";

/** The frame of an observation (shared with the tbox checks: both roles speak GB/T 32960). */
export { frameOf };

/**
 * The harness playing GB/T 32960-2016 vehicles towards a platform under test, and the checks of
 * the platform's answers that the platform test purposes and the reference platform's tests share.
 */

/** GB/T 32960.3-2016 table 13: vehicle speed in 0.1 km/h, at most 220 km/h. */
const MAX_SPEED = 2200;

/** Whether a frame is an error answer to a realtime or reissue report. */
export function isReportError(frame: Frame): boolean {
  return (frame.command === Command.REALTIME || frame.command === Command.REISSUE) && frame.responseFlag === ResponseFlag.ERROR;
}

/** "2026-11-26 13:23:40" (Beijing time). */
export function formatTime(t: Time): string {
  const two = (n: number): string => String(n).padStart(2, "0");
  return `20${two(t.year)}-${two(t.month)}-${two(t.day)} ${two(t.hour)}:${two(t.minute)}:${two(t.second)}`;
}

/** A number that orders times as the instants they name (valid times only). */
function timeKey(t: Time): number {
  return ((((t.year * 100 + t.month) * 100 + t.day) * 100 + t.hour) * 100 + t.minute) * 100 + t.second;
}

/** The earliest and latest time a time-calibration answer may carry. */
export interface CalibrationWindow {
  readonly from: Time;
  readonly to: Time;
}

/**
 * The times the platform's clock may have shown while an exchange lasted: from the whole second
 * before the request was sent to the answer's arrival, widened by `toleranceMs` either side.
 */
export function calibrationWindow(askedAt: number, answeredAt: number, toleranceMs: number): CalibrationWindow {
  return { from: beijingTime(askedAt - 1000 - toleranceMs), to: beijingTime(answeredAt + toleranceMs) };
}

/** Whether `time` lies in the window, both ends included. */
export function withinWindow(time: Time, window: CalibrationWindow): boolean {
  const key = timeKey(time);
  return key >= timeKey(window.from) && key <= timeKey(window.to);
}

/** The number of reports a query interface answer lists ({"reports": [...]}), or undefined when it lists none. */
export function reportsListed(body: unknown): number | undefined {
  const reports = typeof body === "object" && body !== null ? (body as { reports?: unknown }).reports : undefined;
  return Array.isArray(reports) ? reports.length : undefined;
}

/** A report of the whole-vehicle and position units, collected at `collectedAt`, the speed in 0.1 km/h. */
function reportData(collectedAt: number, speed = 0): RealtimeData2016 {
  return {
    time: beijingTime(collectedAt),
    units: [
      {
        vehicle: {
          vehicleState: VehicleState.STARTED,
          chargingState: ChargingState.NOT_CHARGING,
          runningMode: RunningMode.ELECTRIC,
          speed: { value: speed },
          odometer: { value: 123_456 },
          totalVoltage: { value: 3552 },
          totalCurrent: { value: 10_000 },
          soc: { value: 72 },
          dcDcState: DcDcState.WORKING,
          gear: { state: { position: GearPosition.DRIVE, brakingForce: false, drivingForce: speed > 0, reserved: 0 } },
          insulationResistance: { value: 20_000 },
          acceleratorPedal: { value: 0 },
          brakePedal: { value: 0 },
        },
      },
      { position: { status: 0, longitude: { value: 116_397_128 }, latitude: { value: 39_916_527 } } },
    ],
  };
}

/** A response flag by name, e.g. "VIN_DUPLICATE". */
export function flagName(flag: ResponseFlag | undefined): string {
  if (flag === undefined) return "no answer or an undecodable one";
  return Object.entries(ResponseFlag).find(([, value]) => value === flag)?.[0] ?? `response flag ${flag}`;
}

/** What came of a message the harness sent as a vehicle. */
export interface Exchange {
  readonly sentAt: number;
  /** The platform's answer; undefined when none came in time. */
  readonly answer: BusObservation | undefined;
  readonly flag: ResponseFlag | undefined;
  readonly evidence: EvidenceItem[];
}

/** `count` VINs no other test or run uses. */
export function freshVins(count: number): string[] {
  const group = `harness-${randomBytes(6).toString("hex")}`;
  return Array.from({ length: count }, (_, n) => vehicleVin(group, n));
}

/** A vehicle the harness plays: it sends as a T-Box with its VIN would, and finds the platform's answers to it. */
export class SimulatedVehicle {
  readonly vin: string;
  private readonly bus: BusDriver;
  private readonly logins: TboxLogins;
  private serial = 0;

  constructor(bus: BusDriver, vin: string) {
    this.bus = bus;
    this.vin = vin;
    this.logins = new TboxLogins(vin);
  }

  /** Sends a login with the next login serial. */
  sendLogin(): Promise<EvidenceItem> {
    const frame = this.logins.next(Date.now());
    this.serial = frame.vehicleLogin2016?.serial.value ?? 0;
    return this.send("login", frame, `${this.vin} logs in with serial ${this.serial}`);
  }

  logout(): Promise<EvidenceItem> {
    return this.send("logout", { ...this.header(Command.VEHICLE_LOGOUT), vehicleLogout: { time: beijingTime(Date.now()), serial: { value: this.serial } } }, `${this.vin} logs out`);
  }

  /** A valid realtime report collected now. */
  report(): Promise<EvidenceItem> {
    return this.send("realtime", { ...this.header(Command.REALTIME), realtime2016: reportData(Date.now()) }, `${this.vin} reports`);
  }

  /** A realtime report whose speed lies beyond the table's range. */
  outOfRangeReport(): Promise<EvidenceItem> {
    const speed = MAX_SPEED + 800;
    return this.send("realtime", { ...this.header(Command.REALTIME), realtime2016: reportData(Date.now(), speed) }, `${this.vin} reports a speed of ${speed / 10} km/h, beyond the range 0..${MAX_SPEED / 10}`);
  }

  /** A realtime report that cannot be decoded, where its realtime reports go. */
  undecodableReport(): Promise<EvidenceItem> {
    return this.bus.sendUndecodable("realtime", this.vin, `${this.vin} sends a realtime report that cannot be decoded`);
  }

  heartbeat(): Promise<EvidenceItem> {
    return this.send("heartbeat", { ...this.header(Command.HEARTBEAT), heartbeat: {} }, `${this.vin} sends a heartbeat`);
  }

  askTime(): Promise<EvidenceItem> {
    return this.send("timeCalibration", { ...this.header(Command.TIME_CALIBRATION), timeCalibrationRequest: {} }, `${this.vin} asks for the time`);
  }

  /** The first answer to `command` for this vehicle that arrived since `since` and `match` accepts, waiting up to `timeoutMs` for it. */
  private answer(command: Command, since: number, timeoutMs: number, match: (o: BusObservation, frame: Frame) => boolean = () => true): Promise<BusObservation | undefined> {
    return this.bus.next(
      "platformAnswer",
      timeoutMs,
      (o) => {
        const frame = frameOf(o);
        return frame?.command === command && match(o, frame);
      },
      { id: this.vin, since },
    );
  }

  /** Every answer for this vehicle that arrived since `since`. */
  answers(since: number): BusObservation[] {
    return this.bus.received("platformAnswer", { id: this.vin, since });
  }

  /**
   * Sends what `send` sends and waits up to `timeoutMs` for the answer to `command`: the answer, if
   * any, its response flag, and the evidence of both.
   */
  async exchange(command: Command, send: () => Promise<EvidenceItem>, timeoutMs: number, match: (frame: Frame) => boolean = () => true): Promise<Exchange> {
    // An answer that arrived in the same millisecond before the request is not its answer.
    const earlier = new Set(this.answers(0));
    const since = Date.now();
    const sent = await send();
    const answer = await this.answer(command, since, timeoutMs, (o, frame) => !earlier.has(o) && match(frame));
    const flag = answer === undefined ? undefined : frameOf(answer)?.responseFlag;
    return { sentAt: sent.at, answer, flag, evidence: [sent, ...(answer === undefined ? [] : [this.bus.evidence(answer, `the answer to ${this.vin}: ${flagName(flag)}`)])] };
  }

  /** The error answers to this vehicle's reports that arrived since `since`. */
  reportErrors(since: number): BusObservation[] {
    return this.answers(since).filter((o) => {
      const frame = frameOf(o);
      return frame !== undefined && isReportError(frame);
    });
  }

  /**
   * Logs in and waits up to `timeoutMs` for the answer. An answer echoing an earlier login's serial
   * (an MQTT redelivery of an earlier answer) is not the answer to this one.
   */
  login(timeoutMs: number): Promise<Exchange> {
    // Matched once the login is sent, so this.serial is its serial.
    return this.exchange(Command.VEHICLE_LOGIN, () => this.sendLogin(), timeoutMs, (f) => f.vehicleLogin2016 === undefined || f.vehicleLogin2016.serial.value === this.serial);
  }

  private header(command: Command): Pick<Frame, "edition" | "command" | "responseFlag" | "uniqueId" | "encryption"> {
    return { edition: Edition.EDITION_2016, command, responseFlag: ResponseFlag.COMMAND, uniqueId: this.vin, encryption: Encryption.NONE };
  }

  private send(kind: "login" | "logout" | "realtime" | "heartbeat" | "timeCalibration", frame: Frame, summary: string): Promise<EvidenceItem> {
    return this.bus.send(kind, this.vin, frame, summary);
  }
}
