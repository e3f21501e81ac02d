/** Roles of the MQTT topic scheme (ARCHITECTURE.md §5); `vss` talks VISS over WebSocket instead. */
export type BusRole = "obu" | "rsu" | "tbox" | "platform";
export type Direction = "up" | "down";
export type QoS = 0 | 1 | 2;

export interface MessageKind {
  /** The `{type}` segment of the topic, e.g. "bsm". */
  readonly topicType: string;
  /** Full protobuf type of the payload. */
  readonly typeName: string;
  readonly role: BusRole;
  readonly dir: Direction;
  /** Default QoS, and why: see MESSAGE_KINDS. */
  readonly qos: QoS;
}

const FRAME = "v2xh.csae53.v1.MessageFrame";
const GBT = "v2xh.gbt32960.v1.Frame";

/**
 * Every message kind on the bus with its default QoS. The policy: periodic V2X broadcasts that
 * the next message supersedes (BSM 10 Hz, SPAT, RSM) go at QoS 0, as on the radio; MAP and RSI
 * change rarely and a receiver needs them, so QoS 1; every GB/T 32960 exchange is QoS 1, because
 * the standard requires that nothing accepted is lost (reissue after outages), except the
 * heartbeat, whose loss is itself the signal. A binding's options may override any of these.
 */
export const MESSAGE_KINDS = {
  bsm: { topicType: "bsm", typeName: FRAME, role: "obu", dir: "up", qos: 0 },
  map: { topicType: "map", typeName: FRAME, role: "rsu", dir: "up", qos: 1 },
  spat: { topicType: "spat", typeName: FRAME, role: "rsu", dir: "up", qos: 0 },
  rsi: { topicType: "rsi", typeName: FRAME, role: "rsu", dir: "up", qos: 1 },
  rsm: { topicType: "rsm", typeName: FRAME, role: "rsu", dir: "up", qos: 0 },
  login: { topicType: "login", typeName: GBT, role: "tbox", dir: "up", qos: 1 },
  realtime: { topicType: "realtime", typeName: GBT, role: "tbox", dir: "up", qos: 1 },
  reissue: { topicType: "reissue", typeName: GBT, role: "tbox", dir: "up", qos: 1 },
  logout: { topicType: "logout", typeName: GBT, role: "tbox", dir: "up", qos: 1 },
  heartbeat: { topicType: "heartbeat", typeName: GBT, role: "tbox", dir: "up", qos: 0 },
  timeCalibration: { topicType: "time-calibration", typeName: GBT, role: "tbox", dir: "up", qos: 1 },
  tboxAnswer: { topicType: "answer", typeName: GBT, role: "tbox", dir: "up", qos: 1 },
  platformCommand: { topicType: "command", typeName: GBT, role: "tbox", dir: "down", qos: 1 },
  platformAnswer: { topicType: "answer", typeName: GBT, role: "tbox", dir: "down", qos: 1 },
} as const satisfies Record<string, MessageKind>;

export type MessageKindName = keyof typeof MESSAGE_KINDS;
