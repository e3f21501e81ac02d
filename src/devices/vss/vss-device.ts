import { Random, TboxModel } from "../../sim/index.ts";
import { MemorySignalStore, VISS_ERROR_PROFILES, VissServer, type SignalStore, type VissErrorProfile, type VissErrorProfileName } from "../../transport/ws/index.ts";
import { DeviceError } from "../device-error.ts";
import { behaviourWith } from "../fault.ts";
import type { RunningDevice } from "../running-device.ts";
import { ArterialDrive, STEP_MS } from "../shared/arterial-drive.ts";
import { checkInteger, resolveDeviceOptions, type DeviceOptions } from "../shared/device-options.ts";
import { Periodic } from "../shared/periodic.ts";
import { testScenario } from "../shared/test-network.ts";
import { changesFrames, REFERENCE_VSS, type VssBehaviour } from "./behaviour.ts";
import { FaultProxy } from "./fault-proxy.ts";
import { VSS_FAULTS } from "./faults.ts";
import { feed, INITIAL_ACTUATORS, sensorValues } from "./signal-feed.ts";
import { withLostSets } from "./lost-sets.ts";
import { withWritableSensors } from "./writable-sensors.ts";

export interface VssOptions extends DeviceOptions {
  /** Interface to listen on. Default: "127.0.0.1". */
  readonly host?: string;
  /** Port to listen on; 0 picks a free one. Default: 0. */
  readonly port?: number;
  /** Answer a set without an access token with the missing-token error (tokens are not verified). Default: true. */
  readonly requireToken?: boolean;
  /** The (number, reason) pairs of error answers. Default: "viss2-strict". */
  readonly errorProfile?: VissErrorProfileName;
}

export interface VssDevice extends RunningDevice {
  readonly role: "vss";
  /** ws://host:port of the VISS v2 server. */
  readonly url: string;
}

const SUBPROTOCOLS = ["VISSv2"];

/**
 * A reference VISS v2 server over the shipped VSS catalogue, with the sensors of a vehicle driving
 * the test network (speed, position, odometer, state of charge, …) updated every 100 ms and
 * actuators that a client with an access token can set.
 */
export async function startVss(options: VssOptions): Promise<VssDevice> {
  const resolved = resolveDeviceOptions(options, "vss-1");
  const behaviour = behaviourWith("vss", REFERENCE_VSS, VSS_FAULTS, resolved.faults);
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  checkInteger("port", port, 0, 65535);
  const profileName = options.errorProfile ?? "viss2-strict";
  if (VISS_ERROR_PROFILES[profileName] === undefined) throw new DeviceError("DeviceOptionError", `errorProfile must be one of ${Object.keys(VISS_ERROR_PROFILES).join(", ")}, got ${JSON.stringify(profileName)}`);
  const { clock, registry, log } = resolved;
  const store = MemorySignalStore.fromCatalogueFile(registry, undefined, () => clock.now());
  feed(store, INITIAL_ACTUATORS, log);
  const vehicle = new SimulatedVehicle(resolved.seed, resolved.id, clock.now());
  feed(store, vehicle.sensors(clock.now()), log);
  const updates = new Periodic(clock, STEP_MS, (at) => feed(store, vehicle.sensors(at), log), clock.now() + STEP_MS);
  const requireToken = (options.requireToken ?? true) && !behaviour.tokenOptional;
  const proxied = changesFrames(behaviour);
  let server: VissServer | undefined;
  let proxy: FaultProxy | undefined;
  try {
    server = await VissServer.listen({
      registry,
      store: servedStore(store, behaviour),
      host: proxied ? "127.0.0.1" : host,
      port: proxied ? 0 : port,
      subprotocols: SUBPROTOCOLS,
      requireTokenForSet: requireToken,
      errorProfile: errorProfile(VISS_ERROR_PROFILES[profileName], behaviour),
      timeSource: () => clock.now(),
    });
    if (proxied) proxy = await FaultProxy.listen(host, port, server.url, SUBPROTOCOLS, behaviour);
  } catch (cause) {
    updates.stop();
    await server?.close();
    throw new DeviceError("DeviceStartError", `cannot serve VISS on ${host}:${port}: ${(cause as Error).message}`, cause);
  }
  const url = proxy?.url ?? server.url;
  return {
    role: "vss",
    id: resolved.id,
    faults: resolved.faults,
    url,
    describe: [
      `VISS v2 (subprotocol VISSv2) on ${url}, error profile ${profileName}`,
      `sensors of a vehicle driving the test network, updated every ${STEP_MS} ms; actuators settable${requireToken ? " with an access token" : ""}`,
    ],
    stop: async () => {
      updates.stop();
      await proxy?.close();
      await server.close();
    },
  };
}

/** The store the server answers clients from: the feed's store, seen through the behaviour's faults. */
function servedStore(store: SignalStore, behaviour: VssBehaviour): SignalStore {
  const writable = behaviour.sensorsWritable ? withWritableSensors(store) : store;
  return behaviour.applySets ? writable : withLostSets(writable);
}

function errorProfile(profile: VissErrorProfile, behaviour: VssBehaviour): VissErrorProfile {
  return behaviour.unknownPathError === undefined ? profile : { ...profile, "unknown-path": behaviour.unknownPathError };
}

/** The vehicle behind the sensors. */
class SimulatedVehicle {
  private readonly drive: ArterialDrive;
  private readonly tbox: TboxModel;

  constructor(seed: number | string, id: string, start: number) {
    const scenario = testScenario();
    const random = new Random(seed);
    const [spec] = Object.values(scenario.tboxes);
    this.drive = new ArterialDrive(scenario, start, id, random);
    this.tbox = new TboxModel({ ...spec, vin: spec?.vin ?? "LVSSREFERENCE0001", alarms: [] }, random.fork(`vehicle:${id}`));
  }

  sensors(epochMs: number): Record<string, string> {
    this.drive.advanceTo(epochMs, (state) => this.tbox.update(state, STEP_MS / 1000));
    return sensorValues(this.drive.stateAt(epochMs), this.tbox, epochMs);
  }
}
