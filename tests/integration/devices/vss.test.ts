import { describe, it, vi } from "vitest";
import { listFaults, startDevice } from "../../../src/devices/index.ts";
import { registry } from "./bus.ts";
import { VissSocket } from "./viss-socket.ts";
import { vssFindings } from "./vss-findings.ts";
import { runVss } from "./vss-run.ts";

vi.setConfig({ maxConcurrency: 16 });

describe.concurrent("the VSS server", () => {
  it("reference: subprotocol, get, the spec's errors, set with a token, timebased and change subscriptions, unsubscribe, requestIds echoed, malformed JSON survived", async ({ expect, onTestFinished }) => {
    const run = await runVss([], onTestFinished);
    expect(vssFindings(run)).toEqual(new Set());
  });

  it("has sensor values that change while the vehicle drives", async ({ expect, onTestFinished }) => {
    const vss = await startDevice("vss", { registry });
    onTestFinished(() => vss.stop());
    const client = await VissSocket.open(vss.url, onTestFinished);
    const read = async (path: string): Promise<unknown> => ((await client.request({ action: "get", path, requestId: path }))?.json?.["data"] as { dp?: { value?: unknown } } | undefined)?.dp?.value;
    const before = await read("Vehicle.TraveledDistance");
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(Number(await read("Vehicle.TraveledDistance"))).toBeGreaterThan(Number(before));
    expect(Number(await read("Vehicle.Powertrain.TractionBattery.StateOfCharge.Current"))).toBeGreaterThan(0);
    expect(await read("Vehicle.CurrentLocation.Latitude")).toMatch(/^39\.(79|80)/);
  });

  it("refuses a client that offers only a subprotocol it does not speak", async ({ expect, onTestFinished }) => {
    const vss = await startDevice("vss", { registry });
    onTestFinished(() => vss.stop());
    await expect(VissSocket.open(vss.url, onTestFinished, ["VISSv9"])).rejects.toThrow(/400/);
  });

  for (const fault of listFaults("vss")) {
    it(`${fault.name} breaks ${fault.breaks} and nothing else`, async ({ expect, onTestFinished }) => {
      expect(vssFindings(await runVss([fault.name], onTestFinished))).toEqual(new Set([fault.breaks]));
    });
  }
});
