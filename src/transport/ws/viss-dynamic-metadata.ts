import { NodeType, type Signal } from "../../schema/gen/v2xh/vss/v1/catalogue_pb.ts";
import { DynamicMetadataKind } from "../../schema/gen/v2xh/vss/v1/filter_pb.ts";
import { Availability, FilterCapability, TransportProtocol, type DynamicMetadata, type ServerCapabilities } from "../../schema/gen/v2xh/vss/v1/messages_pb.ts";
import type { SignalStore } from "./signal-store.ts";
import { Refusal } from "./viss-refusal.ts";

/** The answer to a `dynamic-metadata` read of `node` (VISS v2 Core, Dynamic metadata; spec A9). */
export function dynamicMetadata(store: SignalStore, node: Signal, kind: DynamicMetadataKind): DynamicMetadata {
  switch (kind) {
    case DynamicMetadataKind.SERVER_CAPABILITIES:
      return { serverCapabilities: serverCapabilities(store) };
    case DynamicMetadataKind.AVAILABILITY:
      return { availability: hasValue(store, node) ? Availability.AVAILABLE : Availability.UNAVAILABLE };
    case DynamicMetadataKind.VALIDATE:
      return { validate: validateTag(store, node.path) };
    default:
      throw new Refusal("unsupported-filter", "dynamic-metadata samplerate: this server's signal store does not know sample rates");
  }
}

/**
 * What this server supports. It verifies no access tokens, so it claims no access-control flow;
 * it serves WebSocket, which server_capabilities can only spell `wss`, TLS or not.
 */
function serverCapabilities(store: SignalStore): ServerCapabilities {
  const filter: FilterCapability[] = [FilterCapability.TIMEBASED, FilterCapability.CHANGE, FilterCapability.PATHS, FilterCapability.RANGE, FilterCapability.CURVELOG];
  if (store.history !== undefined) filter.push(FilterCapability.HISTORY);
  filter.push(FilterCapability.STATIC_METADATA, FilterCapability.DYNAMIC_METADATA);
  return { filter, accessCtrl: [], transportProtocol: [TransportProtocol.WSS] };
}

/** A leaf is available while it has a value, a branch while some leaf below it has one. */
function hasValue(store: SignalStore, node: Signal): boolean {
  const leaves = node.type === NodeType.BRANCH ? store.leavesUnder(node.path) : [node];
  return leaves.some((leaf) => store.get(leaf.path) !== undefined);
}

/** The node's access-control tag, or the nearest ancestor's: untagged nodes inherit it (spec A7). */
function validateTag(store: SignalStore, path: string): NonNullable<Signal["validate"]> {
  const segments = path.split(".");
  for (let n = segments.length; n > 0; n--) {
    const tag = store.metadata(segments.slice(0, n).join("."))?.validate;
    if (tag !== undefined) return tag;
  }
  throw new Refusal("no-value", `dynamic-metadata validate: neither ${path} nor a node above it carries a validate tag, so no access control applies`);
}
