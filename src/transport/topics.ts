import type { BusRole, Direction } from "./message-kinds.ts";

/** The default topic scheme (ARCHITECTURE.md §5). Templates are configuration (PIXIT), never hard-coded elsewhere. */
export const DEFAULT_TOPIC_TEMPLATE = "v2x/v1/{role}/{id}/{dir}/{type}";

export interface TopicParts {
  readonly role: BusRole;
  readonly id: string;
  readonly dir: Direction;
  readonly type: string;
}

const PLACEHOLDERS = ["role", "id", "dir", "type"] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

function segments(template: string): string[] {
  return template.split("/");
}

function placeholderOf(segment: string): Placeholder | undefined {
  const match = /^\{(\w+)\}$/.exec(segment);
  return PLACEHOLDERS.find((p) => p === match?.[1]);
}

/** Checks a template: every placeholder once, each a whole topic level. Returns the problem, if any. */
export function templateProblem(template: string): string | undefined {
  for (const p of PLACEHOLDERS) {
    const count = segments(template).filter((s) => placeholderOf(s) === p).length;
    if (count !== 1) return `topic template "${template}" must contain {${p}} once as a whole level, found ${count}`;
  }
  const stray = segments(template).find((s) => placeholderOf(s) === undefined && /[{}+#]/.test(s));
  return stray === undefined ? undefined : `topic template "${template}" has a malformed level "${stray}"`;
}

/** The topic for these parts. An id containing "/", "+" or "#" would change the topic's shape and is refused. */
export function renderTopic(template: string, parts: TopicParts): string {
  for (const p of PLACEHOLDERS) {
    if (/[/+#]/.test(parts[p]) || parts[p] === "") throw new RangeError(`topic ${p} "${parts[p]}" must be non-empty and contain no "/", "+" or "#"`);
  }
  return segments(template)
    .map((s) => {
      const p = placeholderOf(s);
      return p === undefined ? s : parts[p];
    })
    .join("/");
}

/** A subscription filter: the given parts filled in, the rest as "+". */
export function topicFilter(template: string, parts: Partial<TopicParts>): string {
  return segments(template)
    .map((s) => {
      const p = placeholderOf(s);
      return p === undefined ? s : (parts[p] ?? "+");
    })
    .join("/");
}

/** The parts of a topic that matches the template, or undefined. */
export function parseTopic(template: string, topic: string): TopicParts | undefined {
  const pattern = segments(template);
  const levels = topic.split("/");
  if (levels.length !== pattern.length) return undefined;
  const found: Partial<Record<Placeholder, string>> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = placeholderOf(pattern[i] ?? "");
    const level = levels[i] ?? "";
    if (p === undefined) {
      if (pattern[i] !== level) return undefined;
    } else {
      if (level === "") return undefined;
      found[p] = level;
    }
  }
  const { role, id, dir, type } = found;
  if (role === undefined || id === undefined || type === undefined || (dir !== "up" && dir !== "down")) return undefined;
  if (!["obu", "rsu", "tbox", "platform"].includes(role)) return undefined;
  return { role: role as BusRole, id, dir, type };
}

/** The upper-tester topics of a device (ARCHITECTURE.md §5): the harness asks on `request`, the device answers on `response`. */
export function upperTesterTopic(deviceId: string, direction: "request" | "response"): string {
  return `v2x/v1/ut/${deviceId}/${direction}`;
}
