import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isHarnessError } from "../../../src/conformance/harness-error.ts";
import { defaultPics, loadPics, picsUnmet } from "../../../src/conformance/pics.ts";
import { checkPixit, loadPixit, redactPixit, tcpCodecOf } from "../../../src/conformance/pixit.ts";
import { loadRequirements } from "../../../src/conformance/requirements.ts";
import { listFaults } from "../../../src/devices/index.ts";

function file(name: string, text: string): string {
  const full = path.join(mkdtempSync(path.join(os.tmpdir(), "v2x-config-")), name);
  writeFileSync(full, text);
  return full;
}

function configError(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    if (isHarnessError(error, "ConfigError")) return error.message;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("PIXIT files", () => {
  it("fill in every default", () => {
    const pixit = loadPixit("obu", file("p.yaml", "role: obu\nsut: { id: obu-7 }\nbus: { url: mqtt://broker:1883 }\n"));
    expect(pixit).toMatchObject({ sut: { id: "obu-7" }, bus: { protocolVersion: 5, encoding: "protobuf", topicTemplate: "v2x/v1/{role}/{id}/{dir}/{type}" }, link: { control: "none" }, run: { concurrency: 8 } });
  });

  it("name the file, the path, what was expected and what was found", () => {
    const message = configError(() => loadPixit("obu", file("bad.yaml", "role: obu\nsut: { id: obu-7 }\nbus: { url: mqtt://b, protocolVersion: 7 }\n")));
    expect(message).toContain("bad.yaml: /bus/protocolVersion: not an allowed value (expected one of 4, 5, got 7)");
    expect(configError(() => loadPixit("obu", file("nobus.yaml", "role: obu\nsut: { id: o }\n")))).toContain("nobus.yaml: /bus: required key is missing");
    expect(configError(() => loadPixit("obu", "/nonexistent/pixit.yaml"))).toContain("/nonexistent/pixit.yaml: cannot read it (ENOENT)");
  });

  it("take GB/T 32960 over TCP for the tbox (listen) and platform (connect) suites only, in place of the bus", () => {
    expect(loadPixit("tbox", file("t.yaml", "role: tbox\nsut: { id: LSVAB4BR7FN000001 }\ntcp: { listen: 0.0.0.0:7325 }\n"))).toMatchObject({ tcp: { listen: "0.0.0.0:7325" } });
    expect(loadPixit("platform", file("p.yaml", "role: platform\nsut: { id: p }\ntcp: { connect: platform.lab:7325 }\n"))).toMatchObject({ tcp: { connect: "platform.lab:7325" } });
    expect(configError(() => loadPixit("tbox", file("conn.yaml", "role: tbox\nsut: { id: v }\ntcp: { connect: x:1 }\n")))).toContain("conn.yaml: /tcp/connect: unknown key (expected one of listen, keys)");
    expect(configError(() => loadPixit("platform", file("port.yaml", "role: platform\nsut: { id: p }\ntcp: { connect: platform.lab }\n")))).toContain("port.yaml: /tcp/connect: malformed");
    expect(configError(() => loadPixit("obu", file("obu.yaml", "role: obu\nsut: { id: o }\nbus: { url: mqtt://b }\ntcp: { listen: 0.0.0.0:1 }\n")))).toContain("obu.yaml: /tcp: unknown key");
  });

  it("take data-unit keys over TCP, and the vehicles' encryption for the platform suite only", () => {
    const keys = 'keys: { aesKey: "000102030405060708090a0b0c0d0e0f", iv: "0f0e0d0c0b0a09080706050403020100" }';
    const platform = loadPixit("platform", file("pk.yaml", `role: platform\nsut: { id: p }\ntcp: { connect: platform.lab:7325, encryption: aes, ${keys} }\n`));
    expect(platform.tcp).toMatchObject({ encryption: "aes", keys: { aesKey: "000102030405060708090a0b0c0d0e0f" } });
    expect(tcpCodecOf(platform.tcp ?? { connect: "" })).toMatchObject({ encryption: 0x03, codec: { keys: { aes: { mode: "cbc" } } } });
    expect(loadPixit("tbox", file("tk.yaml", `role: tbox\nsut: { id: LSVAB4BR7FN000001 }\ntcp: { listen: 0.0.0.0:7325, ${keys} }\n`)).tcp).toMatchObject({ keys: { iv: "0f0e0d0c0b0a09080706050403020100" } });
    expect(configError(() => loadPixit("platform", file("short.yaml", 'role: platform\nsut: { id: p }\ntcp: { connect: x:1, keys: { aesKey: "0001" } }\n')))).toContain("short.yaml: /tcp/keys/aesKey: malformed");
    expect(configError(() => loadPixit("tbox", file("enc.yaml", "role: tbox\nsut: { id: v }\ntcp: { listen: x:1, encryption: aes }\n")))).toContain("enc.yaml: /tcp/encryption: unknown key");
    expect(configError(() => loadPixit("platform", file("sm4.yaml", "role: platform\nsut: { id: p }\ntcp: { connect: x:1, encryption: sm4 }\n")))).toContain("sm4.yaml: /tcp/encryption: not an allowed value");
    expect(() => tcpCodecOf({ connect: "x:1", encryption: "aes" })).toThrow('PIXIT: tcp.encryption "aes" needs the AES key in tcp.keys.aesKey');
    expect(JSON.stringify(redactPixit(platform))).not.toContain("000102030405060708090a0b0c0d0e0f");
  });

  it("hide passwords in the snapshot a report keeps", () => {
    const pixit = checkPixit("obu", { role: "obu", sut: { id: "o" }, bus: { url: "mqtt://b", username: "u", password: "secret" } });
    expect(JSON.stringify(redactPixit(pixit))).not.toContain("secret");
  });
});

describe("PICS files", () => {
  it("take each omitted item at its default and refuse unknown items", () => {
    expect(loadPics("obu", file("p.yaml", "role: obu\nitems: { PICS_UPPER_TESTER: true }\n"))).toMatchObject({ ...defaultPics("obu"), PICS_UPPER_TESTER: true });
    expect(configError(() => loadPics("obu", file("x.yaml", "role: obu\nitems: { PICS_TELEPORT: true }\n")))).toContain("x.yaml: /items/PICS_TELEPORT: unknown key");
  });

  it("gate tests by claimed and not-claimed items", () => {
    expect(picsUnmet({ A: true, B: false }, ["A", "!B"])).toBeUndefined();
    expect(picsUnmet({ A: true, B: false }, ["B"])).toBe("B");
    expect(picsUnmet({ A: true, B: false }, ["!A"])).toBe("!A");
  });
});

describe("the requirement catalogue", () => {
  const catalogue = loadRequirements();

  it("has every requirement a reference device's fault declares it breaks", () => {
    const missing = (["obu", "rsu", "tbox", "platform", "vss"] as const).flatMap((role) => listFaults(role)).filter((f) => catalogue.get(f.breaks) === undefined || !catalogue.get(f.breaks)?.roles.includes(f.role));
    expect(missing.map((f) => `${f.role}/${f.name}: ${f.breaks}`)).toEqual([]);
  });
});
