import { describe, expect, it } from "vitest";
import { negotiateSubprotocol, offeredSubprotocols } from "../../../../src/transport/ws/viss-subprotocol.ts";

describe("negotiateSubprotocol", () => {
  it("picks the server's first preference the client offered", () => {
    expect(negotiateSubprotocol(["VISSv2", "VISSv3"], ["VISSv3", "VISSv2"], false)).toEqual({ ok: true, protocol: "VISSv3" });
  });

  it("accepts no offer unless a subprotocol is required", () => {
    expect(negotiateSubprotocol([], ["VISSv2"], false)).toEqual({ ok: true, protocol: undefined });
    expect(negotiateSubprotocol([], ["VISSv2"], true)).toEqual({ ok: false, reason: "no subprotocol offered; this server requires one of: VISSv2" });
  });

  it("refuses an offer it does not speak", () => {
    expect(negotiateSubprotocol(["VISS-noenc"], ["VISSv2"], false)).toEqual({ ok: false, reason: 'unsupported subprotocol "VISS-noenc"; this server speaks: VISSv2' });
  });

  it("reads the header's comma-separated list", () => {
    expect(offeredSubprotocols(" VISSv2 ,VISSv3,")).toEqual(["VISSv2", "VISSv3"]);
    expect(offeredSubprotocols(undefined)).toEqual([]);
  });
});
