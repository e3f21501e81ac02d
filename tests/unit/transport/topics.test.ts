import { describe, expect, it } from "vitest";
import { DEFAULT_TOPIC_TEMPLATE, parseTopic, renderTopic, templateProblem, topicFilter } from "../../../src/transport/topics.ts";

const BSM = { role: "obu", id: "veh-1", dir: "up", type: "bsm" } as const;

describe("topic templates", () => {
  it("render the default scheme of ARCHITECTURE.md §5", () => {
    expect(renderTopic(DEFAULT_TOPIC_TEMPLATE, BSM)).toBe("v2x/v1/obu/veh-1/up/bsm");
  });

  it("render any order of placeholders a template puts them in", () => {
    expect(renderTopic("lab/{type}/{id}/{dir}/{role}", BSM)).toBe("lab/bsm/veh-1/up/obu");
  });

  it.each(["a/b", "a+b", "a#", ""])("refuse an id that would change the topic's shape: %j", (id) => {
    expect(() => renderTopic(DEFAULT_TOPIC_TEMPLATE, { ...BSM, id })).toThrow(/topic id .* must be non-empty and contain no "\/", "\+" or "#"/);
  });

  it("turn missing parts into single-level wildcards in a filter", () => {
    expect(topicFilter(DEFAULT_TOPIC_TEMPLATE, { role: "rsu", type: "spat", dir: "up" })).toBe("v2x/v1/rsu/+/up/spat");
    expect(topicFilter(DEFAULT_TOPIC_TEMPLATE, {})).toBe("v2x/v1/+/+/+/+");
  });

  it("parse a topic back into its parts, and nothing that does not match", () => {
    expect(parseTopic(DEFAULT_TOPIC_TEMPLATE, "v2x/v1/tbox/LSVAU2180N2183294/up/realtime")).toEqual({ role: "tbox", id: "LSVAU2180N2183294", dir: "up", type: "realtime" });
    expect(parseTopic(DEFAULT_TOPIC_TEMPLATE, "v2x/v1/obu/veh-1/up")).toBeUndefined();
    expect(parseTopic(DEFAULT_TOPIC_TEMPLATE, "v2x/v2/obu/veh-1/up/bsm")).toBeUndefined();
    expect(parseTopic(DEFAULT_TOPIC_TEMPLATE, "v2x/v1/car/veh-1/up/bsm")).toBeUndefined();
    expect(parseTopic(DEFAULT_TOPIC_TEMPLATE, "v2x/v1/obu/veh-1/sideways/bsm")).toBeUndefined();
    expect(parseTopic(DEFAULT_TOPIC_TEMPLATE, "v2x/v1/obu//up/bsm")).toBeUndefined();
  });

  it.each([
    ["v2x/{role}/{id}/{dir}", /must contain \{type\} once as a whole level, found 0/],
    ["v2x/{role}/{id}/{dir}/{type}/{id}", /must contain \{id\} once as a whole level, found 2/],
    ["v2x/{role}-{id}/{dir}/{type}", /must contain \{role\} once as a whole level, found 0/],
    ["v2x/#/{role}/{id}/{dir}/{type}", /has a malformed level "#"/],
  ])("report what is wrong with a template: %s", (template, problem) => {
    expect(templateProblem(template)).toMatch(problem);
  });

  it("accept the default template", () => {
    expect(templateProblem(DEFAULT_TOPIC_TEMPLATE)).toBeUndefined();
  });
});
