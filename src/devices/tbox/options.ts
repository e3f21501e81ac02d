import type { TcpAddress } from "../../transport/tcp-address.ts";
import type { DataUnitKeys } from "../../wire/gbt32960/index.ts";
import { DeviceError } from "../device-error.ts";
import { checkInteger, checkWhole, type BusDeviceOptions } from "../shared/device-options.ts";
import { FACTORY_SETTINGS, type TerminalSettings } from "./terminal-parameters.ts";

export interface TboxAlarmSpec {
  /** When the alarm is raised, ms after the login. */
  readonly afterMs: number;
  readonly level: 1 | 2 | 3;
  /** How long it lasts, ms. Default: until an upper-tester initialise or the device stops. */
  readonly durationMs?: number;
}

export interface TboxOptions extends Omit<BusDeviceOptions, "broker"> {
  /** Broker URL of the MQTT bus. Required unless `tcp` is given; with `tcp` it carries only the upper tester, and without it there is none. */
  readonly broker?: string;
  /** Send GB/T 32960 frames over TCP to the platform at host:port instead of over the bus. */
  readonly tcp?: TcpAddress;
  /** Over TCP: keys of encrypted data units, to encrypt what it sends and decrypt what the platform sends. Default: none. */
  readonly keys?: DataUnitKeys;
  /**
   * Over TCP: send every frame that has a data unit (login, reports, logout, answers) encrypted with
   * AES (0x03) and `keys.aes`. SM4 (0x05) is a 2025 code, and this T-Box speaks 2016. Default: plain.
   */
  readonly encrypt?: "aes";
  /** Report interval in normal driving (parameter 0x02), ms, whole seconds from 1 s to 600 s. Default: 10000. */
  readonly reportIntervalMs?: number;
  /** Report interval during a level-3 alarm (parameter 0x03), ms, 1..60000. Default: 1000. */
  readonly alarmIntervalMs?: number;
  /** Heartbeat interval (parameter 0x09), ms, whole seconds from 1 s to 240 s. Default: 30000. */
  readonly heartbeatIntervalMs?: number;
  /** How long to wait for the platform's answer before asking again (parameter 0x0B), ms, whole seconds from 1 s to 600 s. Default: 60000. */
  readonly answerTimeoutMs?: number;
  /** Pause after three unanswered logins (parameter 0x0C), ms, whole minutes from 1 to 240. Default: 30 minutes. */
  readonly loginRetryIntervalMs?: number;
  /** How far the T-Box's own clock is off until a time calibration corrects it, ms. Default: 0. */
  readonly clockSkewMs?: number;
  /** An alarm the T-Box raises by itself after logging in. Default: none. */
  readonly alarm?: TboxAlarmSpec;
}

/** How the T-Box reaches its platform. */
export type PlatformLink = { readonly tcp: TcpAddress } | { readonly broker: string };

/** Over TCP when the options give `tcp`, else through the broker; neither is a DeviceOptionError. */
export function platformLinkOf({ tcp, broker, encrypt }: TboxOptions): PlatformLink {
  if (tcp !== undefined) return { tcp };
  if (encrypt !== undefined) throw new DeviceError("DeviceOptionError", "encrypt applies over TCP (tcp); on the bus a frame travels as a protobuf message, not in wire format");
  if (broker !== undefined) return { broker };
  throw new DeviceError("DeviceOptionError", "the T-Box needs a broker (MQTT), a platform to connect to over TCP (tcp), or both");
}

/** The terminal settings the options give, checked against the ranges of their parameters. */
export function settingsOf(options: TboxOptions): TerminalSettings {
  const settings: TerminalSettings = {
    reportIntervalMs: options.reportIntervalMs ?? FACTORY_SETTINGS.reportIntervalMs,
    alarmIntervalMs: options.alarmIntervalMs ?? FACTORY_SETTINGS.alarmIntervalMs,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? FACTORY_SETTINGS.heartbeatIntervalMs,
    answerTimeoutMs: options.answerTimeoutMs ?? FACTORY_SETTINGS.answerTimeoutMs,
    loginRetryIntervalMs: options.loginRetryIntervalMs ?? FACTORY_SETTINGS.loginRetryIntervalMs,
    ...platformAddress(platformLinkOf(options)),
  };
  checkWhole("reportIntervalMs", settings.reportIntervalMs, 1000, 1, 600, "seconds");
  checkInteger("alarmIntervalMs", settings.alarmIntervalMs, 1, 60_000, "ms");
  checkWhole("heartbeatIntervalMs", settings.heartbeatIntervalMs, 1000, 1, 240, "seconds");
  checkWhole("answerTimeoutMs", settings.answerTimeoutMs, 1000, 1, 600, "seconds");
  checkWhole("loginRetryIntervalMs", settings.loginRetryIntervalMs, 60_000, 1, 240, "minutes");
  if (options.alarm !== undefined) checkInteger("alarm.afterMs", options.alarm.afterMs, 0, 2 ** 31 - 1, "ms");
  return settings;
}

/** The platform's address as parameters 0x05 and 0x06 hold it (a port of at most 65531). */
function platformAddress(link: PlatformLink): { host: string; port: number } {
  if ("tcp" in link) return { host: link.tcp.host, port: Math.min(65531, link.tcp.port) };
  try {
    const parsed = new URL(link.broker);
    return { host: parsed.hostname, port: Math.min(65531, Number(parsed.port || 1883)) };
  } catch {
    throw new DeviceError("DeviceOptionError", `broker ${JSON.stringify(link.broker)} is not a URL such as mqtt://127.0.0.1:1883`);
  }
}
