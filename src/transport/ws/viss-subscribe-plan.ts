import { NodeType, type Signal } from "../../schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import type { Filter } from "../../schema/gen/v2xh/vss/v1/filter_pb.ts";
import type { SubscribeRequest } from "../../schema/gen/v2xh/vss/v1/messages_pb.ts";
import type { SignalStore } from "./signal-store.ts";
import { selectLeaves, splitFilters, triggerLeaf } from "./viss-paths.ts";
import { Refusal } from "./viss-refusal.ts";
import type { SubscriptionTarget, SubscriptionTrigger } from "./viss-subscription.ts";
import { isNumeric } from "./vss-numbers.ts";

/** Most points a curvelog subscription may buffer per signal: a client cannot make the server hold an unbounded series. */
export const MAX_CURVELOG_BUFFER = 10_000;

export interface SubscriptionPlan {
  readonly target: SubscriptionTarget;
  readonly trigger: SubscriptionTrigger;
}

/**
 * What a subscribe request asks for: the leaves its events carry (the request path's signal, or
 * the leaves its paths filter selects) and what triggers an event. The schema has already refused
 * filters that are not for subscribe and bad combinations of them.
 */
export function planSubscription(store: SignalStore, request: SubscribeRequest): SubscriptionPlan {
  const { paths, other } = splitFilters(request.filter);
  const node = store.metadata(request.path);
  if (node === undefined) throw new Refusal("unknown-path", `no node ${request.path}`);
  if (paths === undefined && node.type === NodeType.BRANCH) {
    throw new Refusal("bad-request", `${request.path} is a branch; this server subscribes to single signals, or to the signals a paths filter names`);
  }
  const target = { leaves: paths === undefined ? [node] : selectLeaves(store, request.path, paths), manyNodes: paths !== undefined };
  return { target, trigger: triggerOf(store, request.path, paths, other, target.leaves) };
}

function triggerOf(store: SignalStore, base: string, paths: readonly string[] | undefined, filter: Filter | undefined, leaves: readonly Signal[]): SubscriptionTrigger {
  if (filter === undefined) return { kind: "every-update" };
  if (filter.timebased !== undefined) return { kind: "timebased", periodMs: filter.timebased.period };
  if (filter.change !== undefined) return { kind: "change", filter: filter.change, on: triggerLeaf(store, base, paths) };
  if (filter.range !== undefined) return { kind: "range", filter: filter.range, on: numeric("range", triggerLeaf(store, base, paths)) };
  if (filter.curvelog !== undefined) {
    for (const leaf of leaves) numeric("curvelog", leaf);
    if (filter.curvelog.bufsize > MAX_CURVELOG_BUFFER) throw new Refusal("bad-request", `curvelog bufsize ${filter.curvelog.bufsize} is above this server's limit of ${MAX_CURVELOG_BUFFER} points`);
    return { kind: "curvelog", maxerr: Number(filter.curvelog.maxerr), bufsize: filter.curvelog.bufsize };
  }
  throw new Refusal("bad-request", "only paths, timebased, change, range and curvelog filters can be used with subscribe");
}

function numeric(filter: string, leaf: Signal): Signal {
  if (!isNumeric(leaf.datatype)) throw new Refusal("bad-request", `${filter} needs numeric signals (or booleans); ${leaf.path} is not one`);
  return leaf;
}
