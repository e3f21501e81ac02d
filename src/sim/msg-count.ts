import type { Random } from "./random.ts";

/**
 * A CSAE 53 MsgCount sequence for one sender and one message type: starts at a random value and
 * goes up by one per new message, 127 wrapping to 0.
 */
export class MsgCounter {
  private value: number;

  constructor(random: Random) {
    this.value = random.integer(0, 127);
  }

  /** The count for the next message. */
  next(): number {
    const value = this.value;
    this.value = (value + 1) % 128;
    return value;
  }
}
