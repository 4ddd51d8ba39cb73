/**
 * The totals of every earlier period in a workbook made by "Kỳ mới" (src/workbook/next-period.ts),
 * so that the new period's sentences can compare ("tăng 12,5% so với kỳ trước", "tăng 19,8% so
 * với cùng kỳ năm 2025": the `change` and `compare` values of a definition). They live on the
 * very hidden kind sheet (BaoCaoLoai), from column D, beside the kind's marker and id (column A
 * holds an own definition's JSON); one column per period, the most recent (the previous) in E:
 *
 *   D1 "BC-TTHC/KY-TRUOC"     E1 "quý II năm 2026"   F1 "quý I năm 2026"   G1 …  (the periods in words)
 *   D2 "BIEU_06.TONG_NHAN"    E2 12146               F2 11042              G2 …  (a table column's total)
 *   D3 "PAKN_TONG"            E3 12                  F3 (blank: not kept)        (a count field)
 *   …                                                                             (one row per figure, until a blank D)
 *
 * A workbook written before the history was kept has column E only: it reads as before. Each
 * "Kỳ mới" puts this period's totals in E and moves the kept ones right, so the history grows
 * by one column a period and travels with the workbook (plain values, not formulas: the earlier
 * workbooks are gone by then; a LibreOffice round trip keeps them). Every command already reads
 * the kind sheet whole (the CLI's reader, the add-in's snapshot), so reading them costs no
 * round trip. Pure, and small: the check (in the pane's first load) reads them; what computes
 * them (`totalsOf`, src/workbook/next-period.ts) is loaded only by "Kỳ mới".
 */
import { periodMentions } from "../report/period";
import { cellAddress } from "../report/refs";
import type { PreviousTotals } from "../report/types";
import { historyOf } from "../report/values";
import { KIND_SHEET } from "./kind-sheet";
import { findSheet, type WorkbookSnapshot } from "./snapshot";

export const PREVIOUS_MARKER = "BC-TTHC/KY-TRUOC";

/** Column D holds the figures' references; the periods start in E. */
const REF_COL = 4;

/** The cells of the kind sheet that keep the previous period's totals and the earlier ones (`previous.earlier`). */
export function previousTotalsCells(previous: PreviousTotals): { sheet: string; address: string; value: string | number }[] {
  const periods = historyOf(previous);
  const refs: string[] = [];
  for (const p of periods) for (const ref of Object.keys(p.totals)) if (!refs.includes(ref)) refs.push(ref);
  const cell = (row: number, col: number, value: string | number) => ({ sheet: KIND_SHEET, address: cellAddress({ row, col }), value });
  const cells = [cell(1, REF_COL, PREVIOUS_MARKER)];
  refs.forEach((ref, i) => cells.push(cell(i + 2, REF_COL, ref)));
  periods.forEach((p, k) => {
    cells.push(cell(1, REF_COL + 1 + k, p.period));
    refs.forEach((ref, i) => {
      if (ref in p.totals) cells.push(cell(i + 2, REF_COL + 1 + k, p.totals[ref]));
    });
  });
  return cells;
}

/** The period its words name, when they name exactly one ("quý III năm 2025"). */
function periodAt(words: string): PreviousTotals["at"] {
  const m = periodMentions(words, true);
  if (m.length !== 1 || m[0].year === undefined || m[0].text.trim() !== words.trim()) return undefined;
  return { type: m[0].type, number: m[0].number, year: m[0].year };
}

/**
 * The previous totals a workbook keeps, with the earlier periods' in `earlier`, or undefined
 * when it has none (not made by "Kỳ mới").
 */
export function previousTotalsOf(snapshot: WorkbookSnapshot): PreviousTotals | undefined {
  const sheet = findSheet(snapshot, KIND_SHEET);
  const at = (row: number, col: number) => sheet?.cells[cellAddress({ row, col })];
  if (!sheet || at(1, REF_COL) !== PREVIOUS_MARKER) return undefined;
  const refs: string[] = [];
  for (let row = 2; typeof at(row, REF_COL) === "string"; row++) refs.push((at(row, REF_COL) as string).trim());
  const periods: PreviousTotals[] = [];
  // the first period column is read even when its words are blank (a workbook of before)
  for (let col = REF_COL + 1; col === REF_COL + 1 || typeof at(1, col) === "string"; col++) {
    const words = String(at(1, col) ?? "").trim();
    const totals: Record<string, number> = {};
    refs.forEach((ref, i) => {
      const v = at(i + 2, col);
      if (typeof v === "number" && Number.isFinite(v)) totals[ref] = v;
    });
    const period = periodAt(words);
    periods.push({ period: words, ...(period ? { at: period } : {}), totals });
  }
  const [previous, ...earlier] = periods;
  return earlier.length ? { ...previous, earlier } : previous;
}
