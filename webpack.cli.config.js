/*
 * The command line as one bundled file, lib/bao-cao.js (run by bin/bao-cao.js; `npm run
 * build:cli`, also run by "prepare"). One file starts faster than some sixty compiled modules
 * and their packages (no module lookups, one read, one compile); the built-in report kinds are
 * built in, as in the task pane. What only some commands need is loaded when they run: docx
 * (export) and Ajv (an office's own definition) are chunks of their own beside the bundle;
 * ExcelJS (the commands that write a workbook) stays in node_modules and is required when the
 * first workbook is made.
 */
const path = require("path");
const { typescriptRule } = require("./webpack.config");

module.exports = {
  mode: "production",
  target: "node20",
  entry: { "bao-cao": "./src/cli/main.ts" },
  output: {
    path: path.resolve(__dirname, "lib"),
    filename: "[name].js",
    chunkFilename: "bao-cao.[name].js",
    library: { type: "commonjs2" },
    clean: true,
    // always written, even when unchanged: lib/'s time says it was built from the sources
    // (the tests and the bench rebuild it when a source is newer)
    compareBeforeEmit: false,
  },
  resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
  module: {
    rules: [
      {
        ...typescriptRule,
        use: {
          ...typescriptRule.use,
          options: { ...typescriptRule.use.options, compilerOptions: { ...typescriptRule.use.options.compilerOptions, sourceMap: false } },
        },
      },
    ],
  },
  externals: { exceljs: "commonjs exceljs" },
  // __dirname is lib/ (main.ts finds package.json from it)
  node: { __dirname: false, __filename: false },
  // Minified: a third of the text to read and hash at every start (export of the sample
  // ≈ 0.30 → 0.24 s). Stack traces are mapped back to src/ with the .map files beside the
  // bundle when BAO_CAO_DEBUG=1 (bin/bao-cao.js then turns Node's source maps on).
  optimization: { minimize: true, nodeEnv: false },
  devtool: "source-map",
  performance: { hints: false },
  stats: "errors-warnings",
};
