import { describe, expect, it } from "vitest";
import type { QoS } from "../../../../src/transport/message-kinds.ts";
import { PendingMessages, type PendingMessage } from "../../../../src/transport/mqtt/pending.ts";

function message(topic: string, qos: QoS, sentOn?: string): PendingMessage<string> {
  return { topic, payload: Buffer.alloc(0), qos, sentOn, resolve: () => undefined, reject: () => undefined };
}

describe("PendingMessages", () => {
  it("is full at its limit", () => {
    const pending = new PendingMessages<string>(2);
    pending.add(message("a", 1));
    expect(pending.full).toBe(false);
    pending.add(message("b", 1));
    expect(pending.full).toBe(true);
    expect(pending.size).toBe(2);
  });

  it("lists waiting messages in publish order, also those taken back from a lost connection", () => {
    const pending = new PendingMessages<string>(10);
    pending.add(message("first", 1, "link-1"));
    pending.add(message("second", 1));
    pending.add(message("third", 1, "link-1"));
    expect([...pending.waiting()].map(([, m]) => m.topic)).toEqual(["second"]);
    pending.takeBack("link-1");
    expect([...pending.waiting()].map(([, m]) => m.topic)).toEqual(["first", "second", "third"]);
  });

  it("on a lost connection keeps its QoS 1 and 2 messages and hands back its QoS 0 ones, leaving other connections' alone", () => {
    const pending = new PendingMessages<string>(10);
    pending.add(message("q0", 0, "lost"));
    pending.add(message("q1", 1, "lost"));
    pending.add(message("q2", 2, "lost"));
    pending.add(message("other", 0, "live"));
    const lost = pending.takeBack("lost");
    expect(lost.map(([, m]) => m.topic)).toEqual(["q0"]);
    expect(pending.size).toBe(3);
    expect([...pending.waiting()].map(([, m]) => m.topic)).toEqual(["q1", "q2"]);
  });

  it("forgets settled messages and drains the rest", () => {
    const pending = new PendingMessages<string>(10);
    const a = pending.add(message("a", 1));
    pending.add(message("b", 1));
    pending.delete(a);
    expect(pending.get(a)).toBeUndefined();
    expect(pending.drain().map(([, m]) => m.topic)).toEqual(["b"]);
    expect(pending.size).toBe(0);
  });
});
