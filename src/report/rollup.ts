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

const ROLLUP_RE = /^=?\s*SUM\(\s*([A-Za-z_][A-Za-z0-9_.]*):([A-Za-z_][A-Za-z0-9_.]*)!\$?([A-Za-z]{1,3})\$?([0-9]+)\s*\)$/i;

/** Parses a roll-up formula back into its span and cell, or null for any other formula. */
export function parseRollupFormula(formula: string): { from: string; to: string; cell: string } | null {
  const m = ROLLUP_RE.exec(formula.trim());
  return m ? { from: m[1], to: m[2], cell: `${m[3].toUpperCase()}${m[4]}` } : null;
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
  let base = original.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "").trim();
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
