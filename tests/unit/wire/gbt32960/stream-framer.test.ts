import { describe, expect, it } from "vitest";
import { StreamFramer, isWireError, type FramerOutput } from "../../../../src/wire/gbt32960/index.ts";
import { fromHex, readHexFixture } from "./hex.ts";

const HEARTBEAT = fromHex("232307fe4c53564155324133374b32313030303031010000ab");
const REALTIME = readHexFixture("realtime-2016-all-units");
const LOGIN_2025 = readHexFixture("vehicle-login-2025");

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

function summary(outputs: readonly FramerOutput[]): string[] {
  return outputs.map((out) => (out.frame !== undefined ? `frame ${out.frame.command}@${out.streamOffset}` : `${out.error.name}@${out.streamOffset}`));
}

function pushAll(framer: StreamFramer, chunks: readonly Uint8Array[]): FramerOutput[] {
  return chunks.flatMap((chunk) => framer.push(chunk));
}

describe("StreamFramer", () => {
  it("yields every frame of one chunk that merges three", () => {
    const outputs = new StreamFramer().push(Buffer.concat([HEARTBEAT, REALTIME, LOGIN_2025]));
    expect(summary(outputs)).toEqual(["frame 7@0", "frame 2@25", `frame 1@${25 + REALTIME.length}`]);
    expect(outputs[1]?.bytes).toEqual(REALTIME);
    expect(Buffer.isBuffer(outputs[1]?.bytes)).toBe(false); // a copy, not a view of the socket's chunk
  });

  it("reassembles frames split into single bytes", () => {
    const stream = concat(REALTIME, HEARTBEAT);
    const framer = new StreamFramer();
    const outputs = pushAll(framer, [...stream].map((byte) => new Uint8Array([byte])));
    expect(summary(outputs)).toEqual(["frame 2@0", `frame 7@${REALTIME.length}`]);
    expect(framer.pending).toBe(0);
  });

  it("reports garbage before, between and after frames and resynchronises", () => {
    const framer = new StreamFramer();
    const outputs = pushAll(framer, [fromHex("0102"), concat(HEARTBEAT, fromHex("ffee"), HEARTBEAT.subarray(0, 5)), concat(HEARTBEAT.subarray(5), fromHex("aa23"))]);
    expect(summary(outputs)).toEqual(["StartSymbolError@0", "frame 7@2", "StartSymbolError@27", "frame 7@29", "StartSymbolError@54"]);
    expect(outputs[0]?.error?.message).toBe("offset 0, start: skipped 2 bytes before a start symbol");
    expect(framer.pending).toBe(1); // a trailing "#" may start the next frame
  });

  it("does not wait for a false start symbol that declares a long frame when a complete frame follows", () => {
    const outputs = new StreamFramer().push(concat(fromHex("2323"), HEARTBEAT));
    expect(summary(outputs)).toEqual(["StartSymbolError@0", "frame 7@2"]);
  });

  it("reports a frame whose BCC fails and rescans from the byte after its start", () => {
    const corrupted = HEARTBEAT.slice();
    corrupted[10] = 0x00;
    const outputs = new StreamFramer().push(concat(corrupted, HEARTBEAT));
    expect(summary(outputs)).toEqual(["ChecksumError@0", "StartSymbolError@1", "frame 7@25"]);
    expect(outputs[0]?.error?.message).toBe("offset 24, bcc: BCC mismatch: computed 0xea, frame has 0xab");
  });

  it("treats a huge declared length as an error, not an allocation, and finds the next frame", () => {
    const bogus = HEARTBEAT.slice();
    bogus.set([0xff, 0xff], 22);
    const framer = new StreamFramer({ maxFrameSize: 1024 });
    const outputs = framer.push(concat(bogus, HEARTBEAT));
    expect(summary(outputs)).toEqual(["LengthError@0", "StartSymbolError@1", "frame 7@25"]);
    expect(outputs[0]?.error?.message).toBe("offset 22, dataUnitLength: declares a 65560-byte frame, more than the limit of 1024");
  });

  it("gets through 64 KiB of start bytes in linear time and still finds the frame after them", () => {
    const started = performance.now();
    const outputs = new StreamFramer().push(concat(new Uint8Array(65536).fill(0x23), HEARTBEAT));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(outputs.at(-1)?.frame?.command).toBe(7);
    expect(outputs.at(-1)?.streamOffset).toBe(65536);
  });

  it("does not rescan while a false start waits for a long frame fed one byte at a time", () => {
    const framer = new StreamFramer();
    const falseStart = HEARTBEAT.slice(0, 24);
    falseStart.set([0xfd, 0xe8], 22); // declares a 65025-byte frame
    const started = performance.now();
    framer.push(falseStart);
    for (let i = 0; i < 60000; i++) framer.push(new Uint8Array([i & 0x1f]));
    const outputs = [...HEARTBEAT].flatMap((byte) => framer.push(new Uint8Array([byte])));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(summary(outputs)).toEqual(["StartSymbolError@0", "frame 7@60024"]);
  });

  it("holds at most one frame's worth of bytes while waiting", () => {
    const framer = new StreamFramer({ maxFrameSize: 200 });
    const big = REALTIME.slice();
    expect(framer.push(big.subarray(0, 100))).toEqual([]);
    expect(framer.pending).toBe(100);
  });

  it("skips a frame with a good BCC but a malformed data unit whole", () => {
    const broken = fromHex("232307fe4c53564155324133374b323130303030310100010000");
    broken[broken.length - 1] = broken.subarray(2, broken.length - 1).reduce((check, byte) => check ^ byte, 0);
    const outputs = new StreamFramer().push(concat(broken, HEARTBEAT));
    expect(summary(outputs)).toEqual(["LengthError@0", "frame 7@26"]);
    expect(isWireError(outputs[0]?.error, "LengthError")).toBe(true);
    expect(outputs[0]?.bytes).toEqual(broken);
  });

  it("serves 2016 and 2025 frames on one stream", () => {
    expect(summary(new StreamFramer().push(concat(LOGIN_2025, HEARTBEAT)))).toEqual(["frame 1@0", `frame 7@${LOGIN_2025.length}`]);
  });
});
