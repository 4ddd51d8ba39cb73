#!/usr/bin/env node
/*
 * npm run web [-- --port 8031] [-- --rebuild] [-- --no-build]
 *
 * Serves the web page (src/web: the add-in's commands on workbook files, in the browser, for
 * offices on Office 2016/2019, LibreOffice or WPS) on http://127.0.0.1:<port>/ until stopped
 * (Ctrl+C). Builds it first with the production build (webpack.config.js, the very files that
 * are deployed) into dist-web/ when that is missing or older than the sources.
 *
 *   --port N     port to listen on (default 8031, or $WEB_PORT; 0 = any free port). When the
 *                default port is taken, a free one is used instead.
 *   --rebuild    build even if dist-web/ looks up to date
 *   --no-build   serve what is there
 *
 * Prints one line "Trang web: http://127.0.0.1:<port>/" once it listens (the end-to-end tests
 * read it). The server is scripts/sandbox.js's.
 */
"use strict";

const path = require("path");
const { run, ROOT } = require("./sandbox.js");

run({
  out: path.join(ROOT, "dist-web"),
  defaultPort: 8031,
  portEnv: "WEB_PORT",
  index: "web.html",
  built: ["web.html"],
  inputs: ["src", "templates", "assets", "manifest.xml", "webpack.config.js", "package-lock.json", "tsconfig.json"],
  notInputs: [/\.test\.tsx?$/, /\.testutil\.ts$/, /^src[\\/]cli$/, /\.md$/],
  webpackArgs: ["-c", "webpack.config.js", "--mode", "production"],
  usage: "npm run web [-- --port N] [-- --rebuild] [-- --no-build]",
  building: "Đang dựng trang web (webpack.config.js → dist-web/)…",
  buildFailed: "Dựng trang web không thành công.",
  notBuilt: "dist-web/ chưa có bản dựng: chạy lại không có --no-build.",
  address: (url) => `Trang web: ${url}`,
  portBusy: (port, free) => `Cổng ${port} đang bận, dùng cổng ${free}.`,
});
