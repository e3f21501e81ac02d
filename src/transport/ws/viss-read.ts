import { NodeType, type Signal } from "../../schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import type { GetRequest, MetadataResult } from "../../schema/gen/v2xh/vss/v1/messages_pb.ts";
import type { Data, DataEntry } from "../../schema/gen/v2xh/vss/v1/values_pb.ts";
import { durationMs } from "./iso-duration.ts";
import type { SignalStore } from "./signal-store.ts";
import { dynamicMetadata } from "./viss-dynamic-metadata.ts";
import { selectLeaves, splitFilters } from "./viss-paths.ts";
import { Refusal } from "./viss-refusal.ts";
import { staticMetadata } from "./viss-static-metadata.ts";

/** What a read answers with: data, or metadata for a metadata filter. */
export type ReadResult = { readonly data: Data; readonly metadata?: never } | { readonly metadata: MetadataResult; readonly data?: never };

/**
 * Answers a get request: the current values of the addressed leaves, their recorded values for a
 * `history` filter, or metadata. The schema has already refused filters that are not for get and
 * bad combinations of them. `now` is ms since the epoch.
 */
export function read(store: SignalStore, request: GetRequest, now: number): ReadResult {
  const { paths, other } = splitFilters(request.filter);
  const node = store.metadata(request.path);
  if (node === undefined) throw new Refusal("unknown-path", `no node ${request.path}`);
  if (other?.dynamicMetadata !== undefined) return { metadata: { dynamicMetadata: dynamicMetadata(store, node, other.dynamicMetadata.kind) } };
  const selected = paths === undefined ? undefined : selectLeaves(store, request.path, paths);
  if (other?.staticMetadata !== undefined) return { metadata: { staticMetadata: { nodes: staticMetadata(store, selected ?? [node], other.staticMetadata) } } };
  const leaves = selected ?? (node.type === NodeType.BRANCH ? store.leavesUnder(node.path) : [node]);
  const manyNodes = selected !== undefined || node.type === NodeType.BRANCH;
  const entries = other?.history === undefined ? currentEntries(store, leaves) : historyEntries(store, leaves, other.history.period, now);
  const [first] = entries;
  if (first === undefined) throw new Refusal("no-value", noValue(request.path, manyNodes, other?.history?.period));
  return { data: manyNodes ? { nodes: { entries } } : { node: first } };
}

function currentEntries(store: SignalStore, leaves: readonly Signal[]): DataEntry[] {
  return leaves.flatMap((leaf) => {
    const datapoint = store.get(leaf.path);
    return datapoint === undefined ? [] : [{ path: leaf.path, single: datapoint }];
  });
}

/** Leaves with earlier datapoints in the last `period`, each with all of them, oldest first. */
function historyEntries(store: SignalStore, leaves: readonly Signal[], period: string, now: number): DataEntry[] {
  const history = store.history?.bind(store);
  if (history === undefined) throw new Refusal("unsupported-filter", "history: this server's signal store keeps no history");
  const since = now - durationMs(period);
  return leaves.flatMap((leaf) => {
    const values = history(leaf.path, since);
    return values.length === 0 ? [] : [{ path: leaf.path, multiple: { values: [...values] } }];
  });
}

function noValue(path: string, manyNodes: boolean, period: string | undefined): string {
  const what = manyNodes ? `no signal below ${path} has` : `${path} has`;
  return period === undefined ? `${what} a value yet` : `${what} a recorded value in the last ${period} (the current value does not count)`;
}
