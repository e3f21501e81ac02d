import { nodeKey } from "../road-network.ts";
import { knownNodes } from "./network-rules.ts";
import { reportRepeats, type Rule } from "./rule-context.ts";

const planPath = (i: number): string => `/signals/${i}`;

export const signalPlanNodesExist: Rule = (context) => {
  context.model.signals.forEach((plan, i) => {
    if (!context.index.nodes.has(nodeKey(plan.node))) context.error(`${planPath(i)}/node`, "unknown node", { expected: knownNodes(context), got: nodeKey(plan.node) });
  });
};

export const oneSignalPlanPerNode: Rule = (context) => reportRepeats(context, context.model.signals, (p) => nodeKey(p.node), (i) => `${planPath(i)}/node`, "signalised node");

export const phaseIdsUniqueInPlan: Rule = (context) => {
  context.model.signals.forEach((plan, i) => reportRepeats(context, plan.phases, (p) => String(p.id), (j) => `${planPath(i)}/phases/${j}/id`, "phase id"));
};

/** A phase no connection uses would appear in the SPAT but not in the MAP, which receivers reject. */
export const planPhasesUsedByConnections: Rule = (context) => {
  context.model.signals.forEach((plan, i) => {
    const key = nodeKey(plan.node);
    if (!context.index.nodes.has(key)) return;
    const used = new Set(context.model.network.links.filter((l) => nodeKey(l.to) === key).flatMap((l) => l.lanes.flatMap((lane) => (lane.connections ?? []).map((c) => c.phase))));
    plan.phases.forEach((phase, j) => {
      if (!used.has(phase.id)) {
        context.error(`${planPath(i)}/phases/${j}/id`, `no lane connection into node ${key} uses this phase`, { expected: "a phase that some connection names", got: String(phase.id) });
      }
    });
  });
};
