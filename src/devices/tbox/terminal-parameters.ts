import { SamplingMonitoring, type Parameter } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";

/** The member of Parameter for each 2016 parameter ID, 0x01..0x10 (GB/T 32960.3-2016 table B.12). */
const MEMBERS = [
  "localStoragePeriod",
  "normalReportPeriod",
  "alarmReportPeriod",
  "remoteDomainLength",
  "remoteDomain",
  "remotePort",
  "hardwareVersion",
  "firmwareVersion",
  "heartbeatPeriod",
  "terminalResponseTimeout",
  "platformResponseTimeout",
  "loginRetryInterval",
  "publicDomainLength",
  "publicDomain",
  "publicPort",
  "samplingMonitoring",
] as const satisfies readonly (keyof Parameter)[];

/** A domain item and the length item that must come before it. */
const LENGTH_BEFORE: ReadonlyMap<number, number> = new Map([
  [0x05, 0x04],
  [0x0e, 0x0d],
]);

/** The parameter ID of an item; undefined for user-defined and 2025 items. */
export function parameterId(parameter: Parameter): number | undefined {
  const index = MEMBERS.findIndex((member) => parameter[member] !== undefined);
  return index < 0 ? undefined : index + 1;
}

/** What the terminal is configured with when it starts. */
export interface TerminalSettings {
  readonly reportIntervalMs: number;
  readonly alarmIntervalMs: number;
  readonly heartbeatIntervalMs: number;
  readonly answerTimeoutMs: number;
  readonly loginRetryIntervalMs: number;
  /** The platform's address: the broker the T-Box reports through. */
  readonly host: string;
  readonly port: number;
}

export const HARDWARE_VERSION = "H1.00";
export const FIRMWARE_VERSION = "F1.00";

/** The settings of a terminal fresh from the factory. */
export const FACTORY_SETTINGS: Omit<TerminalSettings, "host" | "port"> = {
  reportIntervalMs: 10_000,
  alarmIntervalMs: 1000,
  heartbeatIntervalMs: 30_000,
  answerTimeoutMs: 60_000,
  loginRetryIntervalMs: 30 * 60_000,
};

/** Every 2016 parameter for these settings, by ID. */
export function parameterTable(settings: TerminalSettings): Map<number, Parameter> {
  const host = settings.host.slice(0, 255);
  const list: Parameter[] = [
    { localStoragePeriod: { value: 1000 } },
    { normalReportPeriod: { value: settings.reportIntervalMs / 1000 } },
    { alarmReportPeriod: { value: settings.alarmIntervalMs } },
    { remoteDomainLength: host.length },
    { remoteDomain: host },
    { remotePort: { value: settings.port } },
    { hardwareVersion: HARDWARE_VERSION },
    { firmwareVersion: FIRMWARE_VERSION },
    { heartbeatPeriod: { value: settings.heartbeatIntervalMs / 1000 } },
    { terminalResponseTimeout: { value: 60 } },
    { platformResponseTimeout: { value: settings.answerTimeoutMs / 1000 } },
    { loginRetryInterval: { value: settings.loginRetryIntervalMs / 60_000 } },
    { publicDomainLength: host.length },
    { publicDomain: host },
    { publicPort: { value: settings.port } },
    { samplingMonitoring: SamplingMonitoring.NO },
  ];
  return new Map(list.map((parameter, i) => [i + 1, parameter]));
}

/**
 * The terminal parameters in force (GB/T 32960.3-2016 table B.12): what a query reads, what a set
 * writes, and the periods the T-Box runs by.
 */
export class TerminalParameters {
  private readonly table: Map<number, Parameter>;

  constructor(settings: TerminalSettings) {
    this.table = parameterTable(settings);
  }

  /** Parameter 0x02, ms. */
  get reportIntervalMs(): number {
    return (this.table.get(0x02)?.normalReportPeriod?.value ?? 10) * 1000;
  }

  /** Parameter 0x03, ms; 0 means "no faster than the normal period" and counts as 1 s. */
  get alarmIntervalMs(): number {
    return this.table.get(0x03)?.alarmReportPeriod?.value || 1000;
  }

  /** Parameter 0x09, ms. */
  get heartbeatIntervalMs(): number {
    return (this.table.get(0x09)?.heartbeatPeriod?.value ?? 30) * 1000;
  }

  /** The items for `ids` from `table` (all of it for no ids), each domain after its length; unknown IDs are left out. */
  static read(table: ReadonlyMap<number, Parameter>, ids: readonly number[]): Parameter[] {
    const wanted = ids.length === 0 ? [...table.keys()] : ids;
    const out: number[] = [];
    for (const id of wanted) {
      const length = LENGTH_BEFORE.get(id);
      if (length !== undefined && !out.includes(length)) out.push(length);
      if (table.has(id)) out.push(id);
    }
    return out.map((id) => table.get(id) as Parameter);
  }

  query(ids: readonly number[]): Parameter[] {
    return TerminalParameters.read(this.table, ids);
  }

  /** Why a set of these items cannot be applied, beyond the schema's rules; undefined when it can. */
  refusal(parameters: readonly Parameter[]): string | undefined {
    for (const parameter of parameters) {
      if (parameterId(parameter) === undefined) return "only the 2016 parameters 0x01..0x10 can be set";
      const value = Object.values(parameter)[0] as unknown;
      if (typeof value === "object" && value !== null && "marker" in value) return "a parameter set carries values, not abnormal or invalid markers";
    }
    return undefined;
  }

  apply(parameters: readonly Parameter[]): void {
    for (const parameter of parameters) {
      const id = parameterId(parameter);
      if (id !== undefined) this.table.set(id, parameter);
    }
  }
}
