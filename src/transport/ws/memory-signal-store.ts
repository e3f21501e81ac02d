import { readFileSync } from "node:fs";
import path from "node:path";
import { NodeType, type Signal, type SignalCatalogue } from "../../schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import type { Datapoint, Value } from "../../schema/gen/v2xh/vss/v1/values_pb.ts";
import { DEFAULT_PROTO_DIR, decodeJson, type Registry } from "../../schema/index.ts";
import type { TimeSource } from "../observation.ts";
import type { SetOutcome, SignalStore } from "./signal-store.ts";
import { valueProblem } from "./vss-value-check.ts";

/** The VSS 6.0 catalogue the harness ships. */
export const CATALOGUE_FILE = path.join(DEFAULT_PROTO_DIR, "v2xh", "vss", "v1", "catalogue.json");

/** How many earlier datapoints the store keeps per leaf for `history`; older ones are dropped. */
export const HISTORY_LIMIT = 1000;

/**
 * A SignalStore in memory. Leaves come from a catalogue, branches are implied by their paths.
 * Attributes start with their default value; every other leaf has no value until one is set.
 * A set takes effect at once, so an actuator's current value is the last value set. Each leaf
 * keeps its last HISTORY_LIMIT earlier datapoints.
 */
export class MemorySignalStore implements SignalStore {
  private readonly leaves: ReadonlyMap<string, Signal>;
  private readonly values = new Map<string, Datapoint>();
  /** Earlier datapoints per leaf, oldest first. */
  private readonly earlier = new Map<string, Datapoint[]>();
  private readonly listeners = new Map<string, Set<(datapoint: Datapoint) => void>>();
  private readonly timeSource: TimeSource;

  constructor(catalogue: SignalCatalogue, timeSource: TimeSource = () => Date.now()) {
    this.leaves = new Map(catalogue.signals.filter((s) => s.type !== NodeType.BRANCH).map((s) => [s.path, s]));
    this.timeSource = timeSource;
    for (const signal of this.leaves.values()) {
      if (signal.type === NodeType.ATTRIBUTE && signal.default !== undefined) this.values.set(signal.path, this.datapoint(signal.default));
    }
  }

  /** A store seeded from a catalogue file in canonical protobuf JSON (default: the shipped VSS 6.0 catalogue). */
  static fromCatalogueFile(registry: Registry, file: string = CATALOGUE_FILE, timeSource?: TimeSource): MemorySignalStore {
    const catalogue = decodeJson<SignalCatalogue>(registry, "v2xh.vss.v1.SignalCatalogue", readFileSync(file, "utf8"));
    return new MemorySignalStore(catalogue, timeSource);
  }

  metadata(path: string): Signal | undefined {
    const leaf = this.leaves.get(path);
    if (leaf !== undefined) return leaf;
    const count = this.leavesUnder(path).length;
    return count === 0 ? undefined : { path, type: NodeType.BRANCH, allowed: [], description: `Branch of ${count} signals.` };
  }

  leavesUnder(path: string): readonly Signal[] {
    const prefix = `${path}.`;
    return [...this.leaves.values()].filter((signal) => signal.path.startsWith(prefix));
  }

  get(path: string): Datapoint | undefined {
    return this.values.get(path);
  }

  set(path: string, value: Value): SetOutcome {
    const signal = this.leaves.get(path);
    if (signal === undefined) return { ok: false, problem: "unknown-path", detail: `no signal ${path}` };
    const problem = valueProblem(signal, value);
    if (problem !== undefined) return { ok: false, problem: "invalid-value", detail: `${path}: ${problem}` };
    const datapoint = this.datapoint(value);
    const replaced = this.values.get(path);
    if (replaced !== undefined) this.remember(path, replaced);
    this.values.set(path, datapoint);
    for (const listener of this.listeners.get(path) ?? []) listener(datapoint);
    return { ok: true };
  }

  subscribe(path: string, listener: (datapoint: Datapoint) => void): () => void {
    let set = this.listeners.get(path);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(path, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(path);
    };
  }

  history(path: string, since: number): readonly Datapoint[] {
    return (this.earlier.get(path) ?? []).filter((datapoint) => Date.parse(datapoint.ts) >= since);
  }

  private remember(path: string, datapoint: Datapoint): void {
    let list = this.earlier.get(path);
    if (list === undefined) {
      list = [];
      this.earlier.set(path, list);
    }
    list.push(datapoint);
    if (list.length > HISTORY_LIMIT) list.shift();
  }

  private datapoint(value: Value): Datapoint {
    return { value, ts: new Date(this.timeSource()).toISOString() };
  }
}
