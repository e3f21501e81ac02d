import type { RoleDefinition } from "./role-definition.ts";

/** The platform suite's lab parameters (PIXIT `params`). */
export interface PlatformParams {
  /** How long the platform may take to answer a login, heartbeat, time calibration, logout or bad report, and its query interface a GET, ms. */
  readonly answerTimeoutMs: number;
  /** How far the time in a time-calibration answer may lie outside the harness clock's span of the exchange, ms. */
  readonly timeToleranceMs: number;
  /** Vehicles the harness simulates at once in the load test. */
  readonly loadVehicles: number;
  /** How long the load test's vehicles report, ms. */
  readonly loadDurationMs: number;
  /** Period of each simulated vehicle's realtime reports in the load test, ms. */
  readonly loadReportIntervalMs: number;
  /** How long after the last report the query interface may take to show it, ms. */
  readonly querySettleMs: number;
  /** URL of the query interface listing the reports kept for a VIN, with "{vin}" where the VIN goes; "" when there is none. */
  readonly queryReportsUrl: string;
}

export const PLATFORM_ROLE: RoleDefinition<PlatformParams> = {
  role: "platform",
  transport: "bus",
  tcp: "connect",
  paramsSchema: {
    type: "object",
    additionalProperties: false,
    properties: {
      answerTimeoutMs: {
        type: "integer",
        minimum: 100,
        maximum: 600_000,
        default: 5000,
        description: "How long the platform may take to answer a vehicle's login, heartbeat, time calibration, logout or bad report, and its query interface a GET, ms.",
      },
      timeToleranceMs: {
        type: "integer",
        minimum: 0,
        maximum: 3_600_000,
        default: 2000,
        description:
          "How far the time a time-calibration answer carries may lie outside the span from the request to the answer on the harness clock, ms (the answer's whole second is allowed for besides): the two clocks' difference.",
      },
      loadVehicles: { type: "integer", minimum: 1, maximum: 1000, default: 20, description: "Vehicles the harness simulates at once in the load test (N), each with a VIN of its own." },
      loadDurationMs: { type: "integer", minimum: 1000, maximum: 3_600_000, default: 30_000, description: "How long the load test's vehicles report (T), ms." },
      loadReportIntervalMs: {
        type: "integer",
        minimum: 100,
        maximum: 30_000,
        default: 1000,
        description: "Period of each simulated vehicle's realtime reports in the load test, ms (GB/T 32960.3 allows 1 to 30 s; shorter loads the platform more).",
      },
      querySettleMs: {
        type: "integer",
        minimum: 0,
        maximum: 600_000,
        default: 3000,
        description: "How long after the last report the harness waits before it asks the query interface what was kept, ms.",
      },
      queryReportsUrl: {
        type: "string",
        pattern: "^(https?://.*\\{vin\\}.*)?$",
        default: "",
        description:
          'The query interface (PICS_PLATFORM_QUERY_INTERFACE): a URL with "{vin}" where the VIN goes, whose GET answers JSON {"reports": [...]} with one item per report kept for that VIN, e.g. http://platform:8080/vehicles/{vin}/reports. "" when there is none.',
      },
    },
  },
  pics: [
    {
      name: "PICS_PLATFORM_REFUSES_DUPLICATE_VIN",
      description: "A second login for a VIN with a live session is refused (VIN duplicate); not claimed: it is accepted and the old session is closed.",
      default: true,
    },
    {
      name: "PICS_PLATFORM_QUERY_INTERFACE",
      description: "The platform lists the reports it kept for a VIN through a query interface (PIXIT params.queryReportsUrl).",
      default: false,
    },
  ],
  standards: [{ standard: "GB/T 32960.3", version: "2016" }],
  observes: [{ kind: "platformAnswer", of: "any" }, { kind: "platformCommand", of: "any" }],
};
