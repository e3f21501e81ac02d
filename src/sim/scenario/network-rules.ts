import { nodeKey, type ConnectionSpec, type LinkSpec } from "../road-network.ts";
import { oneOf, showValue } from "./scenario-error.ts";
import { quoted, reportRepeats, type Rule, type RuleContext } from "./rule-context.ts";

/** The MAP's LinkList holds at most 32 links per node. */
const MAX_LINKS_INTO_NODE = 32;

const linkPath = (i: number): string => `/network/links/${i}`;
const connectionPath = (i: number, j: number, k: number): string => `${linkPath(i)}/lanes/${j}/connections/${k}`;

export const nodeIdsUnique: Rule = (context) =>
  reportRepeats(context, context.model.network.nodes, nodeKey, (i) => `/network/nodes/${i}/id`, "node (region/id)");

export const linkIdsUnique: Rule = (context) =>
  reportRepeats(context, context.model.network.links, (l) => JSON.stringify(l.id), (i) => `${linkPath(i)}/id`, "link id");

export const linkEndsExist: Rule = (context) => {
  context.model.network.links.forEach((link, i) => {
    for (const end of ["from", "to"] as const) {
      if (!context.index.nodes.has(nodeKey(link[end]))) context.error(`${linkPath(i)}/${end}`, "unknown node", { expected: knownNodes(context), got: nodeKey(link[end]) });
    }
  });
};

/** The MAP names a link only by its two nodes, so two links between the same nodes would be ambiguous. */
export const oneLinkPerNodePair: Rule = (context) =>
  reportRepeats(context, context.model.network.links, (l) => `${nodeKey(l.from)} -> ${nodeKey(l.to)}`, linkPath, "(from, to) node pair");

export const linksIntoNodeWithinMapLimit: Rule = (context) => {
  const into = new Map<string, number>();
  for (const link of context.model.network.links) into.set(nodeKey(link.to), (into.get(nodeKey(link.to)) ?? 0) + 1);
  context.model.network.nodes.forEach((node, i) => {
    const count = into.get(nodeKey(node)) ?? 0;
    if (count > MAX_LINKS_INTO_NODE) context.error(`/network/nodes/${i}`, "too many links end at this node", { expected: `at most ${MAX_LINKS_INTO_NODE} (MAP LinkList)`, got: String(count) });
  });
};

export const laneIdsUniqueInLink: Rule = (context) => {
  context.model.network.links.forEach((link, i) => reportRepeats(context, link.lanes, (l) => String(l.id), (j) => `${linkPath(i)}/lanes/${j}/id`, "lane id"));
};

/** A lane connection must reach an existing lane of a link that leaves the node where this lane's link ends. */
export const connectionsReachLanesLeavingTheNode: Rule = (context) => {
  forEachConnection(context, (link, connection, path) => {
    const target = context.index.links.get(connection.link);
    const leaving = context.model.network.links.filter((l) => nodeKey(l.from) === nodeKey(link.to)).map((l) => l.id);
    const expected = `a link leaving node ${nodeKey(link.to)}, where ${JSON.stringify(link.id)} ends: ${oneOf(quoted(leaving))}`;
    if (target === undefined) {
      context.error(`${path}/link`, "unknown link", { expected, got: showValue(connection.link) });
    } else if (nodeKey(target.from) !== nodeKey(link.to)) {
      context.error(`${path}/link`, "does not leave the node this lane leads to", { expected, got: `${showValue(connection.link)}, which leaves ${nodeKey(target.from)}` });
    } else if (!target.lanes.some((l) => l.id === connection.lane)) {
      context.error(`${path}/lane`, "unknown lane", { expected: `a lane of ${JSON.stringify(target.id)}: ${oneOf(target.lanes.map((l) => l.id))}`, got: showValue(connection.lane) });
    }
  });
};

/** A signalised connection names a phase of the plan of the node it crosses. */
export const connectionPhasesInPlan: Rule = (context) => {
  forEachConnection(context, (link, connection, path) => {
    if (connection.phase === undefined || !context.index.nodes.has(nodeKey(link.to))) return;
    const plan = context.index.plans.get(nodeKey(link.to));
    if (plan === undefined) {
      context.error(`${path}/phase`, `node ${nodeKey(link.to)} has no signal plan`, { expected: "no phase, or a plan for the node under /signals", got: showValue(connection.phase) });
    } else if (!plan.phases.some((p) => p.id === connection.phase)) {
      context.error(`${path}/phase`, "unknown phase", { expected: `a phase of node ${nodeKey(link.to)}'s signal plan: ${oneOf(plan.phases.map((p) => p.id))}`, got: showValue(connection.phase) });
    }
  });
};

function forEachConnection(context: RuleContext, visit: (link: LinkSpec, connection: ConnectionSpec, path: string) => void): void {
  context.model.network.links.forEach((link, i) => {
    link.lanes.forEach((lane, j) => (lane.connections ?? []).forEach((connection, k) => visit(link, connection, connectionPath(i, j, k))));
  });
}

export function knownNodes(context: RuleContext): string {
  return `a node of the network: ${oneOf([...context.index.nodes])}`;
}
