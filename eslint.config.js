import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

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
    plugins: { "react-hooks": reactHooks },
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-control-regex": "off",
      // Routes must reach the database through app/models.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/db.server", "~/generated/*", "**/generated/prisma/*"],
              message: "Routes and components use app/models/*.server.ts, never the Prisma client.",
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      "app/models/**",
      "app/db.server.ts",
      "app/db.server.test.ts",
      "app/test/**",
      "prisma/**",
      "e2e/**",
    ],
    rules: { "no-restricted-imports": "off" },
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
