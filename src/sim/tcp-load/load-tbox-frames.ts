import { Command, Edition, Encryption, ResponseFlag, type Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { fleetScenario } from "../fleet/fleet-scenario.ts";
import { entryState } from "../fleet/standing-state.ts";
import { TboxLogins } from "../fleet/tbox-login.ts";
import { Random } from "../random.ts";
import { RoadNetwork } from "../road-network.ts";
import { TboxModel } from "../tbox.ts";
import type { VehicleState } from "../vehicle.ts";

/** Where the T-Boxes stand: at the entry of this built-in scenario's first route. */
const SCENARIO = "yizhuang-arterial";

/**
 * What the load's T-Boxes send, built as the fleet simulator builds it: logins from TboxLogins
 * (serial up by one per login), realtime reports from a TboxModel per VIN (its own cell voltages
 * and probe temperatures) of a vehicle parked on a real road, so every report is schema-true and
 * only its collection time changes.
 */
export class LoadTboxFrames {
  private readonly logins: readonly TboxLogins[];
  private readonly models: readonly TboxModel[];
  private readonly parked: VehicleState;

  constructor(vins: readonly string[]) {
    const scenario = fleetScenario(SCENARIO).at(Date.now());
    const first = scenario.vehicles[0];
    if (first === undefined) throw new Error(`the built-in scenario ${SCENARIO} has no vehicle to park`);
    const root = new Random(scenario.seed);
    this.parked = entryState(new RoadNetwork(scenario.network), first, root);
    this.logins = vins.map((vin) => new TboxLogins(vin));
    this.models = vins.map((vin) => new TboxModel({ vin }, root.fork(`tcp-load:${vin}`)));
  }

  /** The login T-Box `m` sends when its connection comes up at `epochMs`. */
  login(m: number, epochMs: number): Frame {
    return this.logins[m]!.next(epochMs);
  }

  /** The realtime report of T-Box `m` collected at `epochMs`. */
  realtime(m: number, epochMs: number): Frame {
    return this.models[m]!.realtimeFrame(this.parked, epochMs);
  }

  heartbeat(m: number): Frame {
    return { edition: Edition.EDITION_2016, command: Command.HEARTBEAT, responseFlag: ResponseFlag.COMMAND, uniqueId: this.logins[m]!.vin, encryption: Encryption.NONE, heartbeat: {} };
  }
}
