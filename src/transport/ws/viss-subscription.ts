import type { Signal } from "../../schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import type { ChangeFilter } from "../../schema/gen/v2xh/vss/v1/filter_pb.ts";
import type { Datapoint } from "../../schema/gen/v2xh/vss/v1/values_pb.ts";
import { changeFires } from "./change-trigger.ts";
import type { SignalStore } from "./signal-store.ts";

/** What makes a subscription send an event. */
export type SubscriptionTrigger =
  | { readonly kind: "timebased"; readonly periodMs: number } // the current value every period
  | { readonly kind: "change"; readonly filter: ChangeFilter } // an update that passes the change filter
  | { readonly kind: "every-update" }; // no trigger filter: every new datapoint (VISS v2 Transport)

/**
 * Starts delivering datapoints of the leaf `signal` to `deliver` according to `trigger`; returns
 * the function that stops it. A timebased tick while the leaf has no value sends nothing.
 */
export function startSubscription(store: SignalStore, signal: Signal, trigger: SubscriptionTrigger, deliver: (datapoint: Datapoint) => void): () => void {
  switch (trigger.kind) {
    case "timebased": {
      const timer = setInterval(() => {
        const datapoint = store.get(signal.path);
        if (datapoint !== undefined) deliver(datapoint);
      }, trigger.periodMs);
      return () => clearInterval(timer);
    }
    case "change": {
      let previous = store.get(signal.path)?.value;
      return store.subscribe(signal.path, (datapoint) => {
        const fires = changeFires(trigger.filter, signal.datatype, previous, datapoint.value);
        previous = datapoint.value;
        if (fires) deliver(datapoint);
      });
    }
    case "every-update":
      return store.subscribe(signal.path, deliver);
  }
}
