#!/usr/bin/env node
/*
 * npm run sandbox [-- --port 8030] [-- --rebuild] [-- --no-build]
 *
 * Serves the sandbox page (the real task pane beside a simulated Excel workbook, see
 * dev/sandbox/README.md) on http://127.0.0.1:<port>/ until stopped (Ctrl+C). Builds it first
 * with webpack.sandbox.config.js when dist-sandbox/ is missing or older than the sources.
 *
 *   --port N     port to listen on (default 8030, or $SANDBOX_PORT; 0 = any free port). When
 *                the default port is taken, a free one is used instead. The workbook is saved
 *                in the browser per address, so a stable port keeps it between runs.
 *   --rebuild    build even if dist-sandbox/ looks up to date
 *   --no-build   serve what is there
 *
 * Prints one line "Hộp cát: http://127.0.0.1:<port>/" once it listens (the end-to-end tests
 * read it). A tiny Node http server: no dependency beyond webpack for the build.
 */
"use strict";

const fs = require("fs");
const http = require("http");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const HOST = "127.0.0.1";

/**
 * What is served and how it is built. The sandbox's here; scripts/web.js serves the web page
 * (src/web) with the same server, its own folder, port and words.
 */
const SANDBOX = {
  out: path.join(ROOT, "dist-sandbox"),
  defaultPort: 8030,
  portEnv: "SANDBOX_PORT",
  /** the page served at "/" */
  index: "index.html",
  /** files a complete build has */
  built: ["index.html", "sandbox.js"],
  /** what the bundle is built from: a change in any of these makes it stale (tests and the CLI do not count) */
  inputs: ["src", "dev", "templates", "webpack.sandbox.config.js", "package-lock.json", "tsconfig.json"],
  notInputs: [/\.test\.tsx?$/, /\.testutil\.ts$/, /^src[\\/]cli$/, /\.md$/],
  webpackArgs: ["-c", "webpack.sandbox.config.js", "--mode", "development"],
  usage: "npm run sandbox [-- --port N] [-- --rebuild] [-- --no-build]",
  building: "Đang dựng hộp cát (webpack.sandbox.config.js → dist-sandbox/)…",
  buildFailed: "Dựng hộp cát không thành công.",
  notBuilt: "dist-sandbox/ chưa có bản dựng: chạy lại không có --no-build.",
  /** the line the end-to-end tests read */
  address: (url) => `Hộp cát: ${url}`,
  portBusy: (port, free) => `Cổng ${port} đang bận, dùng cổng ${free} (sổ đã lưu trong trình duyệt gắn với từng địa chỉ).`,
};

function parseArgs(site, argv) {
  const args = { port: undefined, rebuild: false, build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--port" || a === "-p") args.port = argv[++i];
    else if (a.startsWith("--port=")) args.port = a.slice("--port=".length);
    else if (a === "--rebuild") args.rebuild = true;
    else if (a === "--no-build") args.build = false;
    else if (a === "--help" || a === "-h") {
      console.log(site.usage);
      process.exit(0);
    } else {
      console.error(`Tham số không hợp lệ: ${a} (dùng --port N, --rebuild, --no-build)`);
      process.exit(2);
    }
  }
  const raw = args.port ?? process.env[site.portEnv];
  if (raw !== undefined && raw !== "") {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 65535) {
      console.error(`Cổng không hợp lệ: ${raw}`);
      process.exit(2);
    }
    args.port = n;
    args.portGiven = true;
  } else {
    args.port = site.defaultPort;
    args.portGiven = false;
  }
  return args;
}

/** Newest modification time under the given paths (files and folders, recursively). */
function newestMtime(site, paths) {
  let newest = 0;
  const visit = (p) => {
    if (site.notInputs.some((re) => re.test(path.relative(ROOT, p)))) return;
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    newest = Math.max(newest, st.mtimeMs);
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  paths.forEach((p) => visit(path.join(ROOT, p)));
  return newest;
}

/** When the build in dist-sandbox/ started: sources changed after that make it stale. */
const STAMP = ".build-started";

function isStale(site) {
  const OUT = site.out;
  if (site.built.some((f) => !fs.existsSync(path.join(OUT, f)))) return true;
  let started = 0;
  try {
    started = Number(fs.readFileSync(path.join(OUT, STAMP), "utf8")) || 0;
  } catch {
    return true;
  }
  return newestMtime(site, site.inputs) > started;
}

/**
 * Builds into a fresh folder beside dist-sandbox/, then swaps it in: a server or a test run
 * reading dist-sandbox/ meanwhile (several people and test runs share one checkout) never sees
 * half a build, and two builds at once cannot mix their files.
 */
function build(site) {
  const OUT = site.out;
  console.log(site.building);
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(ROOT, `.${path.basename(OUT)}-build-`));
  const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const r = spawnSync(process.execPath, [cli, ...site.webpackArgs, "--output-path", tmp], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (r.status !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    process.stderr.write(`${r.stdout ?? ""}${r.stderr ?? ""}`);
    console.error(site.buildFailed);
    process.exit(1);
  }
  fs.writeFileSync(path.join(tmp, STAMP), String(started));
  const old = `${tmp}-old`;
  try {
    fs.renameSync(OUT, old);
  } catch (e) {
    if (e.code !== "ENOENT") throw e;
  }
  try {
    fs.renameSync(tmp, OUT);
  } catch (e) {
    // another build was swapped in just now: it is as good as this one
    if (e.code !== "ENOTEMPTY" && e.code !== "EEXIST") throw e;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  fs.rmSync(old, { recursive: true, force: true });
  const last = (r.stdout ?? "").trim().split("\n").pop();
  if (last) console.log(last);
}

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

const serve = (site) => (req, res) => {
  const OUT = site.out;
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, `http://${HOST}`).pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (pathname.endsWith("/")) pathname += site.index;
  const file = path.resolve(OUT, `.${pathname}`);
  if (!file.startsWith(OUT + path.sep) || path.basename(file).startsWith(".")) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Không tìm thấy");
    return;
  }
  fs.readFile(file, (err, data) => {
    if (err) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Không tìm thấy");
      return;
    }
    res.writeHead(200, {
      "Content-Type": MIME[path.extname(file)] ?? "application/octet-stream",
      "Content-Length": data.length,
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
    });
    res.end(req.method === "HEAD" ? undefined : data);
  });
};

function listen(server, port) {
  return new Promise((resolve, reject) => {
    const onError = (e) => {
      server.off("listening", onListening);
      reject(e);
    };
    const onListening = () => {
      server.off("error", onError);
      resolve(server.address().port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, HOST);
  });
}

async function main(site) {
  const args = parseArgs(site, process.argv.slice(2));
  if (args.build && (args.rebuild || isStale(site))) build(site);
  else if (!fs.existsSync(path.join(site.out, site.index))) {
    console.error(site.notBuilt);
    process.exit(1);
  }

  const server = http.createServer(serve(site));
  let port;
  try {
    port = await listen(server, args.port);
  } catch (e) {
    if (e.code !== "EADDRINUSE" || args.portGiven) {
      console.error(`Không mở được cổng ${args.port}: ${e.message}`);
      process.exit(1);
    }
    port = await listen(server, 0);
    console.log(site.portBusy(args.port, port));
  }
  console.log(site.address(`http://${HOST}:${port}/`));
  console.log("Mở địa chỉ trên bằng trình duyệt. Nhấn Ctrl+C để dừng.");

  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections?.();
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/** Builds when needed, then serves `site` until stopped. */
function run(site) {
  main(site).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

module.exports = { run, ROOT };

if (require.main === module) run(SANDBOX);
