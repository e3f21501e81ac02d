import { describe, expect, it } from "vitest";
import { LogLines } from "../../../../src/transport/broker/log-lines.ts";

describe("LogLines", () => {
  it("writes a kind of line at most once a second and counts the repeats on the next line", () => {
    let now = 0;
    const written: string[] = [];
    const log = new LogLines((line) => written.push(line), () => now);
    log.line("refused", "refused a");
    log.line("refused", "refused b");
    log.line("refused", "refused c");
    log.line("backlog", "backlog a");
    now = 1000;
    log.line("refused", "refused d");
    log.line("refused", "refused e");
    now = 2500;
    log.line("refused", "refused f");
    expect(written).toEqual(["refused a", "backlog a", "refused d (2 more like this since the last line)", "refused f (1 more like this since the last line)"]);
  });
});
