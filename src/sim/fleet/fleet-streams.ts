import type { Registry } from "../../schema/index.ts";
import type { MessageKindName } from "../../transport/message-kinds.ts";
import type { KindCounts } from "./fleet-counters.ts";
import type { FleetSender } from "./fleet-sender.ts";
import type { FleetSession } from "./fleet-session.ts";
import type { FleetTraffic } from "./fleet-traffic.ts";
import { FrameEncoder } from "./frame-encoder.ts";
import { PeriodicSchedule } from "./periodic-schedule.ts";
import { phaseOffset } from "./phase-offset.ts";
import { rsuDevice } from "./session-plan.ts";
import { topicRoute, type TopicRoute } from "./topic-route.ts";
import { warmUp } from "./warm-up.ts";

const FRAME = "v2xh.csae53.v1.MessageFrame";
const GBT_FRAME = "v2xh.gbt32960.v1.Frame";

/** A group of devices sending on one schedule. */
export interface Stream {
  readonly schedule: PeriodicSchedule;
  /** Where a message a whole period late is counted as skipped; undefined: late messages still go (RSUs: few, and several kinds per round). */
  readonly skipInto: KindCounts | undefined;
  /** Builds and stages what `member` sends at `due`. */
  send(member: number, due: number): void;
}

export interface StreamsConfig {
  readonly start: number;
  readonly end: number;
  /** BSMs per second per vehicle. */
  readonly rate: number;
  readonly realtimePeriodMs: number;
  readonly topicTemplate: string;
  readonly protocolVersion: 4 | 5;
  readonly registry: Registry;
  /** Warm the builders up before the start (real time only). */
  readonly warmUp: boolean;
}

/** The shard's send schedules, and the T-Box login state they keep per connection. */
export interface FleetStreams {
  readonly streams: readonly Stream[];
  /** A connection went down: its T-Boxes log in again before their next report. */
  connectionLost(session: number): void;
}

/**
 * The schedules of a shard's devices: every OBU's BSMs at `rate`, every T-Box's realtime reports
 * (after a login on each connection, so at the start the logins spread over the first period), and
 * each RSU's round of MAP, SPAT, RSI and RSM at its shortest period. Each device's phase depends
 * only on its vehicle's place in the scenario, so shards keep the unsharded run's send times.
 */
export function fleetStreams(traffic: FleetTraffic, sessionOf: (device: string) => FleetSession, sender: FleetSender, config: StreamsConfig): FleetStreams {
  const { start, end } = config;
  const frames = new FrameEncoder(config.registry, FRAME);
  const gbtFrames = new FrameEncoder(config.registry, GBT_FRAME);
  if (config.warmUp) warmUp(traffic.shard.scenario, frames, gbtFrames);
  const route = (kind: MessageKindName, id: string): TopicRoute => topicRoute(kind, id, config);
  const kind = (name: MessageKindName): KindCounts => sender.counters.kind(name);

  const bsmPeriod = 1000 / config.rate;
  const obuSessions = traffic.obus.map((obu) => sessionOf(obu.vehicleId));
  const bsmRoutes = traffic.obus.map((obu) => route("bsm", obu.vehicleId));
  const bsm = kind("bsm");
  const bsmStream: Stream = {
    schedule: new PeriodicSchedule({ start, end, period: bsmPeriod, phases: traffic.obus.map((obu) => phaseOffset(obu.vehicle, bsmPeriod)) }),
    skipInto: bsm,
    send: (m, due) => {
      const obu = traffic.obus[m]!;
      sender.publish(obuSessions[m]!, obu.vehicleId, bsmRoutes[m]!, bsm, due, () => frames.encode(traffic.bsm(obu, due)));
    },
  };

  const tboxSessions = traffic.tboxes.map((tbox) => sessionOf(tbox.vehicleId));
  const realtimeRoutes = traffic.tboxes.map((tbox) => route("realtime", tbox.vin));
  const loginRoutes = traffic.tboxes.map((tbox) => route("login", tbox.vin));
  const loggedIn = new Uint8Array(traffic.tboxes.length);
  const realtime = kind("realtime");
  const login = kind("login");
  const realtimeStream: Stream = {
    schedule: new PeriodicSchedule({ start, end, period: config.realtimePeriodMs, phases: traffic.tboxes.map((tbox) => phaseOffset(tbox.vehicle, config.realtimePeriodMs)) }),
    skipInto: realtime,
    send: (m, due) => {
      const tbox = traffic.tboxes[m]!;
      const session = tboxSessions[m]!;
      if (loggedIn[m] === 0 && session.connected) {
        sender.publish(session, tbox.vehicleId, loginRoutes[m]!, login, due, () => gbtFrames.encode(traffic.login(tbox, due)));
        loggedIn[m] = 1;
      }
      sender.publish(session, tbox.vehicleId, realtimeRoutes[m]!, realtime, due, () => gbtFrames.encode(traffic.realtime(tbox, due)));
    },
  };

  const rsuStreams = traffic.rsus.map((device): Stream => {
    const name = rsuDevice(device.id);
    const session = sessionOf(name);
    const routes = { map: route("map", device.id), spat: route("spat", device.id), rsi: route("rsi", device.id), rsm: route("rsm", device.id) };
    const { map, spat, rsi, rsm } = device.rsu.periods;
    return {
      schedule: new PeriodicSchedule({ start, end, period: Math.min(map, spat, rsi, rsm), phases: [0] }),
      skipInto: undefined,
      send: (_, due) => {
        for (const message of traffic.rsuMessages(device, due)) sender.publish(session, name, routes[message.kind], kind(message.kind), due, () => frames.encode(message.frame));
      },
    };
  });

  const tboxesOf = new Map<number, number[]>();
  tboxSessions.forEach((session, m) => tboxesOf.set(session.index, [...(tboxesOf.get(session.index) ?? []), m]));
  return {
    streams: [bsmStream, realtimeStream, ...rsuStreams],
    connectionLost(session) {
      for (const m of tboxesOf.get(session) ?? []) loggedIn[m] = 0;
    },
  };
}
