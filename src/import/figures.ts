/**
 * An exported table (the one-stop system's Biểu 06, in its own layout) read by its headers
 * into a table field of the definition. Pure: a grid in, rows of figures and what was
 * matched out, or the reason nothing can be taken. Nothing here names a field or a column:
 * the words come from the definition (each column's label and `words`, the table's
 * `sourceWords`).
 *
 * - The header: the first row with two header words or more, and the rows under it until
 *   the first row with a figure, a group row or a row of column numbers ("(1)", "(2)"…).
 *   A spanned (HTML) or merged (.xlsx, text in the first cell only) group header covers
 *   the columns under it.
 * - Each column's header path (top to bottom) is matched: a group by its words (the
 *   longest that occurs), then, in what is left, a column of that group by its words; a
 *   group header alone, or with "Tổng số", is the group's total column. "Trong đó" and the
 *   like only join. STT and rate ("Tỷ lệ", "%") columns are left out; a column no word
 *   matches is left out with a warning; a column number "(n)" decides where words do not.
 * - Rows: group rows (a label and no figure) and the total row are left out; the total row
 *   is checked against the sum of the rows read.
 * - A column the source lacks is computed from the definition's row sums (a total from its
 *   parts, or one part from the total and the other parts).
 */
import { fieldById } from "../report/definition";
import { rowLabelKey } from "../report/row-labels";
import type { ReportDefinition, TableColumnDef } from "../report/types";
import { formatNumber } from "../report/wording";
import { normalizeCellText } from "../text/normalize";
import { MSG_IMPORT } from "./messages";
import { looksNumeric, wholeNumberOf } from "./numbers";
import { sourceAddress, type SourceCell, type SourceTable } from "./source";

/** A source column matched to a column of the table. */
export interface ColumnMatch {
  /** 0-based column of the source */
  source: number;
  /** the source's header, top to bottom ("Số hồ sơ đã giải quyết / Trễ hạn") */
  header: string;
  columnId: string;
  /** the table column's name ("Số hồ sơ đã giải quyết — Quá hạn") */
  name: string;
}

export interface SourceRow {
  /** the label as the source writes it ("Lĩnh vực Hộ tịch") */
  label: string;
  /** 1-based row of the source */
  line: number;
  /** one figure per column of the table, in the definition's order */
  values: number[];
}

export type TableImport =
  | {
      ok: true;
      fieldId: string;
      /** the source table's name */
      source: string;
      rows: SourceRow[];
      columns: ColumnMatch[];
      /** names of the columns computed from others */
      computed: string[];
      /** headers of source columns left out: rates, serial numbers, unknown columns */
      ignored: { header: string; why: "serial" | "skip" | "unknown" }[];
      /** group rows left out ("Xã, phường, thị trấn") */
      groups: string[];
      warnings: string[];
    }
  | {
      ok: false;
      /** false when no header of the table was found in the source (another table may be the one) */
      headerFound: boolean;
      message: string;
    };

const MAX_HEADER_ROWS = 6;

/** Text of a cell as words: NFC, lower case, punctuation as spaces, one space between words. */
export function wordKey(s: string): string {
  return ` ${normalizeCellText(s)
    .normalize("NFC")
    .toLocaleLowerCase("vi")
    .replace(/%/g, " % ")
    .replace(/[()[\]{}.,:;/\\|\-–—_"'“”‘’*+]/g, " ")
    .replace(/\s+/g, " ")
    .trim()} `;
}

const has = (key: string, word: string): boolean => word.trim() !== "" && key.includes(word);
const remove = (key: string, word: string): string =>
  key
    .replace(word, " ")
    .replace(/\s+/g, " ")
    .replace(/^(?! )/, " ")
    .replace(/(?<! )$/, " ");

const cellText = (c: SourceCell): string => (c === null ? "" : typeof c === "number" ? String(c) : c.trim());

/** "(3)" or 3: a column number; null otherwise. */
function columnNumber(c: SourceCell): number | null {
  if (typeof c === "number") return Number.isInteger(c) && c >= 1 && c <= 99 ? c : null;
  const m = c === null ? null : /^\(?\s*(\d{1,2})\s*\)?$/.exec(c.trim());
  return m ? Number(m[1]) : null;
}

/** A row of column numbers: at least 3 cells, every non-empty cell a number, each one more than the one before. */
function isNumberRow(row: SourceCell[]): boolean {
  const cells = row.filter((c) => c !== null && cellText(c) !== "");
  if (cells.length < 3) return false;
  const nums = cells.map(columnNumber);
  return nums.every((n, i) => n !== null && (i === 0 || n === nums[i - 1]! + 1));
}

interface Words {
  groups: { label: string; words: string[] }[];
  columns: { col: TableColumnDef; index: number; words: string[] }[];
  serial: string[];
  rowHeader: string[];
  total: string[];
  skip: string[];
  filler: string[];
}

const keys = (list: (string | undefined)[]): string[] =>
  [...new Set(list.filter((w): w is string => !!w && w.trim() !== "").map(wordKey))].sort((a, b) => b.length - a.length);

function wordsOf(def: ReportDefinition, fieldId: string): Words {
  const table = fieldById(def, fieldId).table!;
  const sw = table.sourceWords ?? {};
  const groupLabels = [...new Set(table.columns.map((c) => c.group).filter((g): g is string => !!g))];
  return {
    groups: groupLabels.map((g) => ({ label: g, words: keys([g, ...(sw.groups?.[g] ?? [])]) })),
    columns: table.columns.map((col, index) => ({ col, index, words: keys([col.label, ...(col.words ?? [])]) })),
    serial: keys(sw.serial ?? []),
    rowHeader: keys([table.rowHeader, ...(sw.rowHeader ?? [])]),
    total: keys([table.totalLabel, ...(sw.total ?? [])]),
    skip: keys(sw.skip ?? []),
    filler: keys(sw.filler ?? []),
  };
}

const longest = (key: string, words: string[]): string | undefined => words.find((w) => has(key, w)); // words are sorted longest first

/** The column that is its group's total: the total of a row sum whose parts are all in the same group. */
function groupTotal(def: ReportDefinition, fieldId: string, group: string): TableColumnDef | undefined {
  const table = fieldById(def, fieldId).table!;
  const inGroup = (id: string) => table.columns.find((c) => c.id === id)?.group === group;
  for (const r of def.rules) {
    if (r.kind === "rowSum" && r.table === fieldId && inGroup(r.total) && r.parts.every(inGroup)) return table.columns.find((c) => c.id === r.total);
  }
  const computed = table.columns.find((c) => c.group === group && c.sumOf?.length);
  return computed;
}

/** The table column's name in messages: "Số hồ sơ đã giải quyết — Quá hạn". */
export function columnName(col: TableColumnDef): string {
  return col.group ? `${col.group} — ${col.label}` : col.label;
}

type Classified =
  { kind: "serial" | "skip" | "label" | "empty" } | { kind: "figure"; columnId: string } | { kind: "unknown"; candidates: string[]; group?: string };

/** What one source column is, from its header path. */
function classify(def: ReportDefinition, fieldId: string, w: Words, parts: string[]): Classified {
  if (!parts.length) return { kind: "empty" };
  const pkeys = parts.map(wordKey);
  if (pkeys.some((k) => w.serial.includes(k))) return { kind: "serial" };
  if (pkeys.some((k) => longest(k, w.skip))) return { kind: "skip" };
  if (pkeys.some((k) => longest(k, w.rowHeader))) return { kind: "label" };
  // the group: the longest group word found in any part
  let group: { label: string; part: number; word: string } | undefined;
  for (const g of w.groups) {
    pkeys.forEach((k, part) => {
      const word = longest(k, g.words);
      if (word && (!group || word.length > group.word.length)) group = { label: g.label, part, word };
    });
  }
  let rest = pkeys.map((k, i) => (group && i === group.part ? remove(k, group.word) : k)).join(" | ");
  // the group's other words too (a group named twice: "Kết quả giải quyết / Số hồ sơ đã giải quyết"), and the words that only join
  const chosen = w.groups.find((g) => g.label === group?.label);
  for (const f of [...(chosen?.words ?? []), ...w.filler]) while (has(rest, f)) rest = remove(rest, f);
  rest = rest.replace(/\|/g, " ");
  rest = ` ${rest.replace(/\s+/g, " ").trim()} `;
  const pool = w.columns.filter((c) => !group || c.col.group === group.label);
  if (group && (rest.trim() === "" || w.total.includes(rest))) {
    const total = groupTotal(def, fieldId, group.label);
    if (total) return { kind: "figure", columnId: total.id };
  }
  let best: { ids: string[]; length: number } = { ids: [], length: 0 };
  for (const c of pool) {
    const word = longest(rest, c.words);
    if (!word) continue;
    if (word.length > best.length) best = { ids: [c.col.id], length: word.length };
    else if (word.length === best.length) best.ids.push(c.col.id);
  }
  if (best.ids.length === 1) return { kind: "figure", columnId: best.ids[0] };
  return { kind: "unknown", candidates: best.ids.length ? best.ids : pool.map((c) => c.col.id), group: group?.label };
}

/** The header rows of a grid: [first, end) and the row of column numbers, if any; null when there is none. */
function findHeader(rows: SourceCell[][], w: Words): { first: number; end: number; numberRow: number } | null {
  const known = [...w.groups.flatMap((g) => g.words), ...w.columns.flatMap((c) => c.words), ...w.serial, ...w.rowHeader, ...w.skip].sort(
    (a, b) => b.length - a.length,
  );
  const headerish = (c: SourceCell) => typeof c === "string" && (w.serial.includes(wordKey(c)) || !!longest(wordKey(c), known));
  const first = rows.findIndex((row) => new Set(row.filter(headerish).map((c) => wordKey(c as string))).size >= 2);
  if (first < 0) return null;
  let end = first + 1;
  let numberRow = -1;
  while (end < rows.length && end - first < MAX_HEADER_ROWS) {
    const row = rows[end];
    if (isNumberRow(row)) {
      numberRow = end;
      end++;
      break;
    }
    if (row.some(looksNumeric)) break;
    // spanned from above (HTML rowspan) or a header word of its own
    const above = rows[end - 1];
    const own = row.filter((c, i) => c !== null && c !== above[i]);
    if (own.length && !own.some(headerish)) break;
    if (!row.some((c) => c !== null)) break;
    end++;
  }
  return { first, end, numberRow };
}

/** Each column's header path, a merged group header (text in its first cell only) carried over the columns under it. */
function headerPaths(rows: SourceCell[][], first: number, end: number, numberRow: number): string[][] {
  const hrows: SourceCell[][] = [];
  for (let r = first; r < end; r++) if (r !== numberRow) hrows.push(rows[r]);
  const width = Math.max(0, ...rows.slice(first).map((r) => r.length));
  const raw = (r: number, c: number) => cellText(hrows[r]?.[c] ?? null);
  const below = (r: number, c: number) => hrows.slice(r + 1).some((_, i) => raw(r + 1 + i, c) !== "");
  const eff: string[][] = hrows.map(() => []);
  for (let r = 0; r < hrows.length; r++) {
    for (let c = 0; c < width; c++) {
      let t = raw(r, c);
      if (t === "" && c > 0 && eff[r][c - 1] !== "" && below(r, c) && below(r, c - 1)) t = eff[r][c - 1];
      eff[r][c] = t;
    }
  }
  return Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (let r = 0; r < hrows.length; r++) if (eff[r][c] !== "" && eff[r][c] !== parts[parts.length - 1]) parts.push(eff[r][c]);
    return parts;
  });
}

/** The headers seen, for messages: "C: Số hồ sơ nhận giải quyết / Tổng số". */
function seenHeaders(paths: string[][]): string[] {
  return paths.map((p, c) => (p.length ? `${sourceAddress(0, c).replace(/\d+$/, "")}: ${p.join(" / ")}` : "")).filter((s) => s !== "");
}

/** Reads `table` of the source into the table field `fieldId`. */
export function importTable(def: ReportDefinition, fieldId: string, source: SourceTable): TableImport {
  const field = fieldById(def, fieldId);
  const tdef = field.table!;
  const w = wordsOf(def, fieldId);
  const rows = source.rows;
  const header = findHeader(rows, w);
  if (!header) return { ok: false, headerFound: false, message: MSG_IMPORT.noHeader(source.name, field.label) };
  const paths = headerPaths(rows, header.first, header.end, header.numberRow);
  const seen = seenHeaders(paths);
  const fail = (reason: string): TableImport => ({ ok: false, headerFound: true, message: MSG_IMPORT.cannotMap(source.name, reason, seen) });

  const columns: ColumnMatch[] = [];
  const ignored: { header: string; why: "serial" | "skip" | "unknown" }[] = [];
  let labelCol = -1;
  const numbers = header.numberRow >= 0 ? rows[header.numberRow].map(columnNumber) : [];
  for (let c = 0; c < paths.length; c++) {
    const k = classify(def, fieldId, w, paths[c]);
    const headerText = paths[c].join(" / ");
    if (k.kind === "empty") continue;
    if (k.kind === "label") {
      if (labelCol < 0) labelCol = c;
      continue;
    }
    if (k.kind === "serial" || k.kind === "skip") {
      ignored.push({ header: headerText, why: k.kind });
      continue;
    }
    let columnId = k.kind === "figure" ? k.columnId : undefined;
    if (k.kind === "unknown") {
      // a column number decides where the words do not: (3) is the table's first figure column
      const n = numbers[c];
      const byNumber = n !== null && n !== undefined ? tdef.columns[n - 3] : undefined;
      if (byNumber && k.candidates.includes(byNumber.id)) columnId = byNumber.id;
    }
    if (!columnId) {
      ignored.push({ header: headerText, why: "unknown" });
      continue;
    }
    const col = tdef.columns.find((x) => x.id === columnId)!;
    const twice = columns.find((m) => m.columnId === columnId);
    if (twice) return fail(MSG_IMPORT.sameColumn(columnName(col), [twice.header, headerText]));
    columns.push({ source: c, header: headerText, columnId, name: columnName(col) });
  }
  if (!columns.length) return fail(MSG_IMPORT.noFigureColumn);
  if (labelCol < 0) {
    // no header names the label column: the text column just left of the first figure column
    const firstFigure = Math.min(...columns.map((m) => m.source));
    labelCol = firstFigure - 1;
    if (labelCol < 0 || ignored.some((i) => i.why === "serial" && i.header === paths[labelCol].join(" / ")))
      return fail(MSG_IMPORT.noLabelColumn(tdef.rowHeader));
  }

  // rows
  const out: SourceRow[] = [];
  const groups: string[] = [];
  const problems: string[] = [];
  let decimals = false;
  let total: { line: number; values: (number | null)[] } | undefined;
  const isTotal = (label: string) => {
    const k = wordKey(label);
    return w.total.some((t) => k === t || (t.trim().includes(" ") && k.startsWith(t)));
  };
  for (let r = header.end; r < rows.length; r++) {
    const row = rows[r];
    const label = normalizeCellText(cellText(row[labelCol] ?? null))
      .replace(/\s+/g, " ")
      .trim();
    const cells = columns.map((m) => row[m.source] ?? null);
    const figures = cells.some(looksNumeric);
    // a total row may have its label in another column (STT and label merged: "Tổng cộng" in A)
    const totalElsewhere = label === "" && row.some((c, i) => i !== labelCol && typeof c === "string" && isTotal(c));
    if (!figures) {
      if (label !== "" && !isTotal(label)) groups.push(label);
      continue;
    }
    const parsed = cells.map((cell, i) => {
      const v = wholeNumberOf(cell);
      if (!v.ok) problems.push(MSG_IMPORT.badNumber(sourceAddress(r, columns[i].source), v.shown, v.problem, columns[i].header));
      if (!v.ok && v.problem === "decimal") decimals = true;
      return v.ok ? v.value : null;
    });
    if (label === "" && !totalElsewhere) {
      problems.push(MSG_IMPORT.noLabel(r + 1, sourceAddress(r, labelCol)));
      continue;
    }
    if (totalElsewhere || isTotal(label)) {
      total = { line: r + 1, values: parsed };
      continue;
    }
    const values = tdef.columns.map((col) => {
      const i = columns.findIndex((m) => m.columnId === col.id);
      return i < 0 ? NaN : (parsed[i] ?? NaN);
    });
    out.push({ label, line: r + 1, values });
  }
  if (problems.length) return fail(MSG_IMPORT.problems(problems, decimals));
  const dup = duplicateLabels(out);
  if (dup) return fail(dup);
  if (!out.length) return fail(MSG_IMPORT.noRows(tdef.rowHeader));

  // columns the source lacks, computed from the definition's row sums
  const present = new Set(columns.map((m) => m.columnId));
  const computed: string[] = [];
  const index = (id: string) => tdef.columns.findIndex((c) => c.id === id);
  for (let changed = true; changed;) {
    changed = false;
    for (const rule of def.rules) {
      if (rule.kind !== "rowSum" || rule.table !== fieldId) continue;
      const all = [rule.total, ...rule.parts];
      const missing = all.filter((id) => !present.has(id));
      if (missing.length !== 1) continue;
      const m = missing[0];
      for (const row of out) {
        const partsSum = rule.parts.filter((p) => p !== m).reduce((s, p) => s + row.values[index(p)], 0);
        row.values[index(m)] = m === rule.total ? partsSum : row.values[index(rule.total)] - partsSum;
        if (row.values[index(m)] < 0) return fail(MSG_IMPORT.negativeComputed(columnName(tdef.columns[index(m)]), row.label, row.line));
      }
      present.add(m);
      computed.push(columnName(tdef.columns[index(m)]));
      changed = true;
    }
  }
  // a computed column of the sheet (sumOf) is its parts' sum, whatever the source says
  tdef.columns.forEach((col, i) => {
    if (!col.sumOf?.length || !col.sumOf.every((p) => present.has(p))) return;
    for (const row of out) row.values[i] = col.sumOf.reduce((s, p) => s + row.values[index(p)], 0);
    if (!present.has(col.id)) computed.push(columnName(col));
    present.add(col.id);
  });
  const missing = tdef.columns.filter((c) => !present.has(c.id));
  if (missing.length) return fail(MSG_IMPORT.missingColumns(missing.map(columnName)));

  // the total row against the rows read
  const warnings: string[] = [];
  if (total) {
    for (const m of columns) {
      const i = index(m.columnId);
      const stated = total.values[columns.indexOf(m)];
      const sum = out.reduce((s, row) => s + row.values[i], 0);
      if (stated !== null && stated !== sum) warnings.push(MSG_IMPORT.totalDiffers(total.line, m.header, formatNumber(stated), formatNumber(sum)));
    }
  }
  for (const i of ignored) if (i.why === "unknown") warnings.push(MSG_IMPORT.unknownColumn(i.header));
  return { ok: true, fieldId, source: source.name, rows: out, columns, computed, ignored, groups, warnings };
}

/** A message when two rows of the source name the same lĩnh vực; null otherwise. */
function duplicateLabels(rows: SourceRow[]): string | null {
  const seen = new Map<string, SourceRow>();
  for (const row of rows) {
    const k = rowLabelKey(row.label);
    const before = seen.get(k);
    if (before) return MSG_IMPORT.sameRow(before, row);
    seen.set(k, row);
  }
  return null;
}

/**
 * The first table of the source that reads into one of the definition's table fields. When
 * none does, the message of the table whose header was found (its mapping failed), or
 * "no header found".
 */
export function importFirstTable(def: ReportDefinition, tables: SourceTable[], fileName: string): TableImport {
  const fields = def.fields.filter((f) => f.kind === "table");
  if (!fields.length) return { ok: false, headerFound: false, message: MSG_IMPORT.noTableField(def.title) };
  let failed: TableImport | undefined;
  for (const t of tables) {
    for (const f of fields) {
      const r = importTable(def, f.id, t);
      if (r.ok) return r;
      if (r.headerFound && !failed) failed = r;
    }
  }
  return failed ?? { ok: false, headerFound: false, message: MSG_IMPORT.noHeaderIn(fileName, fields[0].label) };
}
