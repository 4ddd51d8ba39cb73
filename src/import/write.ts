/**
 * The workbook after an import, as .xlsx bytes: for now rebuilt from the layout with ExcelJS,
 * as "Kỳ mới" does (src/workbook/xlsx-write.ts): the report's fields with the office's values,
 * the table with the imported figures (a table that gains rows gets them in the sheet, with
 * the total row's formulas and the defined names covering them), the previous period's totals
 * kept. One small function, so a writer that patches the office's file in place can take its
 * place.
 */
import { buildLayout } from "../workbook/layout";
import { previousTotalsCells } from "../workbook/previous-totals";
import { definitionFitting } from "../workbook/unit-workbook";
import { buildWorkbook, setCellValues, workbookBytes } from "../workbook/xlsx-write";
import type { FiguresImportPlan } from "./plan";

export async function importedWorkbookBytes(plan: Extract<FiguresImportPlan, { ok: true }>): Promise<Uint8Array> {
  const fitted = definitionFitting(plan.def, plan.data); // the office's rows, new lĩnh vực included
  const wb = buildWorkbook(fitted, buildLayout(fitted), plan.data);
  if (plan.data.previous) setCellValues(wb, previousTotalsCells(plan.data.previous));
  return workbookBytes(wb);
}
