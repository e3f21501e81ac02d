import type { Value } from "../../schema/gen/v2xh/vss/v1/values_pb.ts";
import type { TboxModel, VehicleState } from "../../sim/index.ts";
import type { SignalStore } from "../../transport/ws/index.ts";
import type { Log } from "../shared/log.ts";

/** Actuators start in these states, so that a get has something to read before any set. */
export const INITIAL_ACTUATORS: Readonly<Record<string, string>> = {
  "Vehicle.Cabin.Door.Row1.DriverSide.IsOpen": "false",
  "Vehicle.Cabin.Door.Row1.DriverSide.IsLocked": "true",
  "Vehicle.Cabin.Door.Row1.DriverSide.Window.Position": "0",
  "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature": "22",
  "Vehicle.Cabin.Infotainment.Media.Volume": "30",
  "Vehicle.Body.Lights.Beam.Low.IsOn": "true",
  "Vehicle.Body.Lights.Hazard.IsSignaling": "false",
  "Vehicle.Body.Trunk.Rear.IsOpen": "false",
  "Vehicle.ADAS.CruiseControl.IsActive": "false",
  "Vehicle.Powertrain.TractionBattery.Charging.ChargeLimit": "90",
};

/** The sensors of a driving vehicle, as VSS values. */
export function sensorValues(state: VehicleState, tbox: TboxModel, epochMs: number): Record<string, string> {
  const soc = (tbox.soc * 100).toFixed(1);
  return {
    "Vehicle.Speed": (state.speed * 3.6).toFixed(1),
    "Vehicle.IsMoving": String(state.speed > 0),
    "Vehicle.TraveledDistance": String(Math.floor(tbox.odometer * 1000)),
    "Vehicle.CurrentLocation.Latitude": state.geo.lat.toFixed(7),
    "Vehicle.CurrentLocation.Longitude": state.geo.lon.toFixed(7),
    "Vehicle.CurrentLocation.Heading": state.heading.toFixed(1),
    "Vehicle.CurrentLocation.Altitude": state.geo.elevation.toFixed(1),
    "Vehicle.CurrentLocation.Timestamp": new Date(epochMs).toISOString(),
    "Vehicle.Acceleration.Longitudinal": state.acceleration.toFixed(2),
    "Vehicle.AngularVelocity.Yaw": state.yawRate.toFixed(2),
    "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current": soc,
    "Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed": soc,
  };
}

/** Writes values into the store, logging any it refuses. */
export function feed(store: SignalStore, values: Readonly<Record<string, string>>, log: Log): void {
  for (const [path, scalar] of Object.entries(values)) {
    const value: Value = { scalar };
    const outcome = store.set(path, value);
    if (!outcome.ok) log(`signal feed: ${outcome.detail}`);
  }
}
