import { readdirSync } from "node:fs";
import path from "node:path";
import { loadConfigFile } from "./config-file.ts";
import type { RequirementLevel, StandardVersion, SutRole } from "./verdict.ts";
import { SUT_ROLES } from "./verdict.ts";

/** One normative statement, as the catalogue in conformance/requirements/ has it. */
export interface Requirement {
  /** `<STANDARD>-<VERSION>-<CLAUSE>-<WORD>`, e.g. "GBT32960-2016-B.2.1-PERIOD". */
  readonly id: string;
  readonly standard: string;
  readonly version: string;
  readonly clause: string;
  readonly level: RequirementLevel;
  readonly roles: readonly SutRole[];
  /** One line, in our own words. */
  readonly statement: string;
}

interface CatalogueFile {
  readonly standard: string;
  readonly version: string;
  readonly requirements: readonly Omit<Requirement, "standard" | "version">[];
}

export const REQUIREMENT_ID = "^[A-Z][A-Z0-9]*-[A-Z0-9]+(-[A-Z0-9.]+)+$";

const CATALOGUE_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["standard", "version", "requirements"],
  properties: {
    standard: { type: "string", minLength: 1 },
    version: { type: "string", minLength: 1 },
    requirements: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "clause", "level", "roles", "statement"],
        properties: {
          id: { type: "string", pattern: REQUIREMENT_ID },
          clause: { type: "string", minLength: 1 },
          level: { enum: ["MUST", "SHOULD"] },
          roles: { type: "array", minItems: 1, uniqueItems: true, items: { enum: [...SUT_ROLES] } },
          statement: { type: "string", minLength: 10, maxLength: 200 },
        },
      },
    },
  },
} as const;

/** The requirement catalogue: every file of a directory, ids unique across them. */
export class RequirementCatalogue {
  private readonly byId: ReadonlyMap<string, Requirement>;

  constructor(requirements: readonly Requirement[]) {
    const byId = new Map<string, Requirement>();
    for (const r of requirements) {
      const earlier = byId.get(r.id);
      if (earlier !== undefined) throw new Error(`requirement ${r.id} is declared twice (${earlier.standard} ${earlier.version} and ${r.standard} ${r.version})`);
      byId.set(r.id, r);
    }
    this.byId = byId;
  }

  get(id: string): Requirement | undefined {
    return this.byId.get(id);
  }

  all(): Requirement[] {
    return [...this.byId.values()];
  }

  ofRole(role: SutRole): Requirement[] {
    return this.all().filter((r) => r.roles.includes(role));
  }

  standardsOf(role: SutRole): StandardVersion[] {
    const seen = new Map(this.ofRole(role).map((r) => [`${r.standard} ${r.version}`, { standard: r.standard, version: r.version }]));
    return [...seen.values()];
  }
}

/** The default catalogue directory: conformance/requirements of this package. */
export const DEFAULT_REQUIREMENTS_DIR = path.resolve(import.meta.dirname, "../../conformance/requirements");

/** Loads every *.yaml of `dir`; throws a ConfigError naming the file and path of a bad entry. */
export function loadRequirements(dir = DEFAULT_REQUIREMENTS_DIR): RequirementCatalogue {
  const files = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
  const requirements = files.flatMap((f) => {
    const file = loadConfigFile<CatalogueFile>(path.join(dir, f), CATALOGUE_SCHEMA);
    return file.requirements.map((r) => ({ ...r, standard: file.standard, version: file.version }));
  });
  return new RequirementCatalogue(requirements);
}
