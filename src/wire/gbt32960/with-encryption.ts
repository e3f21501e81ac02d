import type { Encryption, Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";

/**
 * The frame marked for encryption `encryption`, so that encodeFrame encrypts its data unit with the
 * key of that mode. A frame with no data unit to hide keeps its flag: the heartbeat, the time
 * calibration request and an answer without time carry an empty unit (B.2.5, B.2.6, 6.3.2), and an
 * `encrypted` body is ciphertext already.
 */
export function withEncryption(frame: Frame, encryption: Encryption): Frame {
  const emptyUnit = frame.heartbeat !== undefined || frame.timeCalibrationRequest !== undefined || (frame.response !== undefined && frame.response.time === undefined);
  return emptyUnit || frame.encrypted !== undefined ? frame : { ...frame, encryption };
}
