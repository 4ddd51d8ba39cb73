/*
 * Build of the Excel add-in (task pane + ribbon commands), modelled on Microsoft's template
 * OfficeDev/Office-Addin-TaskPane-React.
 *
 *   npm run build         production build into dist/ (no certificates needed)
 *   npm run build:dev     development build into dist/
 *   npm run dev-server    https://localhost:3000/ with office-addin-dev-certs certificates
 *   npx webpack --mode production --output-path <dir>    build elsewhere (tests do this)
 *
 * web.html is the web page of src/web (the same commands on workbook files, in the browser, for
 * offices whose Office cannot run the add-in): deployed beside taskpane.html, at
 * ADDIN_PUBLIC_URL + "web.html"; `npm run web` builds and serves it locally (scripts/web.js).
 *
 * Production URL. manifest.xml names every URL as https://localhost:3000/... In production
 * mode the copy written to dist/manifest.xml has
 *   https://localhost:3000/  replaced by  ADDIN_PUBLIC_URL  (the folder where dist/ is served)
 *   https://localhost:3000   replaced by  its origin         (AppDomain, which has no slash)
 * ADDIN_PUBLIC_URL must be https (Office refuses anything else outside localhost); a missing
 * final "/" is added. Unset, it is the placeholder https://bao-cao-tthc.example.gov.vn/ and
 * the build prints a warning, because that manifest cannot be deployed as is:
 *   ADDIN_PUBLIC_URL=https://cctthc.myhao.hungyen.gov.vn/addin/ npm run build
 *
 * Scripts load as <script type="module">: Internet Explorer (the web view of Office
 * 2016/2019) never downloads them, so it shows the plain-HTML message of taskpane.html
 * instead of failing on ES2020 syntax. The HTML pages are not hashed and must be served
 * with "Cache-Control: no-cache"; the scripts carry a content hash in production.
 */

const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/** TypeScript through ts-loader; also used by webpack.sandbox.config.js. */
const typescriptRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: {
      // Type checking is separate: npm run typecheck.
      transpileOnly: true,
      // tsconfig.json says CommonJS (for jest and the CLI). Webpack needs ES modules
      // to tree-shake and to turn import() into a separately loaded chunk.
      compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: true },
    },
  },
};

/**
 * React as Preact: the pane is written against React's API and runs on preact/compat, which
 * implements that API in a tenth of the size (React DOM 19 alone is ~62 KiB gzip, Preact with
 * compat ~10 KiB). Used by this build and by the sandbox's, so the end-to-end tests run the
 * renderer that ships. jest renders the pane with React itself (test/setup-jsdom.ts).
 */
const reactAsPreact = {
  "react/jsx-runtime": "preact/jsx-runtime",
  "react/jsx-dev-runtime": "preact/jsx-runtime",
  "react-dom/client": "preact/compat/client",
  "react-dom/test-utils": "preact/test-utils",
  "react-dom": "preact/compat",
  react: "preact/compat",
};

const urlProdPlaceholder = "https://bao-cao-tthc.example.gov.vn/";

/** The public URL from ADDIN_PUBLIC_URL (or the placeholder), checked, ending with "/". */
function productionUrl() {
  const raw = (process.env.ADDIN_PUBLIC_URL || "").trim() || urlProdPlaceholder;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL is not a URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_PUBLIC_URL must be an https URL (Office loads add-ins only over https): ${raw}`);
  }
  if (url.search || url.hash) {
    throw new Error(`ADDIN_PUBLIC_URL must be a folder URL without ?query or #hash: ${raw}`);
  }
  const href = url.href.endsWith("/") ? url.href : `${url.href}/`;
  return { href, origin: url.origin };
}

/** Rewrites the dev URLs of manifest.xml to the production URL. Exported for tests. */
function rewriteManifest(xml, prod) {
  return xml.replace(/https:\/\/localhost:3000\//g, prod.href).replace(/https:\/\/localhost:3000(?![\w.:-])/g, prod.origin);
}

/** Adds a build warning when the manifest points at the placeholder URL. */
class PlaceholderUrlWarningPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("PlaceholderUrlWarningPlugin", (compilation) => {
      compilation.warnings.push(
        new webpack.WebpackError(
          `dist/manifest.xml points at the placeholder ${urlProdPlaceholder}: set ADDIN_PUBLIC_URL ` +
            "to the https folder that serves dist/ before deploying it.",
        ),
      );
    });
  }
}

async function getHttpsOptions() {
  // Same as the template: creates (and on Windows/macOS trusts) a localhost certificate.
  const devCerts = require("office-addin-dev-certs");
  try {
    const httpsOptions = await devCerts.getHttpsServerOptions();
    return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
  } catch (error) {
    // On Linux the package generates the certificates but installs its CA with sudo, which
    // fails without sudo (containers, root shells). Serve with what it generated; the
    // browser then has to be told to trust the CA.
    const fs = require("fs");
    const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
    const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
    if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) throw error;
    console.warn(
      `office-addin-dev-certs could not install its CA (${String(error.message).split("\n")[0]}). ` +
        `Serving with the certificates in ${dir}; trust ${path.join(dir, files.ca)} in your browser or system.`,
    );
    return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const prod = dev ? null : productionUrl();

  return {
    mode: dev ? "development" : "production",
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/ribbon.ts",
      // the web page for offices without a modern Excel (src/web): served beside the add-in
      web: "./src/web/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Content hashes in production: Office's web views cache add-in files hard.
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      // Chunks are loaded relative to the page (taskpane.html sits beside them). Not "auto":
      // office.js appends its own <script> tags from the CDN, which would fool the guess.
      publicPath: "",
      clean: true,
    },
    resolve: {
      // .json too, so templates/*.json can be imported without the extension as well.
      extensions: [".ts", ".tsx", ".js", ".json"],
      // src/report/kinds.ts reads templates/ with fs only under Node; in the bundle the
      // definitions come from require.context, so these Node modules are never needed.
      fallback: { fs: false, path: false },
      alias: reactAsPreact,
    },
    module: {
      rules: [
        typescriptRule,
        // JSON: webpack 5 parses .json natively (type "json"); no loader needed.
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "module",
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        scriptLoading: "module",
      }),
      new HtmlWebpackPlugin({
        filename: "web.html",
        template: "./src/web/web.html",
        chunks: ["web"],
        scriptLoading: "module",
      }),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: "assets/*",
            to: "assets/[name][ext]",
          },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : rewriteManifest(content.toString("utf8"), prod);
            },
          },
        ],
      }),
      ...(prod && prod.href === urlProdPlaceholder ? [new PlaceholderUrlWarningPlugin()] : []),
    ],
    performance: {
      // Budget for what the task pane downloads (uncompressed; gzip is about a third). React 19
      // + Fluent UI v9 + the app fit well under it; docx is a lazy chunk of its own.
      hints: dev ? false : "warning",
      maxEntrypointSize: 900 * 1024,
      maxAssetSize: 900 * 1024,
      assetFilter: (file) => file.endsWith(".js"),
    },
    devServer: serving
      ? {
          hot: true,
          headers: {
            "Access-Control-Allow-Origin": "*",
          },
          server: {
            type: "https",
            options: await getHttpsOptions(),
          },
          port: Number(process.env.npm_package_config_dev_server_port) || 3000,
        }
      : undefined,
  };
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.productionUrl = productionUrl;
module.exports.typescriptRule = typescriptRule;
module.exports.reactAsPreact = reactAsPreact;
