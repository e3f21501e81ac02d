import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";
import type { MessageCheck } from "./checks/check.ts";
import { MESSAGE_CHECKS } from "./checks/index.ts";
import { SchemaError } from "./errors.ts";
import { messageRule } from "./rules.ts";

/** The proto/ folder shipped with the package. */
export const DEFAULT_PROTO_DIR = fileURLToPath(new URL("../../proto/", import.meta.url));

/** Packages whose types are never sent on their own: the rule options. */
const INTERNAL_PACKAGES = ["v2xh.rules."];

export interface RegistryOptions {
  /**
   * Root folder of the .proto tree to load (imports resolve against it, like `protoc -I`, then
   * against the package's proto/, so a tree of your own can import the rule options).
   * Default: the package's proto/.
   */
  readonly protoDir?: string;
  /** Named checks in addition to the built-in ones (src/schema/checks), for a tree of your own. */
  readonly checks?: Readonly<Record<string, MessageCheck>>;
}

/** All message types loaded from proto/, looked up by full name. Load once with loadRegistry(). */
export class Registry {
  readonly root: protobuf.Root;
  readonly protoDir: string;
  readonly files: readonly string[];
  /** The named checks schemas may list, by name. */
  readonly checks: Readonly<Record<string, MessageCheck>>;

  constructor(root: protobuf.Root, protoDir: string, files: readonly string[], checks: Readonly<Record<string, MessageCheck>>) {
    this.root = root;
    this.protoDir = protoDir;
    this.files = files;
    this.checks = checks;
  }

  // protobufjs' lookup walks the namespace tree on every call; decoders ask once per message.
  private readonly typeCache = new Map<string, protobuf.Type>();

  /** The message type of that full name ("v2xh.csae53.v1.MessageFrame"), or an UnknownTypeError. */
  messageType(fullName: string): protobuf.Type {
    const cached = this.typeCache.get(fullName);
    if (cached !== undefined) return cached;
    const name = fullName.replace(/^\./, "");
    let found: protobuf.ReflectionObject | null;
    try {
      found = this.root.lookup(name);
    } catch {
      found = null;
    }
    // protobufjs also finds a type by a partial name; only the exact full name counts here.
    if (found instanceof protobuf.Type && found.fullName === `.${name}`) {
      this.typeCache.set(fullName, found);
      return found;
    }
    const hint = this.suggest(name);
    throw new SchemaError(
      "UnknownTypeError",
      `no message type "${name}"${hint === undefined ? "" : ` (did you mean "${hint}"?)`}; \`v2x schema list\` shows them all`,
      { typeName: name },
    );
  }

  /** Every message type of the harness's packages (nested types included), by full name. */
  messageTypes(options: { includeDataElements?: boolean } = {}): protobuf.Type[] {
    const out: protobuf.Type[] = [];
    const visit = (ns: protobuf.NamespaceBase): void => {
      for (const nested of ns.nestedArray) {
        if (nested instanceof protobuf.Type) {
          const name = nested.fullName.slice(1);
          const internal = INTERNAL_PACKAGES.some((p) => name.startsWith(p)) || name.startsWith("google.");
          if (!internal && (options.includeDataElements === true || !messageRule(nested).dataElement)) out.push(nested);
        }
        if (nested instanceof protobuf.Namespace || nested instanceof protobuf.Type) visit(nested);
      }
    };
    visit(this.root);
    return out.sort((a, b) => a.fullName.localeCompare(b.fullName));
  }

  private suggest(name: string): string | undefined {
    const last = name.split(".").pop()?.toLowerCase() ?? "";
    return this.messageTypes()
      .map((t) => t.fullName.slice(1))
      .find((full) => full.toLowerCase().endsWith(`.${last}`));
  }
}

function protoFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...protoFiles(dir, rel));
    else if (entry.name.endsWith(".proto")) out.push(rel);
  }
  return out.sort();
}

const require = createRequire(import.meta.url);
const WELL_KNOWN_DIR = path.dirname(require.resolve("protobufjs/google/protobuf/descriptor.proto"));

/** Loads every .proto file under the proto folder and resolves all references. */
function readRegistry(options: RegistryOptions = {}): Registry {
  const protoDir = options.protoDir ?? DEFAULT_PROTO_DIR;
  const files = protoFiles(protoDir);
  const root = new protobuf.Root();
  // Imports resolve like `protoc -I <protoDir>`; google/protobuf/* come from protobufjs' own copies.
  root.resolvePath = (_origin, target) => {
    if (target.startsWith("google/protobuf/")) return path.join(WELL_KNOWN_DIR, target.slice("google/protobuf/".length));
    const own = path.join(protoDir, target);
    return existsSync(own) ? own : path.join(DEFAULT_PROTO_DIR, target);
  };
  try {
    // alternateCommentMode keeps `//` comments too, so descriptions reach generated types and JSON Schema.
    root.loadSync(files, { alternateCommentMode: true });
    root.resolveAll();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new SchemaError("SchemaLoadError", `cannot load the schemas in ${protoDir}: ${reason}`, {}, cause);
  }
  return new Registry(root, protoDir, files, { ...MESSAGE_CHECKS, ...options.checks });
}

const cache = new Map<string, Registry>();

/** The registry for a proto folder, loaded on first use and shared afterwards (per folder and check table). */
export function loadRegistry(options: RegistryOptions = {}): Registry {
  if (options.checks !== undefined) return readRegistry(options);
  const key = options.protoDir ?? DEFAULT_PROTO_DIR;
  let registry = cache.get(key);
  if (registry === undefined) {
    registry = readRegistry(options);
    cache.set(key, registry);
  }
  return registry;
}
