/**
 * The bytes of a stream not yet consumed, addressed by stream position, with running XORs so that the
 * XOR of any held range (a BCC) costs O(1). Appending and dropping are amortised O(bytes).
 */
export class StreamBuffer {
  private data = new Uint8Array(1024);
  /** xors[i] is the XOR of data[0..i). */
  private xors = new Uint8Array(1025);
  /** Stream position of data[0]. */
  private base = 0;
  /** Stream position of the first byte held. */
  private first = 0;
  /** Stream position after the last byte held. */
  private last = 0;

  get start(): number {
    return this.first;
  }

  get end(): number {
    return this.last;
  }

  append(chunk: Uint8Array): void {
    this.makeRoom(chunk.length);
    const at = this.last - this.base;
    this.data.set(chunk, at);
    for (let i = 0; i < chunk.length; i++) this.xors[at + i + 1] = (this.xors[at + i] as number) ^ (chunk[i] as number);
    this.last += chunk.length;
  }

  /** The byte at stream position `position` (held). */
  at(position: number): number {
    return this.data[position - this.base] as number;
  }

  /** XOR of the bytes from `from` up to `to` (exclusive). */
  xor(from: number, to: number): number {
    return (this.xors[to - this.base] as number) ^ (this.xors[from - this.base] as number);
  }

  /** A copy of the bytes from `from` up to `to`. */
  copy(from: number, to: number): Uint8Array {
    return this.data.slice(from - this.base, to - this.base);
  }

  /** Forgets every byte before `position`. */
  dropBefore(position: number): void {
    this.first = position;
  }

  private makeRoom(extra: number): void {
    const held = this.last - this.first;
    if (this.last - this.base + extra <= this.data.length) return;
    const size = Math.max(1024, (held + extra) * 2);
    const data = new Uint8Array(size);
    data.set(this.data.subarray(this.first - this.base, this.last - this.base));
    const xors = new Uint8Array(size + 1);
    for (let i = 0; i < held; i++) xors[i + 1] = (xors[i] as number) ^ (data[i] as number);
    this.data = data;
    this.xors = xors;
    this.base = this.first;
  }
}
