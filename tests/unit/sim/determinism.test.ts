import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkSpatAgainstMap, encodeProtobuf, formatViolation, loadRegistry, validateRules } from "../../../src/schema/index.ts";
import type { MapData, MessageFrame } from "../../../src/schema/gen/v2xh/csae53/v1/index.ts";
import { runScenario, type Sent } from "./scenario.ts";

const registry = loadRegistry();

/** sha256 over every message's protobuf bytes, with its kind and time, in sending order. */
function streamHash(sent: readonly Sent[]): string {
  const hash = createHash("sha256");
  for (const m of sent) {
    hash.update(`${m.at}:${m.kind}:`);
    hash.update(encodeProtobuf(registry, m.typeName, m.message));
  }
  return hash.digest("hex");
}

describe("a 60 s scenario on a virtual clock", () => {
  const first = runScenario({ seed: 20250602, seconds: 60 });

  it("sends every kind of message", () => {
    const kinds = new Set(first.sent.map((m) => m.kind));
    expect([...kinds].sort()).toEqual(["bsm", "map", "realtime", "rsi", "rsm", "spat"]);
    expect(first.sent.length).toBeGreaterThan(10_000);
  });

  it("is byte-identical when run again with the same seed", () => {
    const second = runScenario({ seed: 20250602, seconds: 60 });
    expect(second.sent.length).toBe(first.sent.length);
    expect(streamHash(second.sent)).toBe(streamHash(first.sent));
  });

  it("differs with another seed", () => {
    const other = runScenario({ seed: 20250603, seconds: 60 });
    expect(streamHash(other.sent)).not.toBe(streamHash(first.sent));
  });

  it("sends only messages that pass the rule validator", () => {
    const broken = first.sent.flatMap((m) => validateRules(registry, m.typeName, m.message).map((v) => `${m.kind}@${m.at}: ${formatViolation(v)}`));
    expect(broken.slice(0, 10)).toEqual([]);
  });

  it("sends SPAT consistent with the MAP it sends", () => {
    const maps = first.sent.filter((m) => m.kind === "map").map((m) => (m.message as MessageFrame).mapFrame as MapData);
    // At 1 Hz from 0 s to 60 s inclusive.
    expect(maps.length).toBe(61);
    for (const m of first.sent) {
      const spat = (m.message as MessageFrame).spatFrame;
      if (spat !== undefined) expect(checkSpatAgainstMap(spat, maps)).toEqual([]);
    }
  });
});
