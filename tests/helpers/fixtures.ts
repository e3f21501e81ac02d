import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURE_DIR = fileURLToPath(new URL("../fixtures/", import.meta.url));
/** The schema families with fixtures under tests/fixtures/<domain>/{valid,invalid}/. */
export const DOMAINS = ["csae53", "gbt32960", "vss", "security", "harness"] as const;

export interface ValidFixture {
  readonly file: string;
  readonly type: string;
  readonly message: Record<string, unknown>;
}

export interface InvalidFixture extends ValidFixture {
  readonly expect: { readonly path: string; readonly rule: string };
  /** For a cross-message check: the MAP frame the SPAT is checked against. */
  readonly map?: Record<string, unknown>;
}

function read<T>(domain: string, kind: "valid" | "invalid"): T[] {
  const dir = path.join(FIXTURE_DIR, domain, kind);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".json")).sort();
  } catch {
    return [];
  }
  return names.map((name) => ({ file: `${domain}/${kind}/${name}`, ...(JSON.parse(readFileSync(path.join(dir, name), "utf8")) as object) }) as T);
}

export function validFixtures(domain: string): ValidFixture[] {
  return read<ValidFixture>(domain, "valid");
}

export function invalidFixtures(domain: string): InvalidFixture[] {
  return read<InvalidFixture>(domain, "invalid");
}
