import type { NodeRef } from "../road-network.ts";
import type { DistributionFile, NodeRefFile, ObuFile, RsuFile, ScenarioFile, TboxFile, VehicleGroupFile } from "./scenario-file.ts";
import type { Distribution, ObuModel, RsuModel, ScenarioModel, TboxEquipmentModel, VehicleGroupModel } from "./scenario-model.ts";

const KMH = 1 / 3.6;

/** The written file in the internal shape: SI units, node references resolved, scenario defaults applied. */
export function normalise(file: ScenarioFile): ScenarioModel {
  const region = file.network.region;
  const ref = (node: NodeRefFile): NodeRef => (typeof node === "number" ? { region, id: node } : { region: node.region, id: node.id });
  return {
    name: file.name,
    description: file.description ?? "",
    seed: file.seed,
    start: file.start === undefined ? undefined : Date.parse(file.start),
    duration: file.duration,
    network: {
      nodes: file.network.nodes.map(({ region: own, ...node }) => ({ ...node, region: own ?? region })),
      links: file.network.links.map((link) => ({ ...link, from: ref(link.from), to: ref(link.to), speedLimit: link.speedLimit * KMH })),
    },
    signals: (file.signals ?? []).map((plan) => ({ node: ref(plan.node), offset: plan.offset ?? 0, phases: plan.phases })),
    rsus: (file.rsus ?? []).map((rsu) => normaliseRsu(rsu, ref, file.duration)),
    groups: (file.vehicleGroups ?? []).map(normaliseGroup),
    alarms: (file.events ?? []).map((alarm) => ({ group: alarm.group, vehicles: alarm.vehicles, from: alarm.from, until: alarm.until, level: alarm.level, flags: alarm.flags ?? [] })),
  };
}

function normaliseRsu(rsu: RsuFile, ref: (node: NodeRefFile) => NodeRef, duration: number): RsuModel {
  const { mapNodes, spatNodes, events, signs, ...rest } = rsu;
  const window = <T extends { readonly from?: number; readonly until?: number }>(item: T) => ({ ...item, from: item.from ?? 0, until: item.until ?? duration });
  return {
    ...rest,
    mapNodes: mapNodes?.map(ref),
    spatNodes: spatNodes?.map(ref),
    events: (events ?? []).map((event) => ({ ...window(event), kind: "event" as const })),
    signs: (signs ?? []).map((sign) => ({ ...window(sign), kind: "sign" as const })),
  };
}

function normaliseGroup(group: VehicleGroupFile): VehicleGroupModel {
  const { name, count, departure, desiredSpeed, obu, tbox, ...vehicle } = group;
  return {
    name,
    count,
    vehicle,
    departure: { first: departure.first ?? 0, headway: departure.headway, rate: departure.rate },
    desiredSpeed: scale(desiredSpeed, KMH),
    obu: normaliseObu(obu ?? true),
    tbox: normaliseTbox(tbox ?? false),
  };
}

function normaliseObu(obu: boolean | ObuFile): ObuModel | undefined {
  if (obu === false) return undefined;
  if (obu === true) return { share: 1, options: {} };
  const { share, ...options } = obu;
  return { share: share ?? 1, options };
}

function normaliseTbox(tbox: boolean | TboxFile): TboxEquipmentModel | undefined {
  if (tbox === false) return undefined;
  if (tbox === true) return { share: 1, options: {} };
  const { share, battery, ...rest } = tbox;
  if (battery === undefined) return { share: share ?? 1, options: rest };
  const { initialSoc, ...cells } = battery;
  return { share: share ?? 1, options: { ...rest, battery: cells, ...(initialSoc === undefined ? {} : { initialSoc }) } };
}

function scale(value: DistributionFile, factor: number): Distribution {
  if (typeof value === "number") return value * factor;
  return { mean: value.mean * factor, sd: value.sd * factor, min: value.min * factor, max: value.max * factor };
}
