import { RealClock, type Clock } from "../../sim/index.ts";
import { loadRegistry, type Registry } from "../../schema/index.ts";
import type { ReconnectOptions } from "../../transport/mqtt/index.ts";
import { DeviceError } from "../device-error.ts";
import { silent, type Log } from "./log.ts";

/** What every reference device takes. */
export interface DeviceOptions {
  /** The device's id: the {id} of its topics and of its upper-tester topics. Default: per role. */
  readonly id?: string;
  /** Where the device gets the time. Default: a RealClock. */
  readonly clock?: Clock;
  /** Seed of the device's random streams (ids, lane choices, initial counters). Default: the id. */
  readonly seed?: number | string;
  /** Names of faults to switch on (see listFaults). Default: none, a correct device. */
  readonly faults?: readonly string[];
  /** Where the device reports what it ignored or refused. Default: nowhere. */
  readonly log?: Log;
  /** Schema registry. Default: the package's proto/, loaded once. */
  readonly registry?: Registry;
}

/** What every device on the MQTT bus (obu, rsu, tbox, platform) takes as well. */
export interface BusDeviceOptions extends DeviceOptions {
  /** Broker URL, e.g. "mqtt://127.0.0.1:1883". Required. */
  readonly broker: string;
  /** Topic template with {role}, {id}, {dir} and {type}. Default: "v2x/v1/{role}/{id}/{dir}/{type}". */
  readonly topicTemplate?: string;
  /** 4 for MQTT 3.1.1, 5 for MQTT 5. Default: 5. */
  readonly protocolVersion?: 4 | 5;
  /** Payload encoding. Default: "protobuf". */
  readonly encoding?: "protobuf" | "json";
  /** Reconnect backoff of the data connection. Default: the MQTT binding's. */
  readonly reconnect?: Partial<ReconnectOptions>;
  /** Answer upper-tester requests on v2x/v1/ut/<id>/request. Default: true. */
  readonly upperTester?: boolean;
}

/** The common options with their defaults filled in. */
export interface ResolvedDeviceOptions {
  readonly id: string;
  readonly clock: Clock;
  readonly seed: number | string;
  readonly faults: readonly string[];
  readonly log: Log;
  readonly registry: Registry;
}

export function resolveDeviceOptions(options: DeviceOptions, defaultId: string): ResolvedDeviceOptions {
  const id = options.id ?? defaultId;
  if (!/^[\x21-\x7e]{1,64}$/.test(id) || /[/+#]/.test(id)) {
    throw new DeviceError("DeviceOptionError", `device id ${JSON.stringify(id)} must be 1 to 64 printable ASCII characters without "/", "+", "#" or spaces`);
  }
  return {
    id,
    clock: options.clock ?? new RealClock(),
    seed: options.seed ?? id,
    faults: options.faults ?? [],
    log: options.log ?? silent,
    registry: options.registry ?? loadRegistry(),
  };
}

/** Throws a DeviceOptionError unless `value` is an integer in min..max. */
export function checkInteger(name: string, value: number, min: number, max: number, unit = ""): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new DeviceError("DeviceOptionError", `${name} must be an integer ${min}..${max}${unit === "" ? "" : ` ${unit}`}, got ${value}`);
  }
}

/** Throws a DeviceOptionError unless `ms` is a whole number of `unitMs` (a second, a minute) within min..max of them. */
export function checkWhole(name: string, ms: number, unitMs: number, min: number, max: number, unit: string): void {
  const count = ms / unitMs;
  if (!Number.isInteger(count) || count < min || count > max) {
    throw new DeviceError("DeviceOptionError", `${name} must be whole ${unit} from ${min} to ${max} (${min * unitMs}..${max * unitMs} ms), got ${ms}`);
  }
}
