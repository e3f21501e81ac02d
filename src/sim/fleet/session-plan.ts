import type { ScenarioShard } from "../scenario/resolved-scenario.ts";
import type { ConnectionMode } from "./fleet-options.ts";

/** Which connection carries which device of a shard. */
export interface SessionPlan {
  /** Per connection. */
  readonly clientIds: readonly string[];
  /** Per connection: the vehicles (by id) and RSUs ("rsu-" and the id) whose traffic it carries. */
  readonly devices: readonly (readonly string[])[];
  /** The connection of each vehicle with a device, and of each RSU, by the names used in `devices`. */
  readonly sessionOf: ReadonlyMap<string, number>;
  /** Vehicles with a device (the other devices are RSUs). */
  readonly vehicles: number;
}

/** The name of an RSU among the devices of a plan. */
export const rsuDevice = (id: string): string => `rsu-${id}`;

/**
 * Per-vehicle: each vehicle with an OBU or a T-Box gets one connection for both, client id
 * `<prefix><vehicle id>`; each RSU one, `<prefix>rsu-<id>`. Shared: devices are dealt round-robin
 * over `connections` connections (fewer when there are fewer devices), client ids
 * `<prefix>shared-<shard>-<n>`, so that shards never share a client id either.
 */
export function planSessions(shard: ScenarioShard, mode: ConnectionMode, clientIdPrefix: string): SessionPlan {
  const vehicles = shard.vehicles.filter((v) => shard.obus[v.id] !== undefined || shard.tboxes[v.id] !== undefined).map((v) => v.id);
  const devices = [...vehicles, ...shard.rsus.map((r) => rsuDevice(r.id))];
  if (mode.kind === "per-vehicle") {
    return { clientIds: devices.map((d) => `${clientIdPrefix}${d}`), devices: devices.map((d) => [d]), sessionOf: new Map(devices.map((d, i) => [d, i])), vehicles: vehicles.length };
  }
  const count = Math.min(mode.connections, Math.max(1, devices.length));
  const carried: string[][] = Array.from({ length: count }, () => []);
  const sessionOf = new Map<string, number>();
  devices.forEach((device, i) => {
    carried[i % count]!.push(device);
    sessionOf.set(device, i % count);
  });
  return { clientIds: carried.map((_, n) => `${clientIdPrefix}shared-${shard.index}-${n}`), devices: carried, sessionOf, vehicles: vehicles.length };
}
