/**
 * Generates TypeScript types for every message and enum in proto/ into src/schema/gen/, one
 * `<file>_pb.ts` per .proto file, plus a barrel per package and a map from full type name to type.
 * `--check` writes nothing and exits 1 when a generated file is missing, stale or left over.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";
import { loadRegistry } from "../src/schema/registry.ts";
import { isChoice, messageRule } from "../src/schema/rules.ts";

const OUT_DIR = fileURLToPath(new URL("../src/schema/gen/", import.meta.url));
const SKIPPED_PACKAGES = ["v2xh.rules.", "google.protobuf."];
const SCALARS: Record<string, string> = {
  double: "number",
  float: "number",
  int32: "number",
  uint32: "number",
  sint32: "number",
  fixed32: "number",
  sfixed32: "number",
  int64: "bigint",
  uint64: "bigint",
  sint64: "bigint",
  fixed64: "bigint",
  sfixed64: "bigint",
  bool: "boolean",
  string: "string",
  bytes: "Uint8Array",
};

type Definition = protobuf.Type | protobuf.Enum;

const registry = loadRegistry();
const protoDir = registry.protoDir;

/** Output file (relative to OUT_DIR) of the .proto file that defines a type. */
function outputFile(def: Definition): string {
  const file = def.filename ?? "";
  const base = path.basename(file, ".proto");
  const pkg = def.fullName.slice(1).split(".").slice(0, -1);
  // Nested types sit in their parent's package path; drop parent type names from it.
  while (pkg.length > 0 && /^[A-Z]/.test(pkg[pkg.length - 1] ?? "")) pkg.pop();
  return `${pkg.join("/")}/${base}_pb.ts`;
}

function packageOf(def: Definition): string {
  return outputFile(def).split("/").slice(0, -1).join(".");
}

/** TS name of a definition: nested types are joined with "_" (Parent_Child). */
function localName(def: Definition): string {
  const parts: string[] = [def.name];
  let parent = def.parent;
  while (parent instanceof protobuf.Type) {
    parts.unshift(parent.name);
    parent = parent.parent;
  }
  return parts.join("_");
}

function collect(ns: protobuf.NamespaceBase, out: Definition[]): void {
  for (const nested of ns.nestedArray) {
    if (nested instanceof protobuf.Type || nested instanceof protobuf.Enum) {
      const skipped = SKIPPED_PACKAGES.some((p) => nested.fullName.slice(1).startsWith(p));
      // Data-element messages only carry a rule for fields elsewhere; nothing ever has their type.
      const dataElement = nested instanceof protobuf.Type && messageRule(nested).dataElement;
      if (!skipped && !dataElement) out.push(nested);
    }
    if (nested instanceof protobuf.Namespace || nested instanceof protobuf.Type) collect(nested, out);
  }
}

function docComment(text: string | null | undefined, indent = ""): string {
  if (text === null || text === undefined || text.trim() === "") return "";
  const lines = text.trim().split("\n").map((l) => l.replace(/\*\//g, "*\\/"));
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join("\n")}\n${indent} */\n`;
}

class FileWriter {
  readonly file: string;
  private readonly imports = new Map<string, Map<string, string>>();
  private readonly body: string[] = [];
  private readonly sources = new Set<string>();

  constructor(file: string) {
    this.file = file;
  }

  /** The TS name to use for a referenced definition, importing it when it lives in another file. */
  ref(def: Definition): string {
    if (def.fullName === ".google.protobuf.Timestamp" || def.fullName === ".google.protobuf.Duration") {
      return "{ seconds: bigint; nanos: number }";
    }
    const target = outputFile(def);
    const name = localName(def);
    if (target === this.file) return name;
    const alias = packageOf(def) === this.file.split("/").slice(0, -1).join(".") ? name : `${packageOf(def).replace(/\./g, "_")}_${name}`;
    let from = path.posix.relative(path.posix.dirname(this.file), target);
    if (!from.startsWith(".")) from = `./${from}`;
    const names = this.imports.get(from) ?? new Map<string, string>();
    names.set(name, alias);
    this.imports.set(from, names);
    return alias;
  }

  add(def: Definition): void {
    if (def.filename !== null && def.filename !== undefined) this.sources.add(path.relative(protoDir, def.filename));
    this.body.push(def instanceof protobuf.Enum ? this.enumCode(def) : this.messageCode(def));
  }

  private enumCode(type: protobuf.Enum): string {
    const name = localName(type);
    const prefix = `${type.name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}_`;
    const entries = Object.entries(type.values);
    const strip = entries.every(([key]) => key.startsWith(prefix) && /^[A-Z_]/.test(key.slice(prefix.length)));
    const lines = entries.map(([key, value]) => {
      const comment = docComment(type.comments[key], "  ");
      return `${comment}  ${strip ? key.slice(prefix.length) : key}: ${value},`;
    });
    return `${docComment(type.comment)}export const ${name} = {\n${lines.join("\n")}\n} as const;\nexport type ${name} = (typeof ${name})[keyof typeof ${name}];\n`;
  }

  private fieldType(field: protobuf.Field): string {
    const target = field.resolvedType;
    const item = target === null ? (SCALARS[field.type] ?? "unknown") : this.ref(target);
    if (field.map) return `Record<string, ${item}>`;
    if (field.repeated) return item.includes(" ") || item.includes("{") ? `Array<${item}>` : `${item}[]`;
    return item;
  }

  private messageCode(type: protobuf.Type): string {
    const name = localName(type);
    const choices = type.oneofsArray.filter(isChoice);
    const inChoice = new Set(choices.flatMap((o) => o.oneof));
    const plain = type.fieldsArray
      .filter((f) => !inChoice.has(f.name))
      .map((f) => `${docComment(f.comment, "  ")}  ${f.name}${f.partOf === null ? "" : "?"}: ${this.fieldType(f)};`);
    const base = `{\n${plain.join("\n")}${plain.length > 0 ? "\n" : ""}}`;
    if (choices.length === 0) return `${docComment(type.comment)}export interface ${name} ${base}\n`;
    const unions = choices.map((oneof) => {
      const members = oneof.fieldsArray.map((member) => {
        const others = oneof.fieldsArray.filter((o) => o !== member).map((o) => ` ${o.name}?: never;`).join("");
        return `  | { ${member.name}: ${this.fieldType(member)};${others} }`;
      });
      return `(\n${members.join("\n")}\n)`;
    });
    const parts = plain.length > 0 ? [base, ...unions] : unions;
    return `${docComment(type.comment)}export type ${name} = ${parts.join(" & ")};\n`;
  }

  render(): string {
    const header = [
      `// Generated by scripts/gen.ts from ${[...this.sources].sort().map((s) => `proto/${s}`).join(", ")}.`,
      "// Do not edit: change the .proto file and run `npm run gen`.",
      "",
    ];
    const imports = [...this.imports.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([from, names]) => {
        const list = [...names.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([n, alias]) => (n === alias ? n : `${n} as ${alias}`));
        return `import type { ${list.join(", ")} } from "${from}";`;
      });
    return [...header, ...imports, ...(imports.length > 0 ? [""] : []), this.body.join("\n")].join("\n");
  }
}

function generate(): Map<string, string> {
  const defs: Definition[] = [];
  collect(registry.root, defs);
  const writers = new Map<string, FileWriter>();
  for (const def of defs) {
    const file = outputFile(def);
    let writer = writers.get(file);
    if (writer === undefined) {
      writer = new FileWriter(file);
      writers.set(file, writer);
    }
    writer.add(def);
  }
  const out = new Map<string, string>();
  for (const [file, writer] of writers) out.set(file, writer.render());
  // A barrel per package, and the map from full message name to its type.
  const byPackage = new Map<string, string[]>();
  for (const file of writers.keys()) {
    const dir = path.posix.dirname(file);
    byPackage.set(dir, [...(byPackage.get(dir) ?? []), file]);
  }
  const banner = "// Generated by scripts/gen.ts. Do not edit: run `npm run gen`.\n\n";
  for (const [dir, files] of byPackage) {
    const lines = files.sort().map((f) => `export * from "./${path.posix.basename(f)}";`);
    out.set(`${dir}/index.ts`, `${banner}${lines.join("\n")}\n`);
  }
  const messages = defs.filter((d): d is protobuf.Type => d instanceof protobuf.Type);
  const imports = new Map<string, string[]>();
  const entries = messages.map((type) => {
    const file = outputFile(type);
    const alias = `${packageOf(type).replace(/\./g, "_")}_${localName(type)}`;
    imports.set(file, [...(imports.get(file) ?? []), `${localName(type)} as ${alias}`]);
    return `  "${type.fullName.slice(1)}": ${alias};`;
  });
  const importLines = [...imports.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([f, names]) => `import type { ${names.sort().join(", ")} } from "./${f}";`);
  out.set(
    "message-types.ts",
    `${banner}${importLines.join("\n")}\n\n/** Every message type by its full name. */\nexport interface MessageTypes {\n${entries.sort().join("\n")}\n}\n\nexport type MessageTypeName = keyof MessageTypes;\n`,
  );
  return out;
}

function existing(dir: string, prefix = ""): string[] {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(path.join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? existing(dir, path.posix.join(prefix, e.name)) : [path.posix.join(prefix, e.name)]));
}

const files = generate();
const check = process.argv.includes("--check");
const stale: string[] = [];
for (const [file, content] of files) {
  const target = path.join(OUT_DIR, file);
  let current: string | undefined;
  try {
    current = readFileSync(target, "utf8");
  } catch {
    current = undefined;
  }
  if (current === content) continue;
  if (check) stale.push(current === undefined ? `${file} (missing)` : file);
  else {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}
for (const file of existing(OUT_DIR)) {
  if (files.has(file)) continue;
  if (check) stale.push(`${file} (left over)`);
  else rmSync(path.join(OUT_DIR, file));
}
if (check && stale.length > 0) {
  console.error(`src/schema/gen is stale; run \`npm run gen\` and commit the result:\n  ${stale.join("\n  ")}`);
  process.exit(1);
}
console.log(check ? `src/schema/gen is up to date (${files.size} files)` : `wrote ${files.size} files to src/schema/gen`);
