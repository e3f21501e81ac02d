import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../../src/schema/index.ts";
import { MESSAGE_KINDS } from "../../../src/transport/message-kinds.ts";

const kinds = Object.entries(MESSAGE_KINDS);

describe("the message kinds", () => {
  it.each(kinds)("%s names a loaded message type", (_name, kind) => {
    expect(loadRegistry().messageType(kind.typeName).fullName).toBe(`.${kind.typeName}`);
  });

  it("give each role and direction one kind per topic type", () => {
    const keys = kinds.map(([, k]) => `${k.role}/${k.dir}/${k.topicType}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("keep one payload type per topic type, so a topic alone tells the type", () => {
    const types = new Map<string, Set<string>>();
    for (const [, k] of kinds) types.set(k.topicType, (types.get(k.topicType) ?? new Set()).add(k.typeName));
    expect([...types].filter(([, names]) => names.size > 1)).toEqual([]);
  });

  it("send the periodic broadcasts the next message supersedes at QoS 0, and what must not be lost at QoS 1", () => {
    const byQos = (qos: number) => kinds.filter(([, k]) => k.qos === qos).map(([name]) => name).sort();
    expect(byQos(0)).toEqual(["bsm", "heartbeat", "rsm", "spat"]);
    expect(byQos(2)).toEqual([]);
  });
});
