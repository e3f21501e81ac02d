import type { DriverSpec } from "../idm.ts";
import type { PowertrainSpec } from "../powertrain.ts";
import type { Maneuver } from "../road-network.ts";
import type { RsmSource } from "../rsm-message.ts";
import type { RsuPeriods } from "../rsu.ts";
import type { PhaseTimingSpec } from "../signal-controller.ts";
import type { GeneralAlarm } from "../tbox.ts";
import type { VehicleSizeSpec } from "../vehicle.ts";

// The scenario file as written, after the schema check. Units and meanings of every field are in
// the descriptions of SCENARIO_SCHEMA (scenario-schema.ts), which editors show; in short: times in
// s relative to the scenario start, speeds in km/h, lengths in m, positions in WGS-84 degrees.

export interface GeoPointFile {
  readonly lat: number;
  readonly lon: number;
  readonly elevation?: number;
}

/** A node id in the network's region, or a full { region, id }. */
export type NodeRefFile = number | { readonly region: number; readonly id: number };

export interface NodeFile {
  readonly id: number;
  readonly region?: number;
  readonly name?: string;
  readonly position: GeoPointFile;
}

export interface ConnectionFile {
  readonly link: string;
  readonly lane: number;
  readonly maneuver: Maneuver;
  readonly phase?: number;
}

export interface LaneFile {
  readonly id: number;
  readonly width: number;
  readonly maneuvers?: readonly Maneuver[];
  readonly connections?: readonly ConnectionFile[];
}

export interface LinkFile {
  readonly id: string;
  readonly name?: string;
  readonly from: NodeRefFile;
  readonly to: NodeRefFile;
  /** km/h */
  readonly speedLimit: number;
  readonly centreLine: readonly GeoPointFile[];
  readonly lanes: readonly LaneFile[];
}

export interface NetworkFile {
  readonly region: number;
  readonly nodes: readonly NodeFile[];
  readonly links: readonly LinkFile[];
}

export interface SignalPlanFile {
  readonly node: NodeRefFile;
  /** s after the scenario start. */
  readonly offset?: number;
  readonly phases: readonly PhaseTimingSpec[];
}

interface RsiItemFile {
  readonly id: number;
  /** s after the scenario start. */
  readonly from?: number;
  readonly until?: number;
  readonly position?: GeoPointFile;
  readonly description?: string;
  readonly priority?: number;
  readonly paths?: readonly { readonly points: readonly GeoPointFile[]; readonly radius: number }[];
  readonly links?: readonly { readonly link: string; readonly lanes?: readonly number[] }[];
}

export interface RoadEventFile extends RsiItemFile {
  readonly eventType: number;
  readonly source?: "unknown" | "police" | "government" | "meteorological" | "internet" | "detection";
  readonly radius?: number;
  readonly confidence?: number;
}

export interface TrafficSignFile extends RsiItemFile {
  readonly signType: number;
}

export interface RsuFile {
  readonly id: string;
  readonly position: GeoPointFile;
  readonly range: number;
  readonly mapNodes?: readonly NodeRefFile[];
  readonly spatNodes?: readonly NodeRefFile[];
  readonly events?: readonly RoadEventFile[];
  readonly signs?: readonly TrafficSignFile[];
  readonly rsmSource?: RsmSource;
  readonly rsmAccuracy?: number;
  readonly periods?: Partial<RsuPeriods>;
}

/** A fixed value, or a normal distribution clipped to [min, max] drawn once per vehicle. */
export type DistributionFile = number | { readonly mean: number; readonly sd: number; readonly min: number; readonly max: number };

export interface DepartureFile {
  readonly first?: number;
  readonly headway?: number;
  /** veh/h */
  readonly rate?: number;
}

export interface ObuFile {
  readonly share?: number;
  readonly positionAccuracy?: number;
  readonly pathHistory?: boolean;
  readonly crumbInterval?: number;
}

export interface TboxFile {
  readonly share?: number;
  readonly battery?: {
    readonly capacity?: number;
    readonly cells?: number;
    readonly temperatureProbes?: number;
    readonly internalResistance?: number;
    readonly initialSoc?: DistributionFile;
  };
  readonly powertrain?: Partial<PowertrainSpec>;
  readonly initialOdometer?: DistributionFile;
  readonly ambientTemperature?: number;
  readonly insulationResistance?: number;
  readonly socLowThreshold?: number;
}

export interface VehicleGroupFile {
  readonly name: string;
  readonly count: number;
  readonly route: { readonly links: readonly string[]; readonly lanes?: readonly number[] };
  readonly departure: DepartureFile;
  /** km/h */
  readonly desiredSpeed: DistributionFile;
  readonly vehicleClass?: number;
  readonly fuelType?: number;
  readonly size?: Partial<VehicleSizeSpec>;
  readonly driver?: Partial<DriverSpec>;
  readonly obu?: boolean | ObuFile;
  readonly tbox?: boolean | TboxFile;
  readonly loop?: boolean;
}

export interface TboxAlarmEventFile {
  readonly kind: "tboxAlarm";
  readonly group: string;
  readonly vehicles?: readonly number[];
  readonly from: number;
  readonly until: number;
  readonly level: 1 | 2 | 3;
  readonly flags?: readonly GeneralAlarm[];
}

export interface ScenarioFile {
  readonly name: string;
  readonly description?: string;
  readonly seed: number | string;
  readonly start?: string;
  readonly duration: number;
  readonly network: NetworkFile;
  readonly signals?: readonly SignalPlanFile[];
  readonly rsus?: readonly RsuFile[];
  readonly vehicleGroups?: readonly VehicleGroupFile[];
  readonly events?: readonly TboxAlarmEventFile[];
}
