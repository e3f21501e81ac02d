import { readFileSync } from "node:fs";
import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { compileAll, decodeJson, fieldRule, loadRegistry, messageRule, validateRules } from "../../../src/schema/index.ts";
import { validFixtures } from "../../helpers/fixtures.ts";

const registry = loadRegistry();
const NUMERIC = new Set(["int32", "uint32", "sint32", "fixed32", "sfixed32", "int64", "uint64", "sint64", "fixed64", "sfixed64", "double", "float"]);

/** The fields of a package's message types, named "Type.field". */
function fieldsOf(pkg: string): { name: string; field: protobuf.Field }[] {
  return registry
    .messageTypes({ includeDataElements: true })
    .filter((type) => type.fullName.startsWith(`.${pkg}.`))
    .flatMap((type) => type.fieldsArray.map((field) => ({ name: `${type.name}.${field.name}`, field })));
}

describe("schema hygiene", () => {
  it("every named check a schema lists is implemented", () => {
    expect(() => compileAll(registry)).not.toThrow();
  });

  it.each(["v2xh.csae53.v1", "v2xh.gbt32960.v1", "v2xh.security.v1"])("every numeric field of %s states its range (or its bits)", (pkg) => {
    const missing = fieldsOf(pkg)
      .filter(({ field }) => NUMERIC.has(field.type) && !field.map)
      .filter(({ field }) => {
        const rule = fieldRule(field);
        return rule?.bits === undefined && (rule?.min === undefined || rule.max === undefined);
      })
      .map(({ name }) => name);
    expect(missing).toEqual([]);
  });

  it.each(["v2xh.csae53.v1", "v2xh.gbt32960.v1"])("every list of %s states its size, and every byte or character string its length", (pkg) => {
    const missing = fieldsOf(pkg)
      .filter(({ field }) => !field.map)
      .filter(({ field }) => {
        const rule = fieldRule(field);
        if (field.repeated) return rule?.maxItems === undefined;
        if (field.type === "bytes" || field.type === "string") return rule?.maxLength === undefined;
        return false;
      })
      .map(({ name }) => name);
    expect(missing).toEqual([]);
  });

  it("every data element points nowhere but at a data-element message", () => {
    for (const { field } of fieldsOf("v2xh")) {
      const element = fieldRule(field)?.element;
      if (element !== undefined) expect(messageRule(registry.messageType(element)).dataElement).toBe(true);
    }
  });

  it.each([
    ["csae53", "v2xh.csae53.v1.MessageFrame"],
    ["gbt32960", "v2xh.gbt32960.v1.Frame"],
    ["vss", "v2xh.vss.v1.VissMessage"],
  ])("every alternative of the %s top-level message has a valid fixture", (domain, typeName) => {
    const members = registry.messageType(typeName).oneofsArray.filter((o) => !o.name.startsWith("_")).flatMap((o) => o.oneof);
    const covered = new Set(validFixtures(domain).filter((f) => f.type === typeName).flatMap((f) => Object.keys(f.message)));
    expect(members.filter((m) => !covered.has(m))).toEqual([]);
  });

  it("ships a catalogue of at least 50 standard VSS signals that breaks no rule", () => {
    const json = readFileSync(new URL("../../../proto/v2xh/vss/v1/catalogue.json", import.meta.url), "utf8");
    const catalogue = decodeJson<{ vssVersion: string; signals: unknown[] }>(registry, "v2xh.vss.v1.SignalCatalogue", json);
    expect(catalogue.signals.length).toBeGreaterThanOrEqual(50);
    expect(validateRules(registry, "v2xh.vss.v1.SignalCatalogue", catalogue)).toEqual([]);
  });
});
