/**
 * Rows of a table (lĩnh vực) matched by their label, not by their position. Offices type the
 * same lĩnh vực in different ways ("Hộ tịch", "Lĩnh vực hộ tịch", "HỘ  TỊCH", a decomposed
 * "Hộ tịch" pasted from a web page, "Thi đua – khen thưởng" with an en dash): they are one row.
 * The roll-up of units, the import of the one-stop system's table and the reader all use these
 * functions, so a label matches in the same way everywhere.
 */
import { normalizeCellText } from "../text/normalize";

/** Words a label may start with that do not name the row ("Lĩnh vực Hộ tịch" is "Hộ tịch"). */
const LEADING_WORDS = /^lĩnh vực\s+(?=\S)/u;

/**
 * The key two labels share when they name the same row: Unicode NFC, lower case, one space
 * between words, any dash written "-", no trailing full stop, without a leading "Lĩnh vực ".
 * "" for a blank label.
 */
export function rowLabelKey(label: string): string {
  let s = normalizeCellText(label).normalize("NFC").toLocaleLowerCase("vi");
  s = s.replace(/[\u2010-\u2015\u2212]/g, "-").replace(/\s*-\s*/g, " - ");
  s = s
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.:;]+$/u, "")
    .trim();
  return s.replace(LEADING_WORDS, "");
}

/** "Lĩnh vực khác" (also "Khác", "Các lĩnh vực khác"): the row new lĩnh vực are placed before. */
export function isOtherRow(label: string): boolean {
  const key = rowLabelKey(label);
  return key === "khác" || key === "các lĩnh vực khác" || key === "lĩnh vực khác";
}

/** Index of the row whose label matches `label`, or -1. */
export function findRow(rows: readonly string[], label: string): number {
  const key = rowLabelKey(label);
  if (key === "") return -1;
  return rows.findIndex((r) => rowLabelKey(r) === key);
}

export interface MergedRows {
  /** the merged list: `base`, with each unknown label inserted before "Lĩnh vực khác" (or at the end), in the order first seen */
  rows: string[];
  /** the labels added, as first written */
  added: string[];
}

/**
 * Merges the row lists of several sources into `base`'s: rows already there keep their place
 * and their wording; a label none of the rows matches becomes a new row, placed before the
 * "Lĩnh vực khác" row (in the order the labels are first seen), or at the end when there is none.
 * Blank labels are ignored.
 */
export function mergeRowLists(base: readonly string[], ...others: readonly (readonly string[])[]): MergedRows {
  const rows = [...base];
  const added: string[] = [];
  const known = new Set(rows.map(rowLabelKey));
  for (const list of others) {
    for (const label of list) {
      const key = rowLabelKey(label);
      if (key === "" || known.has(key)) continue;
      known.add(key);
      const other = rows.findIndex(isOtherRow);
      const clean = normalizeCellText(label).normalize("NFC").replace(/\s+/g, " ").trim();
      if (other < 0) rows.push(clean);
      else rows.splice(other, 0, clean);
      added.push(clean);
    }
  }
  return { rows, added };
}
