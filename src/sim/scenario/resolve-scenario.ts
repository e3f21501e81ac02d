import { nodeKey, type NodeRef } from "../road-network.ts";
import type { RsiItemSpec } from "../rsi-message.ts";
import type { RsuSpec } from "../rsu.ts";
import type { SignalPlanSpec } from "../signal-controller.ts";
import { atTime } from "./epoch-time.ts";
import { expandGroups } from "./expand-groups.ts";
import { ResolvedScenario } from "./resolved-scenario.ts";
import type { RsuModel, ScenarioModel } from "./scenario-model.ts";

/** The simulation specs of a checked scenario starting at `start` (epoch ms): relative times become absolute. */
export function resolveScenario(model: ScenarioModel, start: number): ResolvedScenario {
  const signalPlans: SignalPlanSpec[] = model.signals.map((plan) => ({ node: plan.node, offset: atTime(start, plan.offset) / 1000, phases: plan.phases }));
  const fleet = expandGroups(model, start);
  return new ResolvedScenario({
    name: model.name,
    description: model.description,
    seed: model.seed,
    start,
    duration: Math.round(model.duration * 1000),
    network: model.network,
    signalPlans,
    rsus: model.rsus.map((rsu) => rsuSpec(rsu, model, signalPlans, start)),
    ...fleet,
  });
}

function rsuSpec(rsu: RsuModel, model: ScenarioModel, signalPlans: readonly SignalPlanSpec[], start: number): RsuSpec {
  const { mapNodes, spatNodes, events, signs, ...rest } = rsu;
  const mapped: readonly NodeRef[] = mapNodes ?? model.network.nodes;
  const spatKeys = new Set((spatNodes ?? mapped).map(nodeKey));
  const items: RsiItemSpec[] = [...events, ...signs].map(({ from, until, ...item }) => ({ ...item, activeFrom: atTime(start, from), activeUntil: atTime(start, until) }));
  return {
    ...rest,
    ...(mapNodes === undefined ? {} : { mapNodes }),
    signalPlans: signalPlans.filter((plan) => spatKeys.has(nodeKey(plan.node))),
    events: items,
  };
}
