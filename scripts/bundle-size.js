#!/usr/bin/env node
/*
 * Sizes of what the task pane downloads, from a production build.
 *
 *   npm run build && node scripts/bundle-size.js [distDir] [--json] [--max-initial-gzip=KiB]
 *
 * web.html's own scripts (the web page of src/web) are listed apart, like commands.html's.
 * "initial": the scripts that taskpane.html itself loads (our bundle; office.js comes from
 * Microsoft's CDN and is not counted). "lazy": the other script chunks of the build, which
 * only an import() loads (docx, for the export). commands.html's scripts are listed apart.
 * gzip is level 9 (`gzip -9`); a web server at its default level gives a little more.
 * With --max-initial-gzip the exit code is 1 when the initial gzip total is above the limit.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function parseArgs(argv) {
  const args = { dist: path.join(__dirname, "..", "dist"), json: false, maxInitialGzip: null };
  for (const a of argv) {
    if (a === "--json") args.json = true;
    else if (a.startsWith("--max-initial-gzip=")) args.maxInitialGzip = Number(a.split("=")[1]) * 1024;
    else if (!a.startsWith("--")) args.dist = path.resolve(a);
    else throw new Error(`unknown option ${a}`);
  }
  return args;
}

/** Local script files a page loads (<script src="...">), in order; absolute URLs are skipped. */
function pageScripts(html) {
  const out = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const src = m[1] ?? m[2] ?? m[3];
    if (!/^[a-z]+:|^\/\//i.test(src)) out.push(src.replace(/^\.?\//, ""));
  }
  return out;
}

function measure(dist, file) {
  const buf = fs.readFileSync(path.join(dist, file));
  return { file, bytes: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
}

const sum = (list, key) => list.reduce((n, x) => n + x[key], 0);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

function report(dist) {
  for (const page of ["taskpane.html", "commands.html"]) {
    if (!fs.existsSync(path.join(dist, page))) {
      throw new Error(`${path.join(dist, page)} is missing: run \`npm run build\` first`);
    }
  }
  const taskpane = pageScripts(fs.readFileSync(path.join(dist, "taskpane.html"), "utf8"));
  const commands = pageScripts(fs.readFileSync(path.join(dist, "commands.html"), "utf8"));
  // the web page for offices without a modern Excel (src/web), when the build has it
  const webHtml = path.join(dist, "web.html");
  const web = fs.existsSync(webHtml) ? pageScripts(fs.readFileSync(webHtml, "utf8")) : [];
  const referenced = new Set([...taskpane, ...commands, ...web]);
  const lazy = fs
    .readdirSync(dist)
    .filter((f) => f.endsWith(".js") && !referenced.has(f))
    .sort();
  const initial = taskpane.map((f) => measure(dist, f));
  const lazyChunks = lazy.map((f) => measure(dist, f));
  const commandScripts = commands.map((f) => measure(dist, f));
  const webScripts = web.map((f) => measure(dist, f));
  return {
    dist,
    taskpane: { initial, initialBytes: sum(initial, "bytes"), initialGzip: sum(initial, "gzip") },
    lazy: { chunks: lazyChunks, bytes: sum(lazyChunks, "bytes"), gzip: sum(lazyChunks, "gzip") },
    commands: { initial: commandScripts, initialBytes: sum(commandScripts, "bytes"), initialGzip: sum(commandScripts, "gzip") },
    web: { initial: webScripts, initialBytes: sum(webScripts, "bytes"), initialGzip: sum(webScripts, "gzip") },
  };
}

function print(r) {
  const row = (label, x) => console.log(`  ${label.padEnd(34)} ${kib(x.bytes).padStart(11)} ${kib(x.gzip).padStart(11)}`);
  console.log(`Bundle sizes in ${r.dist} (gzip -9; office.js from the CDN not counted)`);
  console.log(`  ${"".padEnd(34)} ${"minified".padStart(11)} ${"gzip".padStart(11)}`);
  console.log("taskpane.html, loaded first:");
  for (const x of r.taskpane.initial) row(x.file, x);
  row("= initial total", { bytes: r.taskpane.initialBytes, gzip: r.taskpane.initialGzip });
  console.log("lazy chunks (import(), loaded on demand):");
  if (r.lazy.chunks.length === 0) console.log("  (none)");
  for (const x of r.lazy.chunks) row(x.file, x);
  console.log("commands.html (ribbon function file):");
  for (const x of r.commands.initial) row(x.file, x);
  if (r.web.initial.length) {
    console.log("web.html (the web page), loaded first (its commands, ExcelJS and docx are lazy chunks):");
    for (const x of r.web.initial) row(x.file, x);
    row("= initial total", { bytes: r.web.initialBytes, gzip: r.web.initialGzip });
  }
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const r = report(args.dist);
  if (args.json) console.log(JSON.stringify(r, null, 2));
  else print(r);
  if (args.maxInitialGzip !== null && r.taskpane.initialGzip > args.maxInitialGzip) {
    console.error(`initial gzip ${kib(r.taskpane.initialGzip)} is above the limit ${kib(args.maxInitialGzip)}`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error(e.message);
    process.exitCode = 2;
  }
}

module.exports = { report, pageScripts };
