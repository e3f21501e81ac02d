import type { Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { decodeFrame } from "./decode-frame.ts";
import { FRAME_OVERHEAD, HEADER_SIZE, LENGTH_OFFSET, MAX_DATA_UNIT, checksumError, isStartByte } from "./frame-layout.ts";
import { withDefaults, type Gbt32960Options } from "./options.ts";
import { StreamBuffer } from "./stream-buffer.ts";
import { WireError, isWireError } from "./wire-error.ts";

/**
 * One result of the framer: a decoded frame, or an error, with the bytes it came from (for a frame
 * rejected by its header or BCC, the 24 header bytes) and the stream offset of the first of them.
 */
export type FramerOutput =
  | { readonly frame: Frame; readonly bytes: Uint8Array; readonly streamOffset: number; readonly error?: never }
  | { readonly error: WireError; readonly bytes: Uint8Array; readonly streamOffset: number; readonly frame?: never };

/**
 * Cuts a TCP byte stream into frames. Chunks may split or merge frames and carry garbage: bytes before
 * a start symbol are reported and dropped; a frame whose length is impossible or whose BCC fails is
 * reported and scanning resumes one byte after its start; a frame with a good BCC but a malformed data
 * unit is reported and skipped whole. While a frame is incomplete, a later complete frame with a good
 * BCC shows that its start symbol was garbage. At most `maxFrameSize` bytes are held for an incomplete
 * frame, and the work per pushed byte is bounded (no rescans), however the stream is cut.
 */
export class StreamFramer {
  private readonly options: Gbt32960Options;
  private readonly limit: number;
  private readonly buffer = new StreamBuffer();
  /** Position of the incomplete frame the state below is about, or -1. */
  private stalledAt = -1;
  /** Next position to look at for a later start symbol. */
  private scanFrom = 0;
  /** Later start symbols whose frames are not complete yet, by the position their frame ends. */
  private readonly waiting = new Map<number, number[]>();
  /** Frame ends up to which `waiting` has been checked. */
  private checkedTo = 0;

  constructor(options: Partial<Gbt32960Options> = {}) {
    this.options = withDefaults(options);
    this.limit = Math.min(this.options.maxFrameSize, MAX_DATA_UNIT + FRAME_OVERHEAD);
  }

  /** Bytes held, waiting for the rest of a frame. */
  get pending(): number {
    return this.buffer.end - this.buffer.start;
  }

  push(chunk: Uint8Array): FramerOutput[] {
    const buffer = this.buffer;
    buffer.append(chunk);
    const out: FramerOutput[] = [];
    for (;;) {
      const start = this.findStart(buffer.start);
      if (start > buffer.start) out.push(this.garbage(buffer.start, start));
      buffer.dropBefore(start);
      if (buffer.end - start < HEADER_SIZE) break;
      const size = this.declaredSize(start);
      if (size > this.limit) {
        const error = new WireError("LengthError", `declares a ${size}-byte frame, more than the limit of ${this.limit}`, { offset: LENGTH_OFFSET, field: "dataUnitLength" });
        out.push({ error, bytes: buffer.copy(start, start + HEADER_SIZE), streamOffset: start });
        buffer.dropBefore(start + 1);
        continue;
      }
      if (buffer.end - start < size) {
        // A false start symbol in garbage can declare any length: do not wait for it when a complete frame follows.
        const next = this.laterCompleteFrame(start);
        if (next === undefined) break;
        out.push(this.garbage(start, next));
        buffer.dropBefore(next);
        continue;
      }
      const end = start + size;
      const computed = buffer.xor(start + 2, end - 1);
      if (computed !== buffer.at(end - 1)) {
        // The boundaries are doubtful (likely a false start symbol): rescan from the next byte.
        out.push({ error: checksumError(computed, buffer.at(end - 1), size - 1), bytes: buffer.copy(start, start + HEADER_SIZE), streamOffset: start });
        buffer.dropBefore(start + 1);
        continue;
      }
      const bytes = buffer.copy(start, end);
      try {
        out.push({ frame: decodeFrame(bytes, this.options), bytes, streamOffset: start });
      } catch (error) {
        if (!isWireError(error)) throw error;
        out.push({ error, bytes, streamOffset: start });
      }
      buffer.dropBefore(end);
    }
    return out;
  }

  /** Position of the next start symbol at or after `from`; a lone trailing start byte may begin one. */
  private findStart(from: number): number {
    const { end } = this.buffer;
    for (let position = from; position < end - 1; position++) if (this.isStartAt(position)) return position;
    return end > from && isStartByte(this.buffer.at(end - 1)) ? end - 1 : end;
  }

  private isStartAt(position: number): boolean {
    const byte = this.buffer.at(position);
    return isStartByte(byte) && this.buffer.at(position + 1) === byte;
  }

  private declaredSize(start: number): number {
    return ((this.buffer.at(start + LENGTH_OFFSET) << 8) | this.buffer.at(start + LENGTH_OFFSET + 1)) + FRAME_OVERHEAD;
  }

  private bccHolds(start: number, end: number): boolean {
    return this.buffer.xor(start + 2, end - 1) === this.buffer.at(end - 1);
  }

  /**
   * The first later start symbol that begins a complete frame with a good BCC. Each position is looked
   * at once per stalled frame: frames not complete yet wait in `waiting` until the stream reaches their end.
   */
  private laterCompleteFrame(stalled: number): number | undefined {
    const { end } = this.buffer;
    if (this.stalledAt !== stalled) {
      this.stalledAt = stalled;
      this.scanFrom = stalled + 1;
      this.waiting.clear();
      this.checkedTo = end;
    }
    let found: number | undefined;
    for (let frameEnd = this.checkedTo + 1; frameEnd <= end; frameEnd++) {
      for (const start of this.waiting.get(frameEnd) ?? []) if (this.bccHolds(start, frameEnd) && (found === undefined || start < found)) found = start;
      this.waiting.delete(frameEnd);
    }
    this.checkedTo = end;
    if (found !== undefined) return found;
    for (; this.scanFrom + HEADER_SIZE <= end; this.scanFrom++) {
      const start = this.scanFrom;
      if (!this.isStartAt(start)) continue;
      const size = this.declaredSize(start);
      if (size > this.limit) continue;
      if (start + size <= end) {
        if (this.bccHolds(start, start + size)) return start;
        continue;
      }
      const bucket = this.waiting.get(start + size);
      if (bucket === undefined) this.waiting.set(start + size, [start]);
      else bucket.push(start);
    }
    return undefined;
  }

  private garbage(start: number, end: number): FramerOutput {
    const error = new WireError("StartSymbolError", `skipped ${end - start} byte${end - start === 1 ? "" : "s"} before a start symbol`, { offset: start, field: "start" });
    return { error, bytes: this.buffer.copy(start, end), streamOffset: start };
  }
}
