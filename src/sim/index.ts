export { every, RealClock, VirtualClock, type Cancel, type Clock } from "./clock.ts";
export { Random } from "./random.ts";
export { ecefToGeodetic, geodesicInverse, geodeticToEcef, headingOf, LocalFrame, normalizeDegrees, WGS84, type Ecef, type Enu, type GeoPoint, type Geodesic } from "./geo.ts";
export {
  minuteOfTheYear,
  positionConfidence,
  secMark,
  toCentimetres,
  toPosition3D,
  toTimeMark,
  toWireAcceleration,
  toWireElevation,
  toWireHeading,
  toWireLatitude,
  toWireLongitude,
  toWireSpeed,
  toWireYawRate,
} from "./wire-units.ts";
export { SpecError } from "./spec-error.ts";
export { Polyline, type PointOnLine } from "./polyline.ts";
export {
  nodeKey,
  RoadNetwork,
  type Connection,
  type ConnectionSpec,
  type Lane,
  type LaneSpec,
  type Link,
  type LinkSpec,
  type Maneuver,
  type NodeRef,
  type NodeSpec,
  type RoadNetworkSpec,
} from "./road-network.ts";
export { positionOffset } from "./position-offset.ts";
export { buildMapData, maneuverBits, nodeReference } from "./map-message.ts";
export { SignalController, type LightInterval, type PhaseTimingSpec, type SignalPlanSpec } from "./signal-controller.ts";
export { buildSpat } from "./spat-message.ts";
export { approachSpeed, DEFAULT_DRIVER, idmAcceleration, integrate, type DriverSpec, type Obstacle } from "./idm.ts";
export { laneKey, planRoute, pointOnPath, segmentIndexAt, type Path, type PathSegment, type RouteSpec, type StopLine } from "./route.ts";
export { DEFAULT_VEHICLE_SIZE, resolveVehicleSpec, stopsAtLine, type ResolvedVehicleSpec, type VehicleSizeSpec, type VehicleSpec, type VehicleState } from "./vehicle.ts";
export { World, type WorldOptions } from "./world.ts";
export { MsgCounter } from "./msg-count.ts";
export { BsmSender, DEFAULT_BSM_OPTIONS, type BsmOptions } from "./bsm.ts";
export { activeItems, buildRsi, type RoadEventSpec, type RsiItemSpec, type TrafficSignSpec } from "./rsi-message.ts";
export { buildRsms, MAX_PARTICIPANTS, RSM_SOURCES, type DetectedVehicle, type RsmSender, type RsmSource } from "./rsm-message.ts";
export { DEFAULT_RSU_PERIODS, Rsu, type BsmIdLookup, type RsuMessage, type RsuMessageKind, type RsuPeriods, type RsuSpec } from "./rsu.ts";
export { batteryCurrent, batteryPower, cellOpenCircuitVoltage, DEFAULT_BATTERY, DEFAULT_POWERTRAIN, wheelForce, type BatterySpec, type PowertrainSpec } from "./powertrain.ts";
export { beijingTime, TboxModel, type AlarmSpec, type GeneralAlarm, type TboxSpec } from "./tbox.ts";
export { builtInScenarioPath, listBuiltInScenarios } from "./scenario/built-in-scenarios.ts";
export { loadScenario, type LoadScenarioOptions, type LoadScenarioResult, type ScenarioSource } from "./scenario/load-scenario.ts";
export { ResolvedScenario, type ScenarioShard, type ScenarioSpecs } from "./scenario/resolved-scenario.ts";
export { formatScenarioError, type ScenarioError } from "./scenario/scenario-error.ts";
export type { ScenarioFile } from "./scenario/scenario-file.ts";
export { SCENARIO_SCHEMA, scenarioSchemaJson, writeScenarioSchema } from "./scenario/scenario-schema.ts";
