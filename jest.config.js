/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/dev", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  testTimeout: 60000,
  // Polyfills for the jsdom tests (files with a `@jest-environment jsdom` docblock, e.g. the
  // task pane's); a no-op in the default node environment.
  setupFiles: ["<rootDir>/test/setup-jsdom.ts"],
};
