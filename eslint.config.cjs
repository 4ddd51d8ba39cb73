// @ts-check
/*
 * `npm run lint`: ESLint (typescript-eslint, React hooks, jsx-a11y) on the whole tree, then
 * Prettier in check mode (.prettierrc.json). Rules that are a matter of taste in this code
 * (explicit `any` in tests, unused catch bindings, require() where the bundler needs it) are
 * set here rather than by mass edits.
 */
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const reactHooks = require("eslint-plugin-react-hooks");
const jsxA11y = require("eslint-plugin-jsx-a11y");
const globals = require("globals");

const DEV_ONLY = "dev/ holds the tools that stand in for Excel (simulator, sandbox): only tests may import it, never the product.";

module.exports = tseslint.config(
  { ignores: ["node_modules/", "dist/", "dist-sandbox/", "dist-web/", "lib/", "out/", "coverage/", ".tmp/", "test-output/", "docs/", "schemas/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  { files: ["src/taskpane/**/*.tsx", "dev/sandbox/**/*.tsx"], ...jsxA11y.flatConfigs.recommended },
  {
    files: ["src/taskpane/**/*.tsx", "dev/sandbox/**/*.tsx"],
    // a scrollable region (the report's preview) takes the focus so that it can be scrolled with the keyboard
    rules: { "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["tabpanel", "region"] }] },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, Office: "readonly", Excel: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // the bundler and Node's lazy loading need require() in a few places (templates, ExcelJS, fs)
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-namespace": "off",
      // text normalisation matches control characters on purpose
      "no-control-regex": "off",
      // Prettier wraps code at 160; a sentence shown to users stays whole on its line (found
      // by searching for it), so string, template and regular-expression literals may run past.
      "max-len": ["error", { code: 160, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
    },
  },
  {
    // The boundary: the product (src/) never loads the tools that stand in for Excel and the
    // user (dev/: the simulated Excel, the sandbox page). Its tests and test helpers may.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/**/*.test.{ts,tsx}", "src/**/*.testutil.{ts,tsx}", "src/**/testing.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "^(\\.\\./)+dev(/|$)", message: DEV_ONLY }] }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.name='require'][arguments.0.value=/^(\\.\\.\\W)+dev\\b/]", message: DEV_ONLY },
        { selector: "ImportExpression[source.value=/^(\\.\\.\\W)+dev\\b/]", message: DEV_ONLY },
      ],
    },
  },
  {
    files: ["**/*.test.{ts,tsx}", "**/testing.ts", "test/**", "scripts/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
