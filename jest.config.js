/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/dev", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    // Preact ships ES modules only; compiled to CommonJS like our own code.
    "^.+/node_modules/preact/.+\\.m?js$": ["ts-jest", { tsconfig: { allowJs: true, module: "commonjs" } }],
  },
  transformIgnorePatterns: ["/node_modules/(?!preact/)"],
  // The pane ships on Preact (webpack.config.js: reactAsPreact): its tests render with the
  // same renderer, not with React DOM.
  moduleNameMapper: Object.fromEntries(
    Object.entries({
      "react/jsx-runtime": "preact/jsx-runtime/dist/jsxRuntime.mjs",
      "react/jsx-dev-runtime": "preact/jsx-runtime/dist/jsxRuntime.mjs",
      "react-dom/client": "preact/compat/client.mjs",
      "react-dom/test-utils": "preact/test-utils/dist/testUtils.mjs",
      "react-dom": "preact/compat/dist/compat.mjs",
      react: "preact/compat/dist/compat.mjs",
      preact: "preact/dist/preact.mjs",
      "preact/hooks": "preact/hooks/dist/hooks.mjs",
      "preact/compat": "preact/compat/dist/compat.mjs",
      "preact/test-utils": "preact/test-utils/dist/testUtils.mjs",
      "preact/jsx-runtime": "preact/jsx-runtime/dist/jsxRuntime.mjs",
    }).map(([from, to]) => [`^${from.replace(/[/.-]/g, "\\$&")}$`, `<rootDir>/node_modules/${to}`]),
  ),
  testTimeout: 60000,
  // Polyfills for the jsdom tests (files with a `@jest-environment jsdom` docblock, e.g. the
  // task pane's); a no-op in the default node environment.
  setupFiles: ["<rootDir>/test/setup-jsdom.ts"],
};
