/**
 * The previous period's totals in a workbook made by "Kỳ mới" (src/workbook/next-period.ts),
 * so that the new period's sentences can compare ("tăng 12,5% so với kỳ trước", the
 * `change` values of a definition). They live on the very hidden kind sheet (BaoCaoLoai),
 * in columns D:E, beside the kind's marker and id (column A holds an own definition's JSON):
 *
 *   D1 "BC-TTHC/KY-TRUOC"     E1 the previous period in words ("tháng 11 năm 2024")
 *   D2 "BIEU_06.TONG_NHAN"    E2 8377       (a table column's total)
 *   D3 "PAKN_TONG"            E3 12         (a count field)
 *   …                                       (one row per figure, until a blank D)
 *
 * Every command already reads the kind sheet whole (the CLI's reader, the add-in's snapshot),
 * so reading them costs no round trip. Plain values, not formulas: the previous workbook is
 * gone by then. Pure, and small: the check (in the pane's first load) reads them; what
 * computes them (`totalsOf`, src/workbook/next-period.ts) is loaded only by "Kỳ mới".
 */
import type { PreviousTotals } from "../report/types";
import { KIND_SHEET } from "./kind-sheet";
import { findSheet, type WorkbookSnapshot } from "./snapshot";

export const PREVIOUS_MARKER = "BC-TTHC/KY-TRUOC";

/** The cells of the kind sheet that keep the previous totals. */
export function previousTotalsCells(previous: PreviousTotals): { sheet: string; address: string; value: string | number }[] {
  const cells: { sheet: string; address: string; value: string | number }[] = [
    { sheet: KIND_SHEET, address: "D1", value: PREVIOUS_MARKER },
    { sheet: KIND_SHEET, address: "E1", value: previous.period },
  ];
  Object.entries(previous.totals).forEach(([ref, v], i) => {
    cells.push({ sheet: KIND_SHEET, address: `D${i + 2}`, value: ref }, { sheet: KIND_SHEET, address: `E${i + 2}`, value: v });
  });
  return cells;
}

/** The previous totals a workbook keeps, or undefined when it has none (not made by "Kỳ mới"). */
export function previousTotalsOf(snapshot: WorkbookSnapshot): PreviousTotals | undefined {
  const sheet = findSheet(snapshot, KIND_SHEET);
  if (!sheet || sheet.cells.D1 !== PREVIOUS_MARKER) return undefined;
  const totals: Record<string, number> = {};
  for (let row = 2; typeof sheet.cells[`D${row}`] === "string"; row++) {
    const v = sheet.cells[`E${row}`];
    if (typeof v === "number" && Number.isFinite(v)) totals[(sheet.cells[`D${row}`] as string).trim()] = v;
  }
  return { period: String(sheet.cells.E1 ?? ""), totals };
}
