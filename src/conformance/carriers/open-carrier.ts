import type { Registry } from "../../schema/index.ts";
import { HarnessError } from "../harness-error.ts";
import { hostPort, tcpCodecOf, type Pixit } from "../pixit.ts";
import type { RoleDefinition } from "../roles/role-definition.ts";
import type { Carrier, ObservationSink } from "./carrier.ts";
import { openPlatformCarrier } from "./gbt32960-platform-carrier.ts";
import { openVehiclesCarrier } from "./gbt32960-vehicles-carrier.ts";
import { openMqttCarrier } from "./mqtt-carrier.ts";

/** The carrier a bus role's PIXIT names: GB/T 32960 over TCP when it has `tcp` (listening or connecting), else the broker of `bus`. */
export async function openCarrier(pixit: Pixit, definition: Pick<RoleDefinition<unknown>, "role" | "tcp" | "observes">, registry: Registry, sink: ObservationSink): Promise<Carrier> {
  const { tcp, bus } = pixit;
  const sutId = pixit.sut.id;
  if (tcp !== undefined && "listen" in tcp) return openPlatformCarrier(hostPort(tcp.listen), sutId, definition.observes, sink, tcpCodecOf(tcp).codec);
  if (tcp !== undefined) return openVehiclesCarrier(hostPort(tcp.connect), sutId, definition.observes, sink, tcpCodecOf(tcp));
  if (bus === undefined) throw new HarnessError("ConfigError", `PIXIT: the ${definition.role} suite needs bus.url${definition.tcp === undefined ? "" : ` or tcp.${definition.tcp}`}`);
  return openMqttCarrier(bus, registry, sutId, definition.observes, sink);
}
