/**
 * Figures of an exported table: whole numbers stored as numbers, or as Vietnamese text with
 * thousands dots or spaces ("1.234", "1 234"). A decimal is never rounded or multiplied: a
 * whole number that Excel turned into a decimal when it opened an export (1.234 read as 1,234
 * under an English locale) is named as such, for the office to fix in the source.
 */
import type { SourceCell } from "./source";

export type WholeNumber =
  | { ok: true; value: number }
  /** decimal: a number with a fraction (maybe a "1.234" Excel read as 1,234); negative; text: not a number at all */
  | { ok: false; problem: "decimal" | "negative" | "text"; shown: string };

const SEPARATORS = /[\s\u00a0\u202f]/g;

/** A cell as a whole number ≥ 0; an empty cell, "-" or "–" is 0 (exports print nothing, or a dash, for none). */
export function wholeNumberOf(cell: SourceCell): WholeNumber {
  if (cell === null) return { ok: true, value: 0 };
  if (typeof cell === "number") {
    const shown = String(cell).replace(".", ",");
    if (!Number.isFinite(cell)) return { ok: false, problem: "text", shown };
    if (cell < 0) return { ok: false, problem: "negative", shown };
    if (!Number.isInteger(cell)) return { ok: false, problem: "decimal", shown };
    return { ok: true, value: cell };
  }
  const t = cell.trim();
  if (t === "" || /^[-–—]$/.test(t)) return { ok: true, value: 0 };
  const compact = t.replace(SEPARATORS, "");
  if (/^-\d/.test(compact)) return { ok: false, problem: "negative", shown: t };
  if (/^\d+$/.test(compact) && (compact === t || /^\d{1,3}(?:[\s\u00a0\u202f]\d{3})+$/.test(t))) return { ok: true, value: Number(compact) };
  if (/^\d{1,3}(?:\.\d{3})+$/.test(t)) return { ok: true, value: Number(t.replace(/\./g, "")) };
  if (/^\d+(?:[.,]\d+)$/.test(compact) || /^\d{1,3}(?:\.\d{3})+,\d+$/.test(compact)) return { ok: false, problem: "decimal", shown: t };
  return { ok: false, problem: "text", shown: t };
}

/** True when the cell holds a figure (a number, or text that reads as one, whole or not). */
export function looksNumeric(cell: SourceCell): boolean {
  if (cell === null) return false;
  if (typeof cell === "number") return true;
  const r = wholeNumberOf(cell);
  return cell.trim() !== "" && !/^[-–—]$/.test(cell.trim()) && (r.ok || r.problem !== "text");
}
