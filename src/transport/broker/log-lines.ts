/**
 * Logs a line per kind of event at most once a second; repeats in between are counted and
 * mentioned on the next line of that kind, so a flood of refusals cannot flood the log.
 */
export class LogLines {
  private readonly write: (line: string) => void;
  private readonly now: () => number;
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(write: (line: string) => void, now: () => number = () => performance.now()) {
    this.write = write;
    this.now = now;
  }

  line(kind: string, text: string): void {
    const now = this.now();
    const last = this.last.get(kind);
    if (last !== undefined && now - last.at < 1000) {
      last.suppressed += 1;
      return;
    }
    const more = last !== undefined && last.suppressed > 0 ? ` (${last.suppressed} more like this since the last line)` : "";
    this.last.set(kind, { at: now, suppressed: 0 });
    this.write(`${text}${more}`);
  }
}
