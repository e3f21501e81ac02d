import { NodeType } from "../../schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import type { SignalStore } from "../../transport/ws/index.ts";

/** The store as the server sees it, confirming every set on an actuator without storing the value. */
export function withLostSets(store: SignalStore): SignalStore {
  return {
    metadata: (path) => store.metadata(path),
    leavesUnder: (path) => store.leavesUnder(path),
    get: (path) => store.get(path),
    set: (path, value) => (store.metadata(path)?.type === NodeType.ACTUATOR ? { ok: true } : store.set(path, value)),
    subscribe: (path, listener) => store.subscribe(path, listener),
  };
}
