import type { Signal } from "../../schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import type { Datapoint, Value } from "../../schema/gen/v2xh/vss/v1/values_pb.ts";

/** Why a store refused a value. */
export type SetProblem = "unknown-path" | "invalid-value";

export type SetOutcome = { readonly ok: true } | { readonly ok: false; readonly problem: SetProblem; readonly detail: string };

/**
 * The signals behind a VISS server: VSS metadata and current datapoints. The server decides what
 * a client may do (only actuators may be set over VISS); a store takes values for any leaf,
 * because providers and simulators feed sensors through it.
 */
export interface SignalStore {
  /** Metadata of the node at `path`, leaf or branch; undefined when the tree has no such node. */
  metadata(path: string): Signal | undefined;
  /** Every leaf below the branch `path`, at any depth. */
  leavesUnder(path: string): readonly Signal[];
  /** The current datapoint of a leaf; undefined while it has no value (or there is no such leaf). */
  get(path: string): Datapoint | undefined;
  /** Makes `value` the current value of the leaf `path`, after checking it against the leaf's datatype and limits. */
  set(path: string, value: Value): SetOutcome;
  /** Calls `listener` with every new datapoint of `path`; returns the function that stops it. */
  subscribe(path: string, listener: (datapoint: Datapoint) => void): () => void;
  /**
   * The earlier datapoints of the leaf `path` captured at or after `since` (ms since the epoch),
   * oldest first, the current one excluded. A store without it keeps no history, and the server
   * refuses the `history` filter.
   */
  history?(path: string, since: number): readonly Datapoint[];
}
