import js from "@eslint/js";
import globals from "globals";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// The layers of app/ and what each may import (the README's "Map of the code" carries the same
// table). Imports point one way: routes → http → models → domain → utils. Tests sit beside the
// code they test and may reach across layers (factories write to the database), so the layer
// rules apply to everything but *.test.ts files and app/test/.
const LAYERS = {
  utils: { path: "app/utils", may: [] },
  domain: { path: "app/domain", may: ["utils"] },
  i18n: { path: "app/i18n", may: ["utils"] },
  forms: { path: "app/forms", may: ["domain", "i18n", "utils"] },
  models: {
    path: "app/models",
    may: ["infra", "generated", "domain", "i18n", "utils"],
  },
  http: {
    path: "app/http",
    may: ["infra", "models", "domain", "forms", "i18n", "utils"],
  },
  components: {
    path: "app/components",
    may: ["components", "forms", "domain", "i18n", "utils"],
  },
  routes: {
    path: "app/routes",
    may: ["http", "models", "components", "forms", "domain", "i18n", "utils", "styles"],
  },
  server: { path: "app/server", may: ["utils"] },
};
// Folders and root files that are not layers of their own but may be imported.
const TARGETS = {
  ...Object.fromEntries(Object.entries(LAYERS).map(([name, layer]) => [name, layer.path])),
  infra: ["app/db.server.ts", "app/env.server.ts"],
  generated: "app/generated",
  styles: "app/styles",
  test: "app/test",
};
const asList = (value) => (Array.isArray(value) ? value : [value]);

const layerZones = Object.entries(LAYERS).flatMap(([name, layer]) =>
  Object.entries(TARGETS)
    .filter(([other]) => other !== name && !layer.may.includes(other))
    .flatMap(([other, from]) =>
      asList(from).map((source) => ({
        target: `./${layer.path}`,
        from: `./${source}`,
        message: `app/${name} may import only ${layer.may.length ? layer.may.join(", ") : "itself"} (see the layer table in eslint.config.js), not ${other}.`,
      })),
    ),
);

// Packages a layer must not depend on: the domain is pure (no framework, no I/O); routes,
// components, forms, http glue and i18n never reach the database.
const PURE_PACKAGES = [
  "react",
  "react-dom",
  "@remix-run/*",
  "@prisma/*",
  "better-sqlite3",
  "pg",
  "exceljs",
  "pdfkit",
  "node:fs",
  "node:child_process",
  "node:http",
];
const DATABASE_PACKAGES = ["@prisma/*", "better-sqlite3", "pg", "~/db.server", "~/generated/*"];

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "build-*/**",
      "public/build/**",
      "public/build-*/**",
      "e2e/.data/**",
      "app/generated/**",
      "node_modules/**",
      ".cache/**",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "import-x": importX },
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      // Type-aware: the promise rules below need the type checker.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    settings: {
      // import-x's TypeScript settings (extensions, parser), so it reads .ts/.tsx modules.
      ...importX.flatConfigs.typescript.settings,
      // Resolves "~/…" through tsconfig's paths, so the layer rules see where an import lands.
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-control-regex": "off",
      "import-x/no-unresolved": "error",
      // A promise nobody awaits loses its error; awaiting a plain value hides a wrong type.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    // Layer boundaries, checked on resolved paths (so "../models/x" is caught as well as "~/models/x").
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.ts", "app/test/**"],
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: layerZones }],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["app/domain/**/*.ts"],
    ignores: ["app/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: PURE_PACKAGES,
              message: "app/domain is pure: no framework, database or I/O.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/routes/**", "app/components/**", "app/forms/**", "app/http/**", "app/i18n/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: DATABASE_PACKAGES,
              message: "Only app/models (and app/db.server.ts) reach the database.",
            },
          ],
        },
      ],
    },
  },
  {
    // Request bodies are read only through app/http/form-body.server.ts, which enforces the
    // route kind's size limit while streaming and answers 400 for a body that is no form.
    files: ["app/routes/**", "app/http/**", "app/models/**"],
    ignores: ["app/**/*.test.ts", "app/http/form-body.server.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name=/^(formData|text|json|arrayBuffer|blob)$/][callee.object.name='request']",
          message: "Read request bodies with readForm() (app/http/form-body.server.ts).",
        },
        {
          selector:
            "Identifier[name=/^unstable_(parseMultipartFormData|createMemoryUploadHandler)$/]",
          message: "Read uploads with readForm()/readUpload(), which limit the body as it streams.",
        },
      ],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { ...globals.node } },
  },
);
