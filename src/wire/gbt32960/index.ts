export { decodeFrame } from "./decode-frame.ts";
export { encodeFrame } from "./encode-frame.ts";
export { StreamFramer, type FramerOutput } from "./stream-framer.ts";
export { computeBcc } from "./frame-layout.ts";
export { DEFAULT_OPTIONS, type DataUnitKey, type DataUnitKeys, type Gbt32960Options } from "./options.ts";
export { WireError, isWireError, type WireErrorDetails, type WireErrorName } from "./wire-error.ts";
export { checkHexBlock, parseKeySettings, type KeySettings } from "./key-settings.ts";
export { withEncryption } from "./with-encryption.ts";
