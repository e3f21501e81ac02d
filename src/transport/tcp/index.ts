export { Gbt32960Link, FRAME_TYPE, type Gbt32960LinkEvents, type Gbt32960LinkOptions } from "./gbt32960-link.ts";
export { Gbt32960TcpServer, type Gbt32960ServerEvents, type Gbt32960ServerOptions } from "./gbt32960-server.ts";
export { Gbt32960TcpClient, type Gbt32960ClientEvents, type Gbt32960ClientOptions } from "./gbt32960-client.ts";
export { emqxLayout, v2xLayout, type TopicLayout } from "./topic-layouts.ts";
export { startGbt32960Bridge, type Gbt32960Bridge, type Gbt32960BridgeOptions } from "./gbt32960-bridge.ts";
export { VEHICLE_COMMANDS, downKindOf, headerOfBytes, headerOfFrame, upKindOf, type FrameHeader } from "./frame-header.ts";
