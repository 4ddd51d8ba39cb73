/**
 * The workbook after an import, as .xlsx bytes: the office's own file (`original`) with the
 * product's cells changed (src/workbook/xlsx-patch.ts) — the table's labels and figures, and
 * nothing else: the office's own sheets, charts, comments, widths and formats stay as they were.
 * Where that cannot be — the table gains lĩnh vực, so the rows under it would have to move, or
 * the sheets are no longer where the layout puts them — the workbook is rebuilt from the
 * layout as before (the report's fields with the office's values, the table with the imported
 * figures and its total row and names over every row, the previous period's totals kept), and
 * the result says, in Vietnamese, what is not carried.
 */
import { buildLayout, inputValues } from "../workbook/layout";
import { editsOf, movedSheets, type LayoutTarget } from "../workbook/layout-patch";
import { previousTotalsCells } from "../workbook/previous-totals";
import { definitionFitting } from "../workbook/unit-workbook";
import { XlsxPackage } from "../workbook/xlsx-patch";
import { readXlsxSnapshot } from "../workbook/xlsx-read";
import { buildWorkbook, setCellValues, workbookBytes } from "../workbook/xlsx-write";
import { MSG_IMPORT_FILE } from "./messages";
import type { FiguresImportPlan } from "./plan";

type Plan = Extract<FiguresImportPlan, { ok: true }>;

export interface ImportedWorkbook {
  bytes: Uint8Array;
  /** what the office added and the new workbook does not carry, said in Vietnamese; absent when everything is kept */
  notKept?: string;
}

export async function importedWorkbookBytes(plan: Plan, original?: Uint8Array): Promise<ImportedWorkbook> {
  const fitted = definitionFitting(plan.def, plan.data); // the office's rows, new lĩnh vực included
  const layout = buildLayout(fitted);
  let notKept: string = MSG_IMPORT_FILE.noFile;
  if (original) {
    try {
      const inFile = await readXlsxSnapshot(original);
      const target: LayoutTarget = { def: fitted, layout, values: inputValues(fitted, layout, plan.data), formulas: [] };
      const moved = movedSheets(target, inFile);
      if (moved.length) notKept = plan.added.length ? MSG_IMPORT_FILE.grown(moved, plan.added.length) : MSG_IMPORT_FILE.moved(moved);
      else {
        const pkg = await XlsxPackage.open(original);
        await pkg.edit(editsOf(target, inFile, { previousTotals: false }));
        return { bytes: await pkg.bytes() };
      }
    } catch {
      notKept = MSG_IMPORT_FILE.unreadable;
    }
  }
  const wb = buildWorkbook(fitted, layout, plan.data);
  if (plan.data.previous) setCellValues(wb, previousTotalsCells(plan.data.previous));
  return { bytes: await workbookBytes(wb), notKept };
}
