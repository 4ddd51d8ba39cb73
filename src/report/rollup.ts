/**
 * Roll-up of units, the pure part: the summary formula, unit sheet names and the bookend
 * sheets between which unit sheets sit.
 *
 * The summary cell adds the same cell over every sheet between two bookend sheets:
 *   =SUM(DonViDau:DonViCuoi!C5)
 * A 3-D span is short whatever the number of units (Excel's 8,192 characters and 255
 * arguments are never approached), does not spell unit names (spaces, diacritics and
 * apostrophes need no quoting), is recomputed by Excel when a unit changes, and is
 * evaluated by LibreOffice because the bookends' names need no quotes (LibreOffice
 * does not evaluate a quoted span such as 'Xã A:Xã C'!C5).
 */
import { sheetNameProblem } from "./definition";

/** First and last bookend sheets; unit sheets sit between them. Names that need no quotes. */
export const BOOKEND_START = "DonViDau";
export const BOOKEND_END = "DonViCuoi";
export const BOOKENDS = [BOOKEND_START, BOOKEND_END] as const;

/** Text the add-in writes on a unit sheet to recognise it, whatever the sheet is called. */
export const UNIT_MARKER = "BC-CCTTHC/DON-VI";
/** Text on a bookend sheet. */
export const BOOKEND_MARKER = "BC-CCTTHC/MOC";

/** Excel's limits for one formula. */
export const EXCEL_FORMULA_MAX_CHARS = 8192;
export const EXCEL_FUNCTION_MAX_ARGS = 255;

/** The summary formula for a unit cell, e.g. "=SUM(DonViDau:DonViCuoi!C5)". */
export function rollupFormula(unitCell: string): string {
  return `=SUM(${BOOKEND_START}:${BOOKEND_END}!${unitCell})`;
}

/** A sheet name in a reference: 'quoted' (apostrophes doubled inside) or bare. */
function readSheetName(s: string, i: number): { name: string; quoted: boolean; end: number } | null {
  if (s[i] === "'") {
    let name = "";
    for (let j = i + 1; j < s.length; j++) {
      if (s[j] !== "'") name += s[j];
      else if (s[j + 1] === "'") name += s[j++];
      else return name ? { name, quoted: true, end: j + 1 } : null;
    }
    return null;
  }
  const m = /^[^\s'!:(),;"]+/.exec(s.slice(i));
  return m ? { name: m[0], quoted: false, end: i + m[0].length } : null;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})/;

/**
 * Parses `SUM(First:Last!C5)` in any of the equivalent spellings spreadsheet apps write
 * back, into its span and cell; null when the formula is anything else.
 *
 * Accepted: a leading "=" or none; an `_xlfn.` prefix; any letter case; spaces around
 * the parts; each sheet name quoted or not ('DonViDau':'DonViCuoi'!C5, which is how
 * LibreOffice quotes a name that needs it), or the whole span quoted ('DonViDau:DonViCuoi'!C5,
 * as Excel does); absolute references ($C$5); the single-cell range C5:C5 (LibreOffice
 * writes every 3-D reference as a range). A range of more than one cell is refused.
 */
export function parseSpanFormula(formula: string): { from: string; to: string; cell: string } | null {
  const s = formula;
  let i = 0;
  const ws = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const eat = (re: RegExp): RegExpExecArray | null => {
    ws();
    const m = re.exec(s.slice(i));
    if (m) i += m[0].length;
    return m;
  };
  eat(/^=/);
  eat(/^_xlfn\./i);
  if (!eat(/^SUM\b/i) || !eat(/^\(/)) return null;
  ws();
  const first = readSheetName(s, i);
  if (!first) return null;
  i = first.end;
  let from: string;
  let to: string;
  if (first.quoted && first.name.includes(":")) {
    // 'First:Last' — a sheet name cannot hold a colon, so this is a quoted span
    const parts = first.name.split(":");
    if (parts.length !== 2) return null;
    [from, to] = parts.map((p) => p.trim());
  } else {
    if (!eat(/^:/)) return null;
    ws();
    const last = readSheetName(s, i);
    if (!last || last.name.includes(":")) return null;
    i = last.end;
    from = first.name;
    to = last.name;
  }
  if (!from || !to || !eat(/^!/)) return null;
  const a = eat(CELL_RE);
  if (!a) return null;
  const cell = `${a[1].toUpperCase()}${Number(a[2])}`;
  if (eat(/^:/)) {
    const b = eat(CELL_RE);
    if (!b || `${b[1].toUpperCase()}${Number(b[2])}` !== cell) return null;
  }
  if (!eat(/^\)/)) return null;
  ws();
  return i === s.length ? { from, to, cell } : null;
}

/**
 * Parses a roll-up formula — the span between the bookends, in any spelling
 * `parseSpanFormula` accepts, the bookends in either order and any case — into the
 * bookends' names as they are spelt here and the cell; null for any other formula
 * (a span between other sheets is a user's formula, not ours to overwrite).
 */
export function parseRollupFormula(formula: string): { from: string; to: string; cell: string } | null {
  const span = parseSpanFormula(formula);
  if (!span) return null;
  const bookend = (name: string) => BOOKENDS.find((b) => b.toLowerCase() === name.toLowerCase());
  const from = bookend(span.from);
  const to = bookend(span.to);
  return from && to && from !== to ? { from, to, cell: span.cell } : null;
}

/** The number of arguments of a formula's outermost function call (commas at depth 1). */
export function argumentCount(formula: string): number {
  const open = formula.indexOf("(");
  if (open < 0) return 0;
  let depth = 0;
  let count = 1;
  let quoted = false;
  for (let i = open; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === "'" || ch === '"') quoted = !quoted;
    if (quoted) continue;
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 1) count++;
  }
  return count;
}

export type UnitSheetName = { ok: true; name: string; changed: boolean } | { ok: false; message: string };

/**
 * A worksheet name for a unit: Excel's forbidden characters removed, leading/trailing
 * apostrophes trimmed, cut to 31 characters (at a word boundary where possible) and made
 * unique ignoring case against `existing` by a numeric suffix. Refused when nothing is left.
 */
export function unitSheetName(unitName: string, existing: string[]): UnitSheetName {
  const original = unitName.replace(/\s+/g, " ").trim();
  const base = original
    .replace(/[:\\/?*[\]]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  if (!base) return { ok: false, message: `Tên đơn vị "${unitName}" không dùng được làm tên trang tính: hãy nhập tên có chữ cái.` };
  if ([...BOOKENDS, "history"].some((b) => b.toLowerCase() === base.toLowerCase())) {
    return { ok: false, message: `"${base}" là tên dành riêng, không đặt cho đơn vị được.` };
  }
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  const fit = (s: string, max: number) => {
    if (s.length <= max) return s;
    const cut = s.slice(0, max);
    const space = cut.lastIndexOf(" ");
    return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/'+$/, "").trim();
  };
  let name = fit(base, 31);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = fit(base, 31 - suffix.length) + suffix;
  }
  const problem = sheetNameProblem(name);
  if (problem) return { ok: false, message: problem };
  return { ok: true, name, changed: name !== original };
}
