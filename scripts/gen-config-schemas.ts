/**
 * Writes the JSON Schemas of every role's PICS and PIXIT files to conformance/pics/<role>.schema.json
 * and conformance/pixit/<role>.schema.json, generated from the role definitions (src/conformance/roles),
 * for editors and other tools. `--check` writes nothing and exits 1 when one is missing or stale.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { picsSchema } from "../src/conformance/pics.ts";
import { pixitSchema } from "../src/conformance/pixit.ts";
import { SUT_ROLES } from "../src/conformance/verdict.ts";

const root = path.resolve(import.meta.dirname, "..");
const check = process.argv.includes("--check");
const stale: string[] = [];
for (const role of SUT_ROLES) {
  for (const [kind, schema] of [["pics", picsSchema(role)], ["pixit", pixitSchema(role)]] as const) {
    const file = path.join(root, "conformance", kind, `${role}.schema.json`);
    const content = `${JSON.stringify({ $schema: "https://json-schema.org/draft/2020-12/schema", title: `${kind.toUpperCase()} of the ${role} suite`, ...schema }, null, 2)}\n`;
    if (existsSync(file) && readFileSync(file, "utf8") === content) continue;
    if (check) stale.push(path.relative(root, file));
    else writeFileSync(file, content);
  }
}
if (stale.length > 0) {
  console.error(`stale PICS/PIXIT schemas (run npm run gen): ${stale.join(", ")}`);
  process.exit(1);
}
console.log(check ? "conformance PICS/PIXIT schemas are up to date" : "wrote the PICS and PIXIT schemas of every role to conformance/");
