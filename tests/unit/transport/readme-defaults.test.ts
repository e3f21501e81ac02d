import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MQTT_BINDING_DEFAULTS } from "../../../src/transport/mqtt/index.ts";

const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");

/** The README's MQTT options table, as option → default text. */
function documentedDefaults(): Map<string, string> {
  const table = readme.slice(readme.indexOf("| option | default | meaning |"));
  const rows = table.split("\n").slice(2).filter((line) => line.startsWith("| `"));
  return new Map(rows.map((row) => {
    const [, option = "", value = ""] = row.split("|").map((cell) => cell.trim());
    return [option.replace(/`/g, ""), value.replace(/`/g, "")];
  }));
}

describe("the README's MQTT options table", () => {
  const documented = documentedDefaults();

  it.each([
    ["protocolVersion", String(MQTT_BINDING_DEFAULTS.protocolVersion)],
    ["topicTemplate", MQTT_BINDING_DEFAULTS.topicTemplate],
    ["encoding", MQTT_BINDING_DEFAULTS.encoding],
    ["reconnect.initialDelayMs", String(MQTT_BINDING_DEFAULTS.reconnect.initialDelayMs)],
    ["reconnect.maxDelayMs", String(MQTT_BINDING_DEFAULTS.reconnect.maxDelayMs)],
    ["reconnect.factor", String(MQTT_BINDING_DEFAULTS.reconnect.factor)],
    ["reconnect.jitter", String(MQTT_BINDING_DEFAULTS.reconnect.jitter)],
    ["maxPending", String(MQTT_BINDING_DEFAULTS.maxPending)],
    ["keepalive", String(MQTT_BINDING_DEFAULTS.keepalive)],
    ["connectTimeoutMs", String(MQTT_BINDING_DEFAULTS.connectTimeoutMs)],
  ])("states the default of %s as the code does", (option, value) => {
    expect(documented.get(option)).toBe(value);
  });

  it("documents every option the binding has", () => {
    const options = Object.keys(MQTT_BINDING_DEFAULTS).flatMap((key) =>
      key === "reconnect" ? Object.keys(MQTT_BINDING_DEFAULTS.reconnect).map((k) => `reconnect.${k}`) : key === "timeSource" ? [] : [key],
    );
    expect(options.filter((option) => !documented.has(option))).toEqual([]);
  });
});
