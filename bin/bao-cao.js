#!/usr/bin/env node
"use strict";
// The command line, bundled into lib/ by `npm run build:cli` (npm ci runs it through "prepare").
//
// Start-up: V8's compiled code for the bundle and its chunks is kept in lib/.v8-cache (one
// file per script, named by its size and modification time and Node's version, written after
// a run that had none; older ones of the same script are removed), so that a later run skips
// most of parsing and compiling. Where lib/ cannot be written the cache is simply not kept;
// V8 itself refuses a cache made by another Node version or for other source text.
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const Module = require("module");

const lib = path.join(__dirname, "..", "lib");
const cacheDir = path.join(lib, ".v8-cache");
const toWrite = [];
const compile = Module.prototype._compile;

Module.prototype._compile = function (content, filename) {
  if (path.dirname(filename) !== lib) return compile.call(this, content, filename);
  const { size, mtimeMs } = fs.statSync(filename);
  const cacheFile = path.join(cacheDir, `${path.basename(filename)}.${size}-${Math.round(mtimeMs)}.${process.version}.cache`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
  const script = new vm.Script(Module.wrap(content), { filename, cachedData });
  if (!cachedData || script.cachedDataRejected) toWrite.push([script, cacheFile, `${path.basename(filename)}.`]);
  const require = (id) => this.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, this, false, options);
  require.main = process.mainModule;
  require.cache = Module._cache;
  return script.runInThisContext().call(this.exports, this.exports, require, this, filename, path.dirname(filename));
};

process.once("beforeExit", () => {
  for (const [script, file, prefix] of toWrite) {
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      for (const old of fs.readdirSync(cacheDir)) if (old.startsWith(prefix)) fs.rmSync(path.join(cacheDir, old), { force: true });
      fs.writeFileSync(file, script.createCachedData());
    } catch {
      // a read-only installation: run without the cache
    }
  }
});

require("../lib/bao-cao.js").run();
