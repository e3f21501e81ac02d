import { describe, expect, it } from "vitest";
import { heartbeatFrame, loginFrame, realtimeFrame } from "../../../../src/devices/tbox/frames.ts";
import { Command, Edition, Encryption, ResponseFlag, type Frame } from "../../../../src/schema/gen/v2xh/gbt32960/v1/index.ts";
import { emqxLayout, v2xLayout } from "../../../../src/transport/tcp/index.ts";

const VIN = "LSVAU2A37K2100001";
const time = { year: 25, month: 11, day: 26, hour: 8, minute: 30, second: 0 };
const login = loginFrame({ vin: VIN, iccid: "89860000000000000001", ressCodes: [] }, time, 1);
const report = realtimeFrame(VIN, { time, units: [] });
const queryAnswer: Frame = { edition: Edition.EDITION_2016, command: Command.PARAMETER_QUERY, responseFlag: ResponseFlag.SUCCESS, uniqueId: VIN, encryption: Encryption.NONE, heartbeat: {} };
const platformLogin: Frame = { ...heartbeatFrame(VIN), command: Command.PLATFORM_LOGIN };

describe("v2xLayout", () => {
  const layout = v2xLayout();
  it("puts each request on its kind's topic at its QoS, and the T-Box's answers on up/answer", () => {
    expect(layout.up(VIN, login)).toEqual({ topic: `v2x/v1/tbox/${VIN}/up/login`, qos: 1 });
    expect(layout.up(VIN, report)).toEqual({ topic: `v2x/v1/tbox/${VIN}/up/realtime`, qos: 1 });
    expect(layout.up(VIN, heartbeatFrame(VIN))).toEqual({ topic: `v2x/v1/tbox/${VIN}/up/heartbeat`, qos: 0 });
    expect(layout.up(VIN, queryAnswer)).toEqual({ topic: `v2x/v1/tbox/${VIN}/up/answer`, qos: 1 });
    expect(layout.up(VIN, platformLogin)).toBeUndefined();
  });

  it("takes answers and commands for every VIN, and reads the VIN back", () => {
    expect(layout.down).toEqual(["v2x/v1/tbox/+/down/answer", "v2x/v1/tbox/+/down/command"]);
    expect(layout.vinOf(`v2x/v1/tbox/${VIN}/down/answer`)).toBe(VIN);
    expect(layout.vinOf("elsewhere/x")).toBeUndefined();
  });

  it("follows a topic template, and refuses a bad one", () => {
    expect(v2xLayout("lab/{role}/{id}/{dir}/{type}").up(VIN, report)?.topic).toBe(`lab/tbox/${VIN}/up/realtime`);
    expect(() => v2xLayout("lab/{id}")).toThrow(/\{role\}/);
  });
});

describe("emqxLayout", () => {
  const layout = emqxLayout();
  it("uses the EMQX gateway's upstream topics under the default mountpoint", () => {
    expect([login, report, { ...report, command: Command.REISSUE }, heartbeatFrame(VIN), queryAnswer, platformLogin].map((f) => layout.up(VIN, f)?.topic)).toEqual(
      ["vlogin", "info", "reinfo", "transparent", "response", "plogin"].map((suffix) => `gbt32960/${VIN}/upstream/${suffix}`),
    );
    expect(layout.up(VIN, report)?.qos).toBe(1);
  });

  it("takes frames for T-Boxes from <mountpoint>dnstream", () => {
    expect(layout.down).toEqual(["gbt32960/+/dnstream"]);
    expect(layout.vinOf(`gbt32960/${VIN}/dnstream`)).toBe(VIN);
    expect(layout.vinOf(`gbt32960/${VIN}/upstream/info`)).toBeUndefined();
  });

  it("takes another mountpoint, and refuses one without ${clientid}", () => {
    const custom = emqxLayout("fleet/a/${clientid}/");
    expect(custom.up(VIN, login)?.topic).toBe(`fleet/a/${VIN}/upstream/vlogin`);
    expect(custom.vinOf(`fleet/a/${VIN}/dnstream`)).toBe(VIN);
    expect(() => emqxLayout("gbt32960/")).toThrow(/\$\{clientid\}/);
  });
});
