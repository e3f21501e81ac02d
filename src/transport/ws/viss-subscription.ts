import type { Signal } from "../../schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import type { ChangeFilter, RangeFilter } from "../../schema/gen/v2xh/vss/v1/filter_pb.ts";
import type { Data, DataEntry, Datapoint } from "../../schema/gen/v2xh/vss/v1/values_pb.ts";
import { changeFires } from "./change-trigger.ts";
import { simplifyCurve, type CurvePoint } from "./curvelog.ts";
import { inRange } from "./range-trigger.ts";
import type { SignalStore } from "./signal-store.ts";
import { numberOf } from "./vss-numbers.ts";

/** What makes a subscription send an event. */
export type SubscriptionTrigger =
  | { readonly kind: "timebased"; readonly periodMs: number } // the current values every period
  | { readonly kind: "change"; readonly filter: ChangeFilter; readonly on: Signal } // an update of `on` that passes the change filter
  | { readonly kind: "range"; readonly filter: RangeFilter; readonly on: Signal } // an update of `on` inside the range
  | { readonly kind: "curvelog"; readonly maxerr: number; readonly bufsize: number } // a full buffer of one leaf, simplified
  | { readonly kind: "every-update" }; // no trigger filter: every new datapoint (VISS v2 Transport)

/** What a subscription's events carry: the current datapoints of `leaves`. */
export interface SubscriptionTarget {
  readonly leaves: readonly Signal[];
  /** With a paths filter the events use the many-nodes shape of `data`, even for one node. */
  readonly manyNodes: boolean;
}

interface Update {
  readonly path: string;
  readonly datapoint: Datapoint;
}

/**
 * Starts delivering the data of `target` to `deliver` according to `trigger`; returns the function
 * that stops it. Leaves without a value are left out of an event, and an event with none is not sent.
 */
export function startSubscription(store: SignalStore, target: SubscriptionTarget, trigger: SubscriptionTrigger, deliver: (data: Data) => void): () => void {
  const send = (entries: readonly DataEntry[]): void => {
    const [first] = entries;
    if (first !== undefined) deliver(target.manyNodes ? { nodes: { entries: [...entries] } } : { node: first });
  };
  // The updated leaf's own datapoint, not a re-read, so that an event carries the update that fired it.
  const current = (update?: Update): DataEntry[] =>
    target.leaves.flatMap((leaf) => {
      const datapoint = leaf.path === update?.path ? update.datapoint : store.get(leaf.path);
      return datapoint === undefined ? [] : [{ path: leaf.path, single: datapoint }];
    });
  switch (trigger.kind) {
    case "timebased": {
      const timer = setInterval(() => send(current()), trigger.periodMs);
      return () => clearInterval(timer);
    }
    case "change": {
      const { on, filter } = trigger;
      let previous = store.get(on.path)?.value;
      return store.subscribe(on.path, (datapoint) => {
        const fires = changeFires(filter, on.datatype, previous, datapoint.value);
        previous = datapoint.value;
        if (fires) send(current({ path: on.path, datapoint }));
      });
    }
    case "range": {
      const { on, filter } = trigger;
      return store.subscribe(on.path, (datapoint) => {
        if (inRange(filter, datapoint.value)) send(current({ path: on.path, datapoint }));
      });
    }
    case "curvelog":
      return stopAll(target.leaves.map((leaf) => logCurve(store, leaf.path, trigger, (values) => send([{ path: leaf.path, multiple: { values } }]))));
    case "every-update":
      return stopAll(target.leaves.map((leaf) => store.subscribe(leaf.path, (datapoint) => send(current({ path: leaf.path, datapoint })))));
  }
}

/** Collects `bufsize` datapoints of `path`, then delivers the ones the curve simplification keeps and starts over. */
function logCurve(store: SignalStore, path: string, curve: { readonly maxerr: number; readonly bufsize: number }, deliver: (datapoints: Datapoint[]) => void): () => void {
  let buffer: { readonly datapoint: Datapoint; readonly point: CurvePoint }[] = [];
  return store.subscribe(path, (datapoint) => {
    const v = numberOf(datapoint.value);
    if (v === undefined) return;
    buffer.push({ datapoint, point: { t: Date.parse(datapoint.ts), v } });
    if (buffer.length < curve.bufsize) return;
    const kept = simplifyCurve(buffer.map((item) => item.point), curve.maxerr);
    const full = buffer;
    buffer = [];
    deliver(kept.flatMap((i) => full[i]?.datapoint ?? []));
  });
}

function stopAll(stops: readonly (() => void)[]): () => void {
  return () => {
    for (const stop of stops) stop();
  };
}
