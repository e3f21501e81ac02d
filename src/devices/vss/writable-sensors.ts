import { NodeType } from "../../schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import type { SignalStore } from "../../transport/ws/index.ts";

/** The store with every sensor presented as an actuator, so that the server lets clients set it. */
export function withWritableSensors(store: SignalStore): SignalStore {
  return {
    metadata: (path) => {
      const signal = store.metadata(path);
      return signal?.type === NodeType.SENSOR ? { ...signal, type: NodeType.ACTUATOR } : signal;
    },
    leavesUnder: (path) => store.leavesUnder(path),
    get: (path) => store.get(path),
    set: (path, value) => store.set(path, value),
    subscribe: (path, listener) => store.subscribe(path, listener),
    ...(store.history === undefined ? {} : { history: store.history.bind(store) }),
  };
}
