import { ProtocolVersion } from "../../schema/gen/v2xh/vss/v1/messages_pb.ts";

/** The two VISS generations the codec speaks; they differ in the wire spellings below (spec A10). */
export type VissDialect = "v2" | "v3";

export interface DialectSpelling {
  readonly protocolVersion: ProtocolVersion;
  /** Member naming the filter kind: v2 `type`, v3 `variant`. */
  readonly filterKindKey: "type" | "variant";
  /** Operator member of a range boundary: v2 `boundary-op`, v3 `logic-op`. */
  readonly rangeOpKey: "boundary-op" | "logic-op";
  /** Text member of the error object: v2 `message`, v3 `description`. */
  readonly errorTextKey: "message" | "description";
  /** Error `number`: a JSON integer in v2, a string in v3. */
  readonly errorNumberAsString: boolean;
  /** v3 renames the `static-metadata` filter to `metadata`. */
  readonly staticMetadataKind: "static-metadata" | "metadata";
  /** v2 echoes `subscriptionId` in an unsubscribe success response; v3 does not. */
  readonly unsubscribeEchoesSubscriptionId: boolean;
}

export const DIALECTS: Readonly<Record<VissDialect, DialectSpelling>> = {
  v2: {
    protocolVersion: ProtocolVersion.VISS_V2,
    filterKindKey: "type",
    rangeOpKey: "boundary-op",
    errorTextKey: "message",
    errorNumberAsString: false,
    staticMetadataKind: "static-metadata",
    unsubscribeEchoesSubscriptionId: true,
  },
  v3: {
    protocolVersion: ProtocolVersion.VISS_V3,
    filterKindKey: "variant",
    rangeOpKey: "logic-op",
    errorTextKey: "description",
    errorNumberAsString: true,
    staticMetadataKind: "metadata",
    unsubscribeEchoesSubscriptionId: false,
  },
};

export function dialectOfVersion(version: number): VissDialect | undefined {
  if (version === ProtocolVersion.VISS_V2) return "v2";
  if (version === ProtocolVersion.VISS_V3) return "v3";
  return undefined;
}
