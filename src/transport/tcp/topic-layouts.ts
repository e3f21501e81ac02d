import { Command, ResponseFlag, type Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { upKindOf } from "./frame-header.ts";
import { MESSAGE_KINDS, type QoS } from "../message-kinds.ts";
import { DEFAULT_TOPIC_TEMPLATE, parseTopic, renderTopic, templateProblem, topicFilter } from "../topics.ts";

/** Where the bridge puts frames from T-Boxes, and where it takes frames for them from. */
export interface TopicLayout {
  /** The topic and QoS of a frame from `vin`, or undefined for a frame this layout has no topic for. */
  up(vin: string, frame: Frame): { readonly topic: string; readonly qos: QoS } | undefined;
  /** Filters of the frames for T-Boxes (platform answers and commands). */
  readonly down: readonly string[];
  /** The VIN a down topic is addressed to, or undefined. */
  vinOf(topic: string): string | undefined;
}

/** The harness scheme (ARCHITECTURE.md §5): `v2x/v1/tbox/<vin>/up/<kind>`, answers and commands on `…/down/answer` and `…/down/command`. */
export function v2xLayout(template: string = DEFAULT_TOPIC_TEMPLATE): TopicLayout {
  const problem = templateProblem(template);
  if (problem !== undefined) throw new RangeError(problem);
  return {
    up(vin, frame) {
      const kind = upKindOf(frame);
      if (kind === undefined) return undefined;
      const { role, dir, topicType, qos } = MESSAGE_KINDS[kind];
      return { topic: renderTopic(template, { role, id: vin, dir, type: topicType }), qos };
    },
    down: (["platformAnswer", "platformCommand"] as const).map((kind) => {
      const { role, dir, topicType } = MESSAGE_KINDS[kind];
      return topicFilter(template, { role, dir, type: topicType });
    }),
    vinOf: (topic) => parseTopic(template, topic)?.id,
  };
}

/**
 * The topics of the EMQX GB/T 32960 gateway, after its mountpoint (default `gbt32960/${clientid}/`,
 * the client id being the VIN): `upstream/vlogin`, `upstream/info` (realtime), `upstream/reinfo`
 * (reissue), `upstream/vlogout`, `upstream/response` (the T-Box's answers), `upstream/transparent`
 * (everything else, heartbeat and time calibration included), and `dnstream` towards the T-Box.
 * Sources: docs.emqx.com/en/emqx/latest/gateway/gbt32960.md (mountpoint, data exchange format) and
 * github.com/emqx/emqx apps/emqx_gateway_gbt32960/src/emqx_gbt32960_channel.erl (`transform/2`).
 * Only the topics are EMQX's: payloads stay the harness's protobuf Frame, not EMQX's JSON.
 */
export function emqxLayout(mountpoint = "gbt32960/${clientid}/"): TopicLayout {
  if (mountpoint.split("${clientid}").length !== 2 || !mountpoint.endsWith("/") || /[+#]/.test(mountpoint)) {
    throw new RangeError(`mountpoint "${mountpoint}" must contain \${clientid} once, end with "/" and hold no "+" or "#"`);
  }
  const [before = "", after = ""] = mountpoint.split("${clientid}");
  const at = (vin: string, suffix: string): string => `${before}${vin}${after}${suffix}`;
  return {
    up(vin, frame) {
      if (frame.responseFlag !== ResponseFlag.COMMAND) return { topic: at(vin, "upstream/response"), qos: 1 };
      return { topic: at(vin, `upstream/${EMQX_UPSTREAM.get(frame.command) ?? "transparent"}`), qos: 1 };
    },
    down: [at("+", "dnstream")],
    vinOf(topic) {
      if (!topic.startsWith(before) || !topic.endsWith(`${after}dnstream`)) return undefined;
      const vin = topic.slice(before.length, topic.length - after.length - "dnstream".length);
      return vin === "" || vin.includes("/") ? undefined : vin;
    },
  };
}

const EMQX_UPSTREAM: ReadonlyMap<number, string> = new Map([
  [Command.VEHICLE_LOGIN, "vlogin"],
  [Command.REALTIME, "info"],
  [Command.REISSUE, "reinfo"],
  [Command.VEHICLE_LOGOUT, "vlogout"],
  [Command.PLATFORM_LOGIN, "plogin"],
  [Command.PLATFORM_LOGOUT, "plogout"],
]);
