import { nodeKey, type LinkSpec } from "../road-network.ts";
import type { Detail } from "./scenario-error.ts";
import type { ScenarioModel, SignalPlanModel, VehicleGroupModel } from "./scenario-model.ts";

/** Lookups the rules share; where ids repeat, the first one wins (the repeat is itself an error). */
export interface ScenarioIndex {
  /** Node keys ("region/id") in file order. */
  readonly nodes: ReadonlySet<string>;
  readonly links: ReadonlyMap<string, LinkSpec>;
  /** By node key. */
  readonly plans: ReadonlyMap<string, SignalPlanModel>;
  readonly groups: ReadonlyMap<string, VehicleGroupModel>;
}

/** What a rule sees and how it reports: paths are JSON pointers into the file. */
export interface RuleContext {
  readonly model: ScenarioModel;
  readonly index: ScenarioIndex;
  error(path: string, message: string, detail?: Detail): void;
  warning(path: string, message: string, detail?: Detail): void;
}

/** A named check of one requirement the schema cannot express. */
export type Rule = (context: RuleContext) => void;

export function indexScenario(model: ScenarioModel): ScenarioIndex {
  return {
    nodes: new Set(model.network.nodes.map(nodeKey)),
    links: firstBy(model.network.links, (l) => l.id),
    plans: firstBy(model.signals, (p) => nodeKey(p.node)),
    groups: firstBy(model.groups, (g) => g.name),
  };
}

function firstBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  for (const item of items) if (!out.has(key(item))) out.set(key(item), item);
  return out;
}

/**
 * Reports each item whose key (as shown to the user) occurs earlier in the list, at the repeat,
 * naming where it first occurred.
 */
export function reportRepeats<T>(context: RuleContext, items: readonly T[], key: (item: T) => string, path: (i: number) => string, what: string): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const earlier = first.get(k);
    if (earlier === undefined) first.set(k, i);
    else context.error(path(i), `duplicate ${what}, also at ${path(earlier)}`, { expected: `a ${what} used once`, got: k });
  });
}

/** "a, b, c" of quoted ids for messages. */
export const quoted = (ids: Iterable<string>): string[] => [...ids].map((id) => JSON.stringify(id));
