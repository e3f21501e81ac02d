import { describe, expect, it } from "vitest";
import { decodeProtobuf, encodeProtobuf, formatViolation, loadRegistry, validateRules } from "../../../../src/schema/index.ts";
import { MESSAGE_KINDS, type MessageKindName } from "../../../../src/transport/message-kinds.ts";
import { virtualRun } from "./fleet-run.ts";

const registry = loadRegistry();
const kindOf = (topic: string): MessageKindName => Object.entries(MESSAGE_KINDS).find(([, k]) => k.topicType === topic.split("/").at(-1))![0] as MessageKindName;

describe("a fleet run on a virtual clock", () => {
  const run = virtualRun(40, { duration: 20_000, realtimePeriodMs: 1000 });

  it("sends only messages that decode and pass the rule validator", async () => {
    const { received } = await run;
    const broken = received.flatMap((m) => {
      const { typeName } = MESSAGE_KINDS[kindOf(m.topic)];
      return validateRules(registry, typeName, decodeProtobuf(registry, typeName, m.payload)).map((v) => `${m.topic}@${m.at}: ${formatViolation(v)}`);
    });
    expect(broken.slice(0, 10)).toEqual([]);
  });

  it("encodes exactly as encodeProtobuf does", async () => {
    const { received } = await run;
    for (const m of received.filter((_, i) => i % 50 === 0)) {
      const { typeName } = MESSAGE_KINDS[kindOf(m.topic)];
      expect(Buffer.from(encodeProtobuf(registry, typeName, decodeProtobuf(registry, typeName, m.payload))).equals(m.payload)).toBe(true);
    }
  });

  it("sends every device on time at its rate, with counts that add up", async () => {
    const { summary, received } = await run;
    expect(summary.completed).toBe(true);
    expect(summary.lateness.max).toBe(0);
    const bsm = summary.byKind.bsm!;
    // 40 vehicles × 10 Hz × 20 s.
    expect(bsm.sent).toBe(8000);
    for (const counts of Object.values(summary.byKind)) {
      expect(counts.due).toBe(counts.sent + counts.droppedOffline + counts.droppedBackpressure + counts.skipped);
      if (counts.qos === 1) expect(counts.acknowledged).toBe(counts.sent);
    }
    expect(summary.messages.sent).toBe(received.length);
    expect(summary.sentPerSecond).toBe(received.length / 20);
    const perVehicle = new Map<string, number[]>();
    for (const m of received) if (m.topic.endsWith("/bsm")) perVehicle.set(m.topic, [...(perVehicle.get(m.topic) ?? []), m.at]);
    for (const times of perVehicle.values()) expect(new Set(times.slice(1).map((t, i) => t - times[i]!))).toEqual(new Set([100]));
  });

  it("logs every T-Box in before its first realtime report", async () => {
    const { received } = await run;
    const seen = new Set<string>();
    for (const m of received) {
      const [, , , vin, , type] = m.topic.split("/");
      if (type === "login") seen.add(vin!);
      if (type === "realtime") expect(seen.has(vin!)).toBe(true);
    }
    expect(seen.size).toBeGreaterThan(0);
  });
});
