import { checkConfig, loadConfigFile } from "./config-file.ts";
import { ROLE_DEFINITIONS, type PicsItem } from "./roles/index.ts";
import type { SutRole } from "./verdict.ts";

/** What the SUT claims to support (ARCHITECTURE.md §7): every PICS item of its role, true or false. */
export type Pics = Readonly<Record<string, boolean>>;

interface PicsFile {
  readonly role: SutRole;
  readonly items: Readonly<Record<string, boolean>>;
}

/** The item every role reached over the bus has: whether the SUT implements the upper tester (ARCHITECTURE.md §5). */
export const PICS_UPPER_TESTER: PicsItem = {
  name: "PICS_UPPER_TESTER",
  description: "The SUT answers upper-tester requests on v2x/v1/ut/<id>/request (trigger events, change parameters, cut its own link).",
  default: false,
};

/** The PICS items of `role`. */
export function picsItemsOf(role: SutRole): readonly PicsItem[] {
  const definition = ROLE_DEFINITIONS[role];
  return definition.transport === "bus" ? [...definition.pics, PICS_UPPER_TESTER] : definition.pics;
}

/** The JSON Schema of a PICS file for `role`: the role's items, each with its default and meaning. */
export function picsSchema(role: SutRole): object {
  const items = picsItemsOf(role);
  return {
    $comment: `PICS of the ${role} suite (v2x-harness)`,
    type: "object",
    additionalProperties: false,
    required: ["role"],
    properties: {
      $schema: { type: "string" },
      role: { const: role },
      items: {
        type: "object",
        additionalProperties: false,
        default: {},
        properties: Object.fromEntries(items.map((i) => [i.name, { type: "boolean", default: i.default, description: i.description }])),
      },
    },
  };
}

/** The role's PICS with every item at its default. */
export function defaultPics(role: SutRole): Pics {
  return Object.fromEntries(picsItemsOf(role).map((i) => [i.name, i.default]));
}

export function checkPics(role: SutRole, value: unknown, source = "PICS"): Pics {
  return checkConfig<PicsFile>(value, picsSchema(role), source).items;
}

/** Reads a PICS YAML or JSON file for `role`; throws a ConfigError naming file, path, expected and got. */
export function loadPics(role: SutRole, file: string): Pics {
  return loadConfigFile<PicsFile>(file, picsSchema(role)).items;
}

/** Whether every condition holds: "PICS_X" needs X true, "!PICS_X" needs it false. Returns the first that fails. */
export function picsUnmet(pics: Pics, conditions: readonly string[]): string | undefined {
  return conditions.find((c) => (c.startsWith("!") ? pics[c.slice(1)] !== false : pics[c] !== true));
}
