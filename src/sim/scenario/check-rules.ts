import { alarmGroupsHaveTboxes, alarmVehiclesHaveTboxes, alarmWindowsOrdered } from "./event-rules.ts";
import { departureSpacingGiven, departuresWithinDuration, distributionsOrdered, groupNamesUnique } from "./group-rules.ts";
import {
  connectionPhasesInPlan,
  connectionsReachLanesLeavingTheNode,
  laneIdsUniqueInLink,
  linkEndsExist,
  linkIdsUnique,
  linksIntoNodeWithinMapLimit,
  nodeIdsUnique,
  oneLinkPerNodePair,
} from "./network-rules.ts";
import { routeFollowableWithoutLaneChanges, routeLanesNameLanesOfTheLinks, routeLinksConnect, routeLinksExist, routeTurnsAllowed } from "./route-rules.ts";
import { rsiIdsUnique, rsiLinksExist, rsiWindowsOrdered, rsuIdsUnique, rsuMapWithinNodeListLimit, rsuNodesExist, rsuSpatNodesSignalisedAndMapped } from "./rsu-rules.ts";
import { indexScenario, type Rule } from "./rule-context.ts";
import type { Detail, Finding } from "./scenario-error.ts";
import type { ScenarioModel } from "./scenario-model.ts";
import { oneSignalPlanPerNode, phaseIdsUniqueInPlan, planPhasesUsedByConnections, signalPlanNodesExist } from "./signal-rules.ts";

/** Every rule, in the order their findings are listed. */
export const SCENARIO_RULES: readonly Rule[] = [
  nodeIdsUnique,
  linkIdsUnique,
  linkEndsExist,
  oneLinkPerNodePair,
  linksIntoNodeWithinMapLimit,
  laneIdsUniqueInLink,
  connectionsReachLanesLeavingTheNode,
  connectionPhasesInPlan,
  signalPlanNodesExist,
  oneSignalPlanPerNode,
  phaseIdsUniqueInPlan,
  planPhasesUsedByConnections,
  rsuIdsUnique,
  rsuNodesExist,
  rsuSpatNodesSignalisedAndMapped,
  rsuMapWithinNodeListLimit,
  rsiIdsUnique,
  rsiWindowsOrdered,
  rsiLinksExist,
  groupNamesUnique,
  departureSpacingGiven,
  departuresWithinDuration,
  distributionsOrdered,
  routeLinksExist,
  routeLinksConnect,
  routeTurnsAllowed,
  routeLanesNameLanesOfTheLinks,
  routeFollowableWithoutLaneChanges,
  alarmGroupsHaveTboxes,
  alarmVehiclesHaveTboxes,
  alarmWindowsOrdered,
];

/** Runs every rule over the model. */
export function checkRules(model: ScenarioModel): { readonly errors: Finding[]; readonly warnings: Finding[] } {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const index = indexScenario(model);
  const context = {
    model,
    index,
    error: (path: string, message: string, detail: Detail = {}) => errors.push({ path, message, ...detail }),
    warning: (path: string, message: string, detail: Detail = {}) => warnings.push({ path, message, ...detail }),
  };
  for (const rule of SCENARIO_RULES) rule(context);
  return { errors, warnings };
}
