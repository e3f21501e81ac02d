import { nodeKey, type LinkSpec } from "../road-network.ts";
import type { RouteSpec } from "../route.ts";
import { quoted, type Rule, type RuleContext } from "./rule-context.ts";
import { oneOf, showValue } from "./scenario-error.ts";

const routePath = (i: number): string => `/vehicleGroups/${i}/route`;

/** Each route rule checks one step and skips routes an earlier step already found broken, so one mistake gives one error. */
function forEachRoute(context: RuleContext, visit: (route: RouteSpec, path: string, links: readonly (LinkSpec | undefined)[]) => void): void {
  context.model.groups.forEach((group, i) => visit(group.vehicle.route, routePath(i), group.vehicle.route.links.map((id) => context.index.links.get(id))));
}

const leaves = (from: LinkSpec, to: LinkSpec): boolean => nodeKey(from.to) === nodeKey(to.from);
const turnsInto = (from: LinkSpec, to: LinkSpec): boolean => from.lanes.some((lane) => (lane.connections ?? []).some((c) => c.link === to.id));

export const routeLinksExist: Rule = (context) => {
  forEachRoute(context, (route, path, links) => {
    links.forEach((link, j) => {
      if (link === undefined) context.error(`${path}/links/${j}`, "unknown link", { expected: `a link of the network: ${oneOf(quoted(context.index.links.keys()))}`, got: showValue(route.links[j]) });
    });
  });
};

/** Link n+1 starts at the node where link n ends. */
export const routeLinksConnect: Rule = (context) => {
  forEachRoute(context, (_route, path, links) => {
    consecutive(links, (previous, link, j) => {
      if (!leaves(previous, link)) {
        context.error(`${path}/links/${j}`, `does not start where ${JSON.stringify(previous.id)} ends`, {
          expected: `a link leaving node ${nodeKey(previous.to)}`,
          got: `${JSON.stringify(link.id)}, which leaves ${nodeKey(link.from)}`,
        });
      }
    });
  });
};

/** Some lane of link n has a connection onto link n+1, i.e. the turn is allowed. */
export const routeTurnsAllowed: Rule = (context) => {
  forEachRoute(context, (_route, path, links) => {
    consecutive(links, (previous, link, j) => {
      if (!leaves(previous, link) || turnsInto(previous, link)) return;
      const reachable = new Set(previous.lanes.flatMap((lane) => (lane.connections ?? []).map((c) => c.link)));
      context.error(`${path}/links/${j}`, `no lane of ${JSON.stringify(previous.id)} connects to it`, {
        expected: reachable.size === 0 ? `nothing after ${JSON.stringify(previous.id)}, which has no lane connections` : `a link a lane of ${JSON.stringify(previous.id)} connects to: ${oneOf(quoted(reachable))}`,
        got: JSON.stringify(link.id),
      });
    });
  });
};

export const routeLanesNameLanesOfTheLinks: Rule = (context) => {
  forEachRoute(context, (route, path, links) => {
    if (route.lanes === undefined) return;
    if (route.lanes.length !== route.links.length) {
      context.error(`${path}/lanes`, "not one lane per link", { expected: `${route.links.length} lane ids`, got: showValue(route.lanes) });
      return;
    }
    route.lanes.forEach((laneId, j) => {
      const link = links[j];
      if (link !== undefined && !link.lanes.some((l) => l.id === laneId)) {
        context.error(`${path}/lanes/${j}`, "unknown lane", { expected: `a lane of ${JSON.stringify(link.id)}: ${oneOf(link.lanes.map((l) => l.id))}`, got: String(laneId) });
      }
    });
  });
};

/**
 * Vehicles do not change lanes within a link, so on every link some lane (the one asked for, if
 * any) must lead on through lane connections to a lane from which the rest of the route can be
 * followed. Works backwards from the last link, as the route planner does.
 */
export const routeFollowableWithoutLaneChanges: Rule = (context) => {
  forEachRoute(context, (route, path, maybeLinks) => {
    const links = maybeLinks.filter((l) => l !== undefined);
    const wellFormed = links.length === maybeLinks.length && links.every((l, j) => j === 0 || (leaves(links[j - 1] as LinkSpec, l) && turnsInto(links[j - 1] as LinkSpec, l)));
    const lanesValid = route.lanes === undefined || (route.lanes.length === links.length && route.lanes.every((id, j) => links[j]?.lanes.some((l) => l.id === id)));
    if (!wellFormed || !lanesValid) return;
    let usable = new Set<number>();
    for (let j = links.length - 1; j >= 0; j--) {
      const link = links[j] as LinkSpec;
      const next = links[j + 1];
      const after = usable;
      const lanes = link.lanes.filter(
        (lane) => (route.lanes === undefined || route.lanes[j] === lane.id) && (next === undefined || (lane.connections ?? []).some((c) => c.link === next.id && after.has(c.lane))),
      );
      if (lanes.length === 0) {
        const onto = next === undefined ? "" : ` with a connection onto ${JSON.stringify(next.id)}`;
        const expected = `a lane of ${JSON.stringify(link.id)}${onto} from which the rest of the route can be followed`;
        const lane = route.lanes?.[j];
        if (lane === undefined) context.error(`${path}/links/${j}`, "cannot be followed without changing lanes", { expected, got: "no such lane" });
        else context.error(`${path}/lanes/${j}`, "cannot be followed from this lane without changing lanes", { expected, got: String(lane) });
        return;
      }
      usable = new Set(lanes.map((l) => l.id));
    }
  });
};

function consecutive(links: readonly (LinkSpec | undefined)[], visit: (previous: LinkSpec, link: LinkSpec, j: number) => void): void {
  links.forEach((link, j) => {
    const previous = links[j - 1];
    if (previous !== undefined && link !== undefined) visit(previous, link, j);
  });
}
