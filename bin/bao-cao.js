#!/usr/bin/env node
"use strict";
// The command line, bundled into lib/ by `npm run build:cli` (npm ci runs it through "prepare").
//
// Start-up: V8's compiled code for the bundle and its chunks is kept in lib/.v8-cache (one
// file per script, named by its size and modification time and Node's version; older ones of
// the same script are removed), so that a later run skips most of parsing and compiling. V8
// compiles a function when it first runs, so the cache holds what the runs so far have used:
// it is written again after the first run of each command (export, check, ...; the commands
// it covers are listed beside it), then left alone. Where lib/ cannot be written the cache is
// simply not kept; V8 itself refuses a cache made by another Node version or for other source.
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const Module = require("module");

const lib = path.join(__dirname, "..", "lib");
// BAO_CAO_DEBUG=1: stack traces point into src/ (through lib/*.map), and Node loads the
// bundle itself (the code cache is skipped: it would bypass Node's source-map support).
const debug = process.env.BAO_CAO_DEBUG === "1";
if (debug) process.setSourceMapsEnabled(true);
const cacheDir = path.join(lib, ".v8-cache");
const toWrite = [];
const command = String(process.argv[2] || "");
const compile = Module.prototype._compile;

Module.prototype._compile = function (content, filename) {
  if (debug || path.dirname(filename) !== lib) return compile.call(this, content, filename);
  const { size, mtimeMs } = fs.statSync(filename);
  const cacheFile = path.join(cacheDir, `${path.basename(filename)}.${size}-${Math.round(mtimeMs)}.${process.version}.cache`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
  let covered = [];
  try {
    covered = JSON.parse(fs.readFileSync(`${cacheFile}.commands`, "utf8"));
  } catch {
    // none listed: made by an older bin/bao-cao.js, or not at all
  }
  const script = new vm.Script(Module.wrap(content), { filename, cachedData });
  const fresh = !cachedData || script.cachedDataRejected;
  if (fresh || !covered.includes(command)) {
    toWrite.push({ script, file: cacheFile, prefix: `${path.basename(filename)}.`, commands: fresh ? [command] : [...covered, command] });
  }
  const require = (id) => this.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, this, false, options);
  require.main = process.mainModule;
  require.cache = Module._cache;
  return script.runInThisContext().call(this.exports, this.exports, require, this, filename, path.dirname(filename));
};

process.once("beforeExit", () => {
  for (const { script, file, prefix, commands } of toWrite) {
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      // older caches of this script go (another build, another Node); this one's files stay
      for (const old of fs.readdirSync(cacheDir)) {
        if (old.startsWith(prefix) && !old.startsWith(path.basename(file))) fs.rmSync(path.join(cacheDir, old), { force: true });
      }
      // written beside and renamed into place: two runs at once never read half a file
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, file);
      fs.writeFileSync(`${tmp}.commands`, JSON.stringify(commands));
      fs.renameSync(`${tmp}.commands`, `${file}.commands`);
    } catch {
      // a read-only installation: run without the cache
    }
  }
});

require("../lib/bao-cao.js").run();
