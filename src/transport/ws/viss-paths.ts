import { NodeType, type Signal } from "../../schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import type { Filter } from "../../schema/gen/v2xh/vss/v1/filter_pb.ts";
import type { SignalStore } from "./signal-store.ts";
import { Refusal } from "./viss-refusal.ts";

/** A request's filters split into its `paths` filter and the other one (the schema allows at most one of each). */
export interface SplitFilters {
  readonly paths: readonly string[] | undefined;
  readonly other: Filter | undefined;
}

export function splitFilters(filters: readonly Filter[]): SplitFilters {
  return { paths: filters.find((filter) => filter.paths !== undefined)?.paths?.paths, other: filters.find((filter) => filter.paths === undefined) };
}

/**
 * The leaves a `paths` filter selects below `base` (VISS v2 Core, Paths filter): each relative path
 * names nodes segment by segment, `*` standing for any one segment, and a branch it names stands
 * for every leaf below it. Leaves come in the order of the paths, each once. A relative path that
 * names no node is refused with the unknown-path error.
 */
export function selectLeaves(store: SignalStore, base: string, paths: readonly string[]): Signal[] {
  const below = store.leavesUnder(base).map((leaf) => ({ leaf, segments: leaf.path.slice(base.length + 1).split(".") }));
  const selected = new Map<string, Signal>();
  for (const relative of paths) {
    const pattern = relative.split(".");
    const matches = below.filter(({ segments }) => segments.length >= pattern.length && pattern.every((part, i) => part === "*" || part === segments[i]));
    if (matches.length === 0) throw new Refusal("unknown-path", `paths: ${relative} names no node below ${base}`);
    for (const { leaf } of matches) selected.set(leaf.path, leaf);
  }
  return [...selected.values()];
}

/**
 * The leaf a `change` or `range` trigger is evaluated on: the request path itself, or with a
 * `paths` filter its first path (VISS v2 Core, Subscription event triggering), which must name one
 * signal.
 */
export function triggerLeaf(store: SignalStore, base: string, paths: readonly string[] | undefined): Signal {
  const path = paths?.[0] === undefined ? base : `${base}.${paths[0]}`;
  const node = store.metadata(path);
  if (node === undefined) throw new Refusal("unknown-path", `no node ${path}`);
  if (node.type === NodeType.BRANCH) throw new Refusal("bad-request", `${path} is a branch; change and range are evaluated on the first path, which must name a single signal`);
  return node;
}
