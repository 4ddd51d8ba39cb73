/**
 * The import planned against a report workbook: the table read from the source
 * (src/import/figures.ts) replaces the workbook's table. Rows are matched to the workbook's
 * lĩnh vực by label (src/report/row-labels.ts); a lĩnh vực the workbook lacks becomes a new
 * row (before "Lĩnh vực khác"); a lĩnh vực the source does not list gets 0 and is named.
 * Pure: the command line writes the planned data (src/import/write.ts), the task pane
 * writes the same table into the open workbook.
 */
import { isTableValue } from "../report/definition";
import { findRow, isOtherRow, mergeRowLists } from "../report/row-labels";
import type { ReportData, ReportDefinition, TableValue } from "../report/types";
import { checkWorkbook } from "../workbook/check-workbook";
import type { WorkbookLayout } from "../workbook/layout";
import type { CellValue, WorkbookSnapshot } from "../workbook/snapshot";
import { findUnitSheets } from "../workbook/units";
import type { TableImport } from "./figures";
import { MSG_IMPORT } from "./messages";

type Imported = Extract<TableImport, { ok: true }>;

export interface MergedTable {
  /** the table after the import: the workbook's rows (with their wording), new lĩnh vực added */
  table: TableValue;
  /** labels of the rows added */
  added: string[];
  /** the workbook's rows the source does not list: now 0 */
  zeroed: string[];
}

/** The workbook's table (its rows, as typed) with the source's figures in it. */
export function mergeImported(rows: readonly string[], imported: Imported): MergedTable {
  const kept = rows.filter((r) => r.trim() !== "");
  const merged = mergeRowLists(
    kept,
    imported.rows.map((r) => r.label),
  );
  const width = imported.rows[0]?.values.length ?? 0;
  const cells = merged.rows.map((label) => {
    const i = findRow(
      imported.rows.map((r) => r.label),
      label,
    );
    return i < 0 ? Array.from({ length: width }, () => 0) : [...imported.rows[i].values];
  });
  const zeroed = kept.filter(
    (label) =>
      findRow(
        imported.rows.map((r) => r.label),
        label,
      ) < 0,
  );
  return { table: { rows: merged.rows, cells }, added: merged.added, zeroed };
}

export type FiguresImportPlan =
  | ({
      ok: true;
      def: ReportDefinition;
      /** the workbook's data with the table replaced (previous totals kept) */
      data: ReportData;
      imported: Imported;
    } & MergedTable)
  | { ok: false; message: string };

/** Plans the import of `imported` into the report workbook `book` (which is not changed). */
export function planFiguresImport(def: ReportDefinition, layout: WorkbookLayout, book: WorkbookSnapshot, imported: TableImport): FiguresImportPlan {
  if (!imported.ok) return { ok: false, message: imported.message };
  const check = checkWorkbook(def, layout, book);
  if (!check.isReportWorkbook) return { ok: false, message: MSG_IMPORT.notReport };
  if (findUnitSheets(book, def).length) return { ok: false, message: MSG_IMPORT.rollup };
  const before = check.data.values[imported.fieldId];
  const merged = mergeImported(isTableValue(before) ? before.rows : [], imported);
  const data: ReportData = { ...check.data, values: { ...check.data.values, [imported.fieldId]: merged.table } };
  return { ok: true, def, data, imported, ...merged };
}

/** What the import did, line by line (the command line prints them; the pane shows them before writing). */
export function importSummary(imported: Imported, merged: Pick<MergedTable, "added" | "zeroed">): string[] {
  const lines = [MSG_IMPORT.mappedHead(imported.source), ...imported.columns.map((m) => MSG_IMPORT.mapped(m.header, m.name))];
  if (imported.computed.length) lines.push(MSG_IMPORT.computedHead(imported.computed));
  if (imported.groups.length) lines.push(MSG_IMPORT.groupsHead(imported.groups));
  lines.push(MSG_IMPORT.rowsRead(imported.rows.length));
  if (merged.added.length) lines.push(MSG_IMPORT.added(merged.added));
  if (merged.zeroed.length) lines.push(MSG_IMPORT.zeroed(merged.zeroed));
  return lines;
}

/** The table as the pane writes it into the open workbook: rows inserted inside the table, then every row in its final order. */
export interface SheetPlacement {
  /** 0-based row of the table's body where new rows are inserted (the rows from it move down); -1 when none is */
  insertAt: number;
  /** how many rows are inserted there (0 when the new lĩnh vực fit in the table's empty rows) */
  inserted: number;
  /** the body after the insertion, row by row: the label cell and the figures to write */
  rows: { label: CellValue; values: CellValue[] }[];
  added: string[];
  zeroed: string[];
}

/**
 * Where the imported figures go in the sheet's table, whose row labels (as the cells hold
 * them) are `labels` and whose figures `figures(r)` gives: a labelled row takes the source's
 * row of the same lĩnh vực, or 0; new lĩnh vực go first into the table's empty rows (no label,
 * no figure: a new table's rows), in order; the rest are inserted before "Lĩnh vực khác" when
 * it is not the first row, otherwise before the last row (inside the table, so that its
 * references grow), the table then written in the order "rows as they were, new rows after
 * them". An unlabelled row that holds figures keeps them.
 */
export function placeInSheet(labels: CellValue[], figures: (row: number) => CellValue[], imported: Imported): SheetPlacement {
  const texts = labels.map((l) => (typeof l === "string" ? l : l === null || typeof l === "object" ? "" : String(l)));
  const named = texts.filter((t) => t.trim() !== "");
  const source = imported.rows.map((r) => r.label);
  const width = imported.rows[0]?.values.length ?? 0;
  const valuesFor = (label: string): number[] => {
    const i = findRow(source, label);
    return i < 0 ? Array.from({ length: width }, () => 0) : [...imported.rows[i].values];
  };
  const { added } = mergeRowLists(named, source);
  const zeroed = named.filter((label) => findRow(source, label) < 0);
  const waiting = added.map((label) => ({ label: label as CellValue, values: valuesFor(label) as CellValue[] }));
  const empty = (r: number) => texts[r].trim() === "" && figures(r).every((v) => v === null || v === "");
  const base = texts.map((t, r) => {
    if (t.trim() !== "") return { label: labels[r], values: valuesFor(t) as CellValue[] };
    if (empty(r) && waiting.length) return waiting.shift()!;
    return { label: labels[r], values: figures(r) };
  });
  if (!waiting.length) return { insertAt: -1, inserted: 0, rows: base, added, zeroed };
  const other = texts.findIndex(isOtherRow);
  if (other > 0) return { insertAt: other, rows: [...base.slice(0, other), ...waiting, ...base.slice(other)], added, zeroed, inserted: waiting.length };
  return { insertAt: Math.max(0, texts.length - 1), rows: [...base, ...waiting], added, zeroed, inserted: waiting.length };
}
