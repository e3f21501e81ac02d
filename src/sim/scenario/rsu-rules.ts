import { nodeKey } from "../road-network.ts";
import type { RoadEventSpec, TrafficSignSpec } from "../rsi-message.ts";
import { knownNodes } from "./network-rules.ts";
import { quoted, reportRepeats, type Rule, type RuleContext } from "./rule-context.ts";
import { oneOf, showValue } from "./scenario-error.ts";
import type { RsiItemModel } from "./scenario-model.ts";

/** The MAP's NodeList holds at most 63 nodes. */
const MAX_MAP_NODES = 63;

const rsuPath = (i: number): string => `/rsus/${i}`;

export const rsuIdsUnique: Rule = (context) => reportRepeats(context, context.model.rsus, (r) => JSON.stringify(r.id.toLowerCase()), (i) => `${rsuPath(i)}/id`, "RSU id");

export const rsuNodesExist: Rule = (context) => {
  context.model.rsus.forEach((rsu, i) => {
    for (const list of ["mapNodes", "spatNodes"] as const) {
      rsu[list]?.forEach((ref, j) => {
        if (!context.index.nodes.has(nodeKey(ref))) context.error(`${rsuPath(i)}/${list}/${j}`, "unknown node", { expected: knownNodes(context), got: nodeKey(ref) });
      });
    }
  });
};

/** An RSU sends SPAT only for signalised nodes of its own MAP, or receivers cannot match the two. */
export const rsuSpatNodesSignalisedAndMapped: Rule = (context) => {
  context.model.rsus.forEach((rsu, i) => {
    const mapped = rsu.mapNodes?.map(nodeKey);
    rsu.spatNodes?.forEach((ref, j) => {
      const key = nodeKey(ref);
      if (!context.index.nodes.has(key)) return;
      const path = `${rsuPath(i)}/spatNodes/${j}`;
      if (!context.index.plans.has(key)) {
        context.error(path, "node has no signal plan", { expected: `a signalised node: ${oneOf([...context.index.plans.keys()])}`, got: key });
      } else if (mapped !== undefined && !mapped.includes(key)) {
        context.error(path, "node is not in the RSU's MAP", { expected: `one of its mapNodes: ${oneOf(mapped)}`, got: key });
      }
    });
  });
};

export const rsuMapWithinNodeListLimit: Rule = (context) => {
  const nodes = context.model.network.nodes.length;
  context.model.rsus.forEach((rsu, i) => {
    if (rsu.mapNodes === undefined && nodes > MAX_MAP_NODES) {
      context.error(`${rsuPath(i)}/mapNodes`, `required when the network has more than ${MAX_MAP_NODES} nodes`, { expected: `the nodes of the RSU's MAP, at most ${MAX_MAP_NODES}`, got: `every node (${nodes})` });
    }
  });
};

export const rsiIdsUnique: Rule = (context) => {
  context.model.rsus.forEach((rsu, i) => {
    reportRepeats(context, rsu.events, (e) => String(e.id), (j) => `${rsuPath(i)}/events/${j}/id`, "event id");
    reportRepeats(context, rsu.signs, (s) => String(s.id), (j) => `${rsuPath(i)}/signs/${j}/id`, "sign id");
  });
};

export const rsiWindowsOrdered: Rule = (context) => {
  forEachRsiItem(context, (item, path) => {
    if (item.until <= item.from) context.error(`${path}/until`, "must be after from", { expected: `> ${item.from}`, got: String(item.until) });
    else if (item.from >= context.model.duration) context.warning(`${path}/from`, "never announced: the scenario ends first", { expected: `< ${context.model.duration} (the duration)`, got: String(item.from) });
  });
};

export const rsiLinksExist: Rule = (context) => {
  forEachRsiItem(context, (item, path) => {
    item.links?.forEach((ref, k) => {
      const link = context.index.links.get(ref.link);
      if (link === undefined) {
        context.error(`${path}/links/${k}/link`, "unknown link", { expected: `a link of the network: ${oneOf(quoted(context.index.links.keys()))}`, got: showValue(ref.link) });
        return;
      }
      ref.lanes?.forEach((lane, m) => {
        if (!link.lanes.some((l) => l.id === lane)) {
          context.error(`${path}/links/${k}/lanes/${m}`, "unknown lane", { expected: `a lane of ${JSON.stringify(link.id)}: ${oneOf(link.lanes.map((l) => l.id))}`, got: String(lane) });
        }
      });
    });
  });
};

function forEachRsiItem(context: RuleContext, visit: (item: RsiItemModel<RoadEventSpec> | RsiItemModel<TrafficSignSpec>, path: string) => void): void {
  context.model.rsus.forEach((rsu, i) => {
    rsu.events.forEach((event, j) => visit(event, `${rsuPath(i)}/events/${j}`));
    rsu.signs.forEach((sign, j) => visit(sign, `${rsuPath(i)}/signs/${j}`));
  });
}
