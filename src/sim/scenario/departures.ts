import type { VehicleGroupModel } from "./scenario-model.ts";

/** s between a group's departures: the headway given, or one hour over the rate; 0 for a single vehicle. */
export function headwayOf(departure: VehicleGroupModel["departure"]): number {
  if (departure.headway !== undefined) return departure.headway;
  return departure.rate === undefined ? 0 : 3600 / departure.rate;
}

/** When vehicle n of the group departs, s after the start. */
export function departureOf(group: VehicleGroupModel, n: number): number {
  return group.departure.first + n * headwayOf(group.departure);
}
