import { describe, expect, it } from "vitest";
import { TransportError, isTransportError, reasonCodeOf } from "../../../../src/transport/mqtt/errors.ts";

describe("TransportError", () => {
  const error = new TransportError("connect-refused", "refused: Server unavailable (reason code 3)", { reasonCode: 3, topic: "v2x/#" });

  it("carries the MQTT reason code", () => {
    expect(error.reasonCode).toBe(3);
    expect(error.code).toBe("connect-refused");
  });

  it("serialises to JSON without the packet", () => {
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: "TransportError", code: "connect-refused", message: error.message, reasonCode: 3, topic: "v2x/#" });
  });

  it("is recognised by name and code, also when made by another copy of the module", () => {
    const foreign = Object.assign(new Error("x"), { name: "TransportError", code: "pending-limit" });
    expect(isTransportError(error)).toBe(true);
    expect(isTransportError(error, "connect-refused")).toBe(true);
    expect(isTransportError(error, "closed")).toBe(false);
    expect(isTransportError(foreign, "pending-limit")).toBe(true);
    expect(isTransportError(Object.assign(new Error("x"), { name: "TransportError", code: "nonsense" }))).toBe(false);
    expect(isTransportError(new Error("x"))).toBe(false);
  });
});

describe("reasonCodeOf", () => {
  it("reads the numeric code mqtt.js puts on its errors, and nothing else", () => {
    expect(reasonCodeOf(Object.assign(new Error("Connection refused: Not authorized"), { code: 5 }))).toBe(5);
    expect(reasonCodeOf(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBeUndefined();
    expect(reasonCodeOf(undefined)).toBeUndefined();
  });
});
