/**
 * The fleet simulator: one shard of a scenario as thousands of MQTT clients in one process, each
 * device sending schema-true traffic (BSMs with running msgCnt and secMark, GB/T 32960 logins and
 * realtime reports, RSU MAP/SPAT/RSI/RSM) on its own schedule, with a JSON summary of what went out,
 * how late, and what did not.
 *
 * Operating-system limits come first: in the default per-vehicle mode every vehicle holds its own
 * connection, which costs a file descriptor (`ulimit -n` must exceed the connections; the broker
 * needs as many) and a local port (at most net.ipv4.ip_local_port_range per broker address, about
 * 28,000 by default on Linux). runFleet refuses to start with a FleetLimitError naming the limit
 * when the machine falls short. Past that, each message on its own connection costs one system
 * call; `connections: shared` batches many devices' messages into a few connections instead, and
 * shards (ResolvedScenario.shard) spread a fleet over processes or machines without coordination.
 */
export { apportion, scaleVehicleGroups } from "./scale-vehicle-groups.ts";
export { FleetScenarioError, fleetScenario, type FleetScenario } from "./fleet-scenario.ts";
export { FLEET_DEFAULTS, FleetOptionsError, type ConnectionMode, type FleetInit, type FleetOptions } from "./fleet-options.ts";
export { FleetLimitError, runFleet } from "./run-fleet.ts";
export { formatProgress, type FleetProgress } from "./fleet-progress.ts";
export type { FleetSummary } from "./fleet-summary.ts";
export type { KindCounts } from "./fleet-counters.ts";
export type { DeviceGap, Outage } from "./outage-log.ts";
export type { LatenessStats } from "./lateness-histogram.ts";
export { LatenessHistogram } from "./lateness-histogram.ts";
export type { MachineInfo } from "./machine-info.ts";
export { machineInfo } from "./machine-info.ts";
export { FleetTraffic, type ObuDevice, type RsuDevice, type TboxDevice } from "./fleet-traffic.ts";
export { FrameEncoder } from "./frame-encoder.ts";
export { PeriodicSchedule } from "./periodic-schedule.ts";
export { phaseOffset } from "./phase-offset.ts";
export { publishPacket, publishPrefix } from "./publish-packet.ts";
export { mqttTransport, type MqttSessionOptions } from "./mqtt-session.ts";
export type { AcknowledgementOutcome, FleetSession, FleetTransport, SendResult, SessionListener } from "./fleet-session.ts";
export { topicRoute, type TopicRoute } from "./topic-route.ts";
export { connectionLimitProblem, ephemeralPorts, openFilesLimit } from "./os-limits.ts";
