import { decodeJson, loadRegistry, validateRules } from "../../src/schema/index.ts";
import { validFixtures } from "./fixtures.ts";

const registry = loadRegistry();

/** A copy of the JSON message of one of a domain's valid fixtures, by file name. */
export function fixtureJson(domain: string, name: string): Record<string, unknown> {
  const fixture = validFixtures(domain).find((f) => f.file === `${domain}/valid/${name}`);
  if (fixture === undefined) throw new Error(`no valid fixture ${domain}/${name}`);
  return structuredClone(fixture.message);
}

/** A decoder of one domain's valid fixtures by file name, e.g. decoded<Envelope>("envelope.json"). */
export function fixtureDecoder(domain: string): <T>(name: string) => T {
  const types = new Map(validFixtures(domain).map((f) => [f.file.replace(`${domain}/valid/`, ""), f.type]));
  return <T>(name: string): T => decodeJson<T>(registry, must(types.get(name)), fixtureJson(domain, name));
}

export function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("the fixture lacks the part under test");
  return value;
}

/** The violations of a message as {path, rule, value}: what a check test compares. */
export function violations(type: string, message: unknown): { path: string; rule: string; value: unknown }[] {
  return validateRules(registry, type, message).map(({ path, rule, value }) => ({ path, rule, value }));
}
