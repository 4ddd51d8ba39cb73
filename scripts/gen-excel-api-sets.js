#!/usr/bin/env node
/**
 * Generates dev/excel-sim/api-sets.json: for every class of the `Excel` namespace of
 * @types/office-js, the requirement set of the class and of each of its members (properties
 * and methods), read from the `[Api set: …]` note in the JSDoc above each declaration.
 *
 *   node scripts/gen-excel-api-sets.js           writes the table
 *   node scripts/gen-excel-api-sets.js --check   exits 1 when the committed table differs
 *
 * The simulated Excel (dev/excel-sim) imports the table and fails a command that uses a member
 * newer than the host with ApiNotFound, as office.js does. A jest test
 * (dev/excel-sim/api-sets.test.ts) regenerates it, so an @types update shows up as a failure.
 *
 * Table format: { source, classes: { ClassName: { $class?: V, member: V | Detail } } }, where
 *   V      "1.7" (ExcelApi 1.7) · "ExcelApiOnline 1.1" / "ExcelApiDesktop 1.1" (another set,
 *          not the cross-platform one: unsupported unless the host declares that set) ·
 *          "preview" (only in a preview / beta set: never supported)
 *   Detail { v: V, get?: V, set?: V, params?: { parameterName: V } } for notes such as
 *          "ExcelApi 1.1 for reading visibility; 1.2 for setting it", "1.2 for options; 1.7 for
 *          password" or a version on one @param.
 * A member without a note (load, toJSON, track, context …) is not listed: it has its class's set.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const DTS = path.join(ROOT, "node_modules/@types/office-js/index.d.ts");
const OUT = path.join(ROOT, "dev/excel-sim/api-sets.json");

/** "ExcelApi 1.7" → "1.7"; "ExcelApiOnline 1.1" → as is; preview / beta → "preview"; null when not a requirement. */
function setSpec(text) {
  const t = text.trim();
  if (/\b(beta|preview)\b/i.test(t) && !/\d/.test(t.replace(/\b(beta|preview)\b/gi, ""))) return "preview";
  const m = /^(Excel[A-Za-z]*)\s+(\d+\.\d+|BETA|Preview)\b/i.exec(t);
  if (!m) return null;
  if (/^(beta|preview)$/i.test(m[2]) || /^ExcelApi(Beta|Preview)$/i.test(m[1])) return "preview";
  return m[1] === "ExcelApi" ? m[2] : `${m[1]} ${m[2]}`;
}

function num(v) {
  const m = /(\d+)\.(\d+)$/.exec(v);
  return m ? Number(m[1]) * 1000 + Number(m[2]) : Infinity;
}

/** The lower of two specs of the same set; ExcelApi (cross-platform) wins over a platform set. */
function lower(a, b) {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const rank = (v) => (v === "preview" ? 2 : /^\d/.test(v) ? 0 : 1);
  if (rank(a) !== rank(b)) return rank(a) < rank(b) ? a : b;
  return num(a) <= num(b) ? a : b;
}

/**
 * Parses one note ("ExcelApi 1.2 for options; 1.7 for password") into its base version and
 * qualified parts. `params`: the member's parameter names.
 */
function parseNote(note, params) {
  const body = note
    .replace(/^\[Api set:\s*/, "")
    .replace(/\]$/, "")
    .replace(/\.\s*$/, "");
  const out = { base: undefined, get: undefined, set: undefined, params: {} };
  let setName = "ExcelApi";
  // clauses: "ExcelApi 1.2 for options", "1.7 for password", "ExcelApi Preview for null `x`"
  for (const raw of body.split(/[;,]\s*(?=(?:Excel[A-Za-z]*\s+)?(?:\d+\.\d+|BETA|Preview)\b)/i)) {
    let clause = raw.trim();
    const named = /^(Excel[A-Za-z]*)\s+/.exec(clause);
    if (named) setName = named[1];
    else clause = `${setName} ${clause}`;
    const m = /^(Excel[A-Za-z]*\s+(?:\d+\.\d+|BETA|Preview))(?:\s+for\s+(.*))?/i.exec(clause);
    if (!m) continue;
    const spec = setSpec(m[1]);
    if (!spec) continue;
    const what = (m[2] ?? "").trim();
    if (!what || /^\d/.test(what)) out.base = lower(out.base, spec);
    else if (/^(reading|get)\b/i.test(what)) out.get = lower(out.get, spec);
    else if (/^(setting|set)\b/i.test(what)) out.set = lower(out.set, spec);
    else if (params.includes(what)) out.params[what] = lower(out.params[what], spec);
    else if (spec === "preview")
      continue; // "ExcelApi Preview for null `destinationRange`": a preview-only use
    else out.base = lower(out.base, spec); // "1.7 for Array": a value kind, the member itself is older
  }
  return out;
}

function generate(dts) {
  const text = fs.readFileSync(dts, "utf8");
  const start = text.indexOf("\ndeclare namespace Excel {");
  if (start < 0) throw new Error("no `declare namespace Excel` in " + dts);
  const end = text.indexOf("\n}", start);
  const lines = text.slice(start, end).split("\n");
  const version = JSON.parse(fs.readFileSync(path.join(path.dirname(dts), "package.json"), "utf8")).version;

  const classes = {};
  let doc = [];
  let inDoc = false;
  let current = null; // { name, members }
  for (const line of lines) {
    if (/^\s*\/\*\*/.test(line)) {
      inDoc = true;
      doc = [];
    }
    if (inDoc) {
      doc.push(line);
      if (/\*\//.test(line)) inDoc = false;
      continue;
    }
    const cls = /^ {4}class (\w+)\b/.exec(line);
    if (cls) {
      current = { name: cls[1], members: {} };
      const note = memberNote(doc, []);
      if (note.base) current.members.$class = note.base;
      classes[cls[1]] = current.members;
      doc = [];
      continue;
    }
    if (current && /^ {4}}/.test(line)) {
      current = null;
      continue;
    }
    if (!current) {
      if (line.trim() !== "") doc = [];
      continue;
    }
    const member = /^ {8}(?:readonly\s+)?(\w+)\??\s*(\(|:|<)/.exec(line);
    if (member) {
      const name = member[1];
      const params = member[2] === ":" ? [] : paramNames(line);
      const note = memberNote(doc, params);
      doc = [];
      if (!note.base && !note.get && !note.set && !Object.keys(note.params).length) continue;
      const prev = current.members[name];
      current.members[name] = merge(prev, note);
      continue;
    }
    if (line.trim() !== "" && !/^\s{12}/.test(line)) doc = [];
  }
  for (const [name, members] of Object.entries(classes)) {
    for (const [m, v] of Object.entries(members)) members[m] = compact(v, members.$class);
    if (Object.keys(members).length === 0) delete classes[name];
  }
  const sorted = {};
  for (const name of Object.keys(classes).sort()) {
    const members = classes[name];
    sorted[name] = {};
    for (const m of Object.keys(members).sort((a, b) => (a === "$class" ? -1 : b === "$class" ? 1 : a < b ? -1 : a > b ? 1 : 0))) sorted[name][m] = members[m];
  }
  return { source: `@types/office-js ${version}, [Api set: …] notes of namespace Excel (generated by scripts/gen-excel-api-sets.js)`, classes: sorted };
}

function paramNames(line) {
  const open = line.indexOf("(");
  const inner = line.slice(open + 1);
  const names = [];
  let depth = 0;
  let token = "";
  for (const ch of inner) {
    if (depth === 0 && ch === ")") break;
    if ("({[<".includes(ch)) depth++;
    if (")}]>".includes(ch)) depth--;
    if (depth === 0 && ch === ",") {
      names.push(token);
      token = "";
    } else token += ch;
  }
  names.push(token);
  return names.map((t) => (/^\s*(\w+)\??\s*:/.exec(t) || [])[1]).filter(Boolean);
}

/** The member-level note (a line of its own) and the notes on its @param lines. */
function memberNote(doc, params) {
  const out = { base: undefined, get: undefined, set: undefined, params: {} };
  for (const line of doc) {
    const m = /\[Api set:[^\]]*\]/.exec(line);
    if (!m) continue;
    const param = /@param\s+(\w+)/.exec(line);
    const n = parseNote(m[0], params);
    if (param) {
      // "@param valuesOnly … [Api set: ExcelApi 1.2]": the parameter's version
      const v = n.base ?? Object.values(n.params)[0];
      if (v) out.params[param[1]] = lower(out.params[param[1]], v);
      continue;
    }
    out.base = lower(out.base, n.base);
    out.get = lower(out.get, n.get);
    out.set = lower(out.set, n.set);
    for (const [k, v] of Object.entries(n.params)) out.params[k] = lower(out.params[k], v);
  }
  return out;
}

/** Overloads: the lowest version of each part. */
function merge(prev, note) {
  if (!prev) return note;
  const params = { ...prev.params };
  for (const [k, v] of Object.entries(note.params)) params[k] = lower(params[k], v);
  return { base: lower(prev.base, note.base), get: lower(prev.get, note.get), set: lower(prev.set, note.set), params };
}

function compact(v, classSpec) {
  if (typeof v === "string") return v;
  const base = v.base ?? lower(v.get, v.set) ?? classSpec ?? lower(...Object.values(v.params).slice(0, 1), undefined);
  const detail = { v: base };
  if (v.get && v.get !== base) detail.get = v.get;
  if (v.set && v.set !== base) detail.set = v.set;
  const params = Object.fromEntries(Object.entries(v.params).filter(([, p]) => p !== base));
  if (Object.keys(params).length) detail.params = params;
  return Object.keys(detail).length === 1 ? base : detail;
}

function serialize(table) {
  return JSON.stringify(table, null, 1) + "\n";
}

module.exports = { generate, serialize, parseNote, DTS, OUT };

if (require.main === module) {
  const table = serialize(generate(DTS));
  if (process.argv.includes("--check")) {
    const now = fs.existsSync(OUT) ? fs.readFileSync(OUT, "utf8") : "";
    if (now !== table) {
      console.error(`${path.relative(ROOT, OUT)} is out of date with @types/office-js: run node scripts/gen-excel-api-sets.js`);
      process.exit(1);
    }
    console.log(`${path.relative(ROOT, OUT)} is up to date`);
  } else {
    fs.writeFileSync(OUT, table);
    const classes = Object.keys(JSON.parse(table).classes).length;
    console.log(`wrote ${path.relative(ROOT, OUT)} (${classes} classes, ${table.length} bytes)`);
  }
}
