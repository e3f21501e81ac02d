import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

// One-way dependency direction (ARCHITECTURE.md §3):
// cli → conformance, devices, sim, report → transport, wire → schema. Each entry lists what a layer
// must not import.
const layers = {
  schema: ["wire", "transport", "sim", "devices", "conformance", "report", "cli"],
  wire: ["transport", "sim", "devices", "conformance", "report", "cli"],
  transport: ["sim", "devices", "conformance", "report", "cli"],
  sim: ["devices", "conformance", "report", "cli"],
  devices: ["conformance", "report", "cli"],
  conformance: ["devices", "report", "cli"],
  report: ["devices", "sim", "transport", "wire", "cli"],
};

const layerRules = Object.entries(layers).map(([layer, forbidden]) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: forbidden.map((other) => ({
          group: [`**/${other}/*`, `**/${other}/**`],
          message: `src/${layer} must not depend on src/${other} (ARCHITECTURE.md §3).`,
        })),
      },
    ],
  },
}));

// Test purposes use the DSL only (STYLE.md T4): no engine internals, devices or sibling test files.
const suiteRule = {
  files: ["conformance/suites/**/*.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            regex: "^(?!(\\.\\./)+src/conformance/dsl/index\\.ts$).*",
            message: "a test purpose imports only src/conformance/dsl/index.ts (conformance/AUTHORING.md).",
          },
        ],
      },
    ],
  },
};

export default defineConfig(
  { ignores: ["node_modules/**", "src/schema/gen/**", "reports/**"] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  { files: ["**/*.js"], extends: [tseslint.configs.disableTypeChecked] },
  ...layerRules,
  suiteRule,
);
