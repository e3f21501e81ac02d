import { describe, expect, it } from "vitest";
import { EMBEDDED_BROKER_DEFAULTS, withDefaults } from "../../../../src/transport/broker/options.ts";

describe("embedded broker options", () => {
  it("fill what is left out from the one DEFAULTS object, limit by limit", () => {
    const options = withDefaults({ limits: { publishRate: 500 } });
    expect(options.limits).toEqual({ ...EMBEDDED_BROKER_DEFAULTS.limits, publishRate: 500 });
    expect(options).toMatchObject({ host: "127.0.0.1", port: 0 });
  });

  it.each([
    [{ limits: { maxConnections: 0 } }, /maxConnections must be a positive integer, got 0/],
    [{ limits: { publishRate: 1.5 } }, /publishRate must be a positive integer, got 1.5/],
    [{ port: 70_000 }, /port must be 0..65535, got 70000/],
  ])("name the bad option: %j", (init, message) => {
    expect(() => withDefaults(init)).toThrow(message);
  });
});
