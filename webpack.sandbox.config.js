/*
 * Build of the SANDBOX page (a development tool, not the add-in): the real task pane beside a
 * simulated Excel workbook. Separate from webpack.config.js on purpose: its output goes to
 * dist-sandbox/ (never dist/, never named by manifest.xml) and it loads no office.js.
 *
 *   npm run build:sandbox                       development build into dist-sandbox/
 *   npm run sandbox                             builds if needed, then serves it (scripts/sandbox.js)
 *   npx webpack -c webpack.sandbox.config.js --output-path <dir>    build elsewhere
 *
 * dist-sandbox/ carries its own .gitignore ("*"), so the build output never shows in git.
 */

const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { reactAsPreact, typescriptRule } = require("./webpack.config.js");

/** Writes a .gitignore that ignores the whole output folder, itself included. */
class IgnoreOutputFolderPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("IgnoreOutputFolderPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "IgnoreOutputFolderPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset(".gitignore", new compiler.webpack.sources.RawSource("# build output of webpack.sandbox.config.js\n*\n"));
      });
    });
  }
}

module.exports = (_env = {}, argv = {}) => {
  const prod = argv.mode === "production";
  return {
    mode: prod ? "production" : "development",
    devtool: prod ? "source-map" : "cheap-module-source-map",
    entry: { sandbox: "./dev/sandbox/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist-sandbox"),
      filename: "[name].js",
      chunkFilename: "[name].js",
      publicPath: "",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"], fallback: { fs: false, path: false }, alias: reactAsPreact },
    module: {
      rules: [typescriptRule],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./dev/sandbox/sandbox.html",
        chunks: ["sandbox"],
        scriptLoading: "module",
      }),
      new IgnoreOutputFolderPlugin(),
    ],
    performance: { hints: false },
  };
};
