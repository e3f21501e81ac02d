import type { RawData } from "ws";

/** One received frame as a Buffer, whichever of its three shapes ws delivered it in. */
export function rawDataToBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
