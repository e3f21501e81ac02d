import { describe, it } from "vitest";
import { CliError } from "../../../src/cli/cli-error.ts";
import { serveCommand, serveOptionsFrom } from "../../../src/cli/commands/serve.ts";
import { loginFrame } from "../../../src/devices/tbox/frames.ts";
import { ResponseFlag } from "../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { beijingTime } from "../../../src/sim/index.ts";
import { sleep, uniqueVin } from "../devices/bus.ts";
import { TcpTbox } from "./tcp-tbox.ts";

const flags = { fault: [] as string[] };

describe.concurrent("v2x serve platform --tcp", () => {
  it("serves the platform over TCP alone, says where, answers a login there, and stops cleanly", async ({ expect, onTestFinished }) => {
    const lines: string[] = [];
    const stop = new AbortController();
    const running = serveCommand({ role: "platform", faults: [], tcp: 0, signal: stop.signal, print: (line) => lines.push(line) });
    const deadline = Date.now() + 5000;
    while (!lines.includes("stop with Ctrl-C") && Date.now() < deadline) await sleep(20);
    const port = Number(/over TCP on 0\.0\.0\.0:(\d+)/.exec(lines.join("\n"))?.[1]);
    expect(port).toBeGreaterThan(0);
    const tbox = await TcpTbox.connect(port, onTestFinished);
    const vin = uniqueVin();
    tbox.client.send(loginFrame({ vin, iccid: "89860000000000000001", ressCodes: [] }, beijingTime(Date.now()), 1));
    expect((await tbox.answers(1))[0]?.responseFlag).toBe(ResponseFlag.SUCCESS);
    stop.abort();
    await running;
    expect(lines.at(-1)).toBe("v2x serve: platform platform-1 stopped");
  });

  it("takes --tcp instead of --broker for the platform only", ({ expect }) => {
    const signal = AbortSignal.abort();
    expect(serveOptionsFrom("platform", { ...flags, tcp: 7325 }, signal)).toMatchObject({ role: "platform", tcp: 7325 });
    expect(() => serveOptionsFrom("platform", flags, signal)).toThrow(/--broker <url>.*or listen for T-Boxes over TCP with --tcp <port>/);
    expect(() => serveOptionsFrom("obu", { ...flags, tcp: 7325, broker: "mqtt://x" }, signal)).toThrow(CliError);
  });
});
