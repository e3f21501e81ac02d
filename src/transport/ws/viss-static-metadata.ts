import { NodeType, type Signal } from "../../schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import type { StaticMetadataFilter } from "../../schema/gen/v2xh/vss/v1/filter_pb.ts";
import type { SignalStore } from "./signal-store.ts";
import { Refusal } from "./viss-refusal.ts";

/** The VSS metadata keys a v2 `static-metadata` filter may name, and the Signal fields each stands for. */
const KEYS = {
  type: ["type"],
  datatype: ["datatype", "structType"],
  unit: ["unit"],
  min: ["min"],
  max: ["max"],
  allowed: ["allowed"],
  default: ["default"],
  description: ["description"],
  comment: ["comment"],
  deprecation: ["deprecation"],
  arraysize: ["arraysize"],
  pattern: ["pattern"],
  validate: ["validate"],
} as const satisfies Record<string, readonly (keyof Signal)[]>;

type MetadataKey = keyof typeof KEYS;

/**
 * The answer to a `static-metadata` read (v3 `metadata`): the nodes `roots` and their subtrees,
 * parents before children, each with the metadata keys asked for (v2; "" = all of them). A v3
 * depth of 1 is the nodes themselves, 2 adds their children and so on; 0 is the whole subtree.
 */
export function staticMetadata(store: SignalStore, roots: readonly Signal[], filter: StaticMetadataFilter): Signal[] {
  const keys = filter.keys.map(metadataKey);
  const nodes = new Map<string, Signal>();
  for (const root of roots) {
    for (const node of subtree(store, root, filter.depth ?? 0)) nodes.set(node.path, node);
  }
  return keys.length === 0 ? [...nodes.values()] : [...nodes.values()].map((node) => project(node, keys));
}

function metadataKey(name: string): MetadataKey {
  if (name in KEYS) return name as MetadataKey;
  throw new Refusal("bad-request", `static-metadata: ${name} is no VSS metadata key (one of ${Object.keys(KEYS).join(", ")})`);
}

/** `root` and the nodes below it down to `depth` levels (0 = all), branches included, parents first. */
function subtree(store: SignalStore, root: Signal, depth: number): Signal[] {
  if (root.type !== NodeType.BRANCH) return [root];
  const level = (path: string): number => path.split(".").length;
  const deepest = depth === 0 ? Infinity : level(root.path) + depth - 1;
  const paths = new Set<string>([root.path]);
  for (const leaf of store.leavesUnder(root.path)) {
    const segments = leaf.path.split(".");
    for (let n = level(root.path) + 1; n <= Math.min(segments.length, deepest); n++) paths.add(segments.slice(0, n).join("."));
  }
  // A branch enters the set before the first leaf below it, so parents come first.
  return [...paths].flatMap((path) => store.metadata(path) ?? []);
}

/** `node` with only the metadata `keys` (and its path). */
function project(node: Signal, keys: readonly MetadataKey[]): Signal {
  const fields = new Set<keyof Signal>(keys.flatMap((key) => KEYS[key]));
  const out: Signal = { path: node.path, type: NodeType.UNSPECIFIED, allowed: [], description: "" };
  for (const field of fields) {
    if (node[field] !== undefined) Object.assign(out, { [field]: node[field] });
  }
  return out;
}
