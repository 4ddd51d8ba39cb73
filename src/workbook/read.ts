/**
 * Workbook snapshot → report data. Finds each field through its workbook-level defined
 * name (so a user may insert rows inside a list or rename a sheet), falling back to the
 * standard layout's address, and converts cell values to the field's type. Values that
 * cannot be read as their type become problems placed on their cell.
 *
 * Rows added at the end count: a table is every row from its name's first row down to its
 * total row (found by its label or its SUM formulas, see `tableEnd`), and a list takes in
 * the lines typed just under it. Where a name or a total row's formulas no longer cover
 * those rows, the result says how to grow them (`growth`), for "Kiểm tra" in Excel to write.
 */
import { columnTitle } from "../report/check";
import { computedColumns, tableRowsName } from "../report/definition";
import { MSG, MSG_TABLE, MSG_UNITS } from "../report/messages";
import { cellAddress, columnLetter, parseCell, parseRange, parseSheetRef, type CellPos } from "../report/refs";
import { rowLabelKey } from "../report/row-labels";
import type { FieldDef, FieldValue, Problem, ReportData, ReportDefinition, TableValue } from "../report/types";
import type { WorkbookLayout } from "./layout";
import { findSheet, isErrorValue, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import { normalizeCellText } from "../text/normalize";

/** A cell's text as the report uses it: NFC, controls dropped, trimmed (the same for the .xlsx and the add-in readers). */
const cellText = (v: CellValue): string => normalizeCellText(String(v)).trim();

export interface FieldLocation {
  /** sheet name as it is in the workbook */
  sheet: string;
  /** relative ref of the input, e.g. "C5" or "B5:B16" */
  ref: string;
  /** first cell of ref */
  first: string;
}

/** What no longer covers rows the office added at the end of a table or a list, and how to grow it. */
export interface Growth {
  /** the workbook-level defined names to point at a longer range: name → sheet and relative ref */
  names: { name: string; sheet: string; ref: string }[];
  /** a table's total-row cells whose SUM misses added rows, with the formula that adds every row */
  formulas: { sheet: string; cell: string; formula: string }[];
}

/** Problem code of a total row's SUM that misses rows of its table (a warning: "Kiểm tra" in Excel rewrites it). */
export const TOTAL_SHORT_CODE = "table.totalShort";

export interface ReadResult {
  data: ReportData;
  locations: Record<string, FieldLocation>;
  /** lines fields: the cell of each non-blank line, in order */
  lineCells: Record<string, string[]>;
  /** fields whose value could not be read (already a problem) */
  unreadable: Set<string>;
  /** table cells that could not be read (already a problem), as "FIELD:row:column" (0-based) */
  unreadableCells: Set<string>;
  problems: Problem[];
  /** standard sheets none of whose fields could be found */
  missingSheets: string[];
  /** number of fields found in the workbook */
  located: number;
  /** names and total formulas to grow over the rows added at the end of a table or a list */
  growth: Growth;
}

function locate(field: FieldDef, sheetName: string, defaultRef: string, snapshot: WorkbookSnapshot, problems: Problem[]): FieldLocation | null {
  const named = snapshot.names[field.id];
  if (named !== undefined) {
    const parsed = parseSheetRef(named);
    const sheet = parsed && findSheet(snapshot, parsed.sheet);
    if (parsed && sheet) return { sheet: sheet.name, ref: parsed.ref, first: parsed.ref.split(":")[0] };
    const fallback = findSheet(snapshot, sheetName);
    if (fallback) {
      problems.push({
        sheet: fallback.name,
        cell: defaultRef.split(":")[0],
        severity: "error",
        code: "name.broken",
        fieldId: field.id,
        message: MSG.brokenName(field.label, field.id),
      });
    }
    return null;
  }
  const sheet = findSheet(snapshot, sheetName);
  if (!sheet) return null;
  return { sheet: sheet.name, ref: defaultRef, first: defaultRef.split(":")[0] };
}

function isBlank(v: CellValue | undefined): boolean {
  return v === undefined || v === null || (typeof v === "string" && cellText(v) === "");
}

/** Reads the report data from a snapshot. */
export function readWorkbook(def: ReportDefinition, layout: WorkbookLayout, snapshot: WorkbookSnapshot): ReadResult {
  const problems: Problem[] = [];
  const values: Record<string, FieldValue> = {};
  const locations: Record<string, FieldLocation> = {};
  const unreadable = new Set<string>();
  const unreadableCells = new Set<string>();
  const lineCells: Record<string, string[]> = {};
  const missingSheets: string[] = [];
  const fields = new Map(def.fields.map((f) => [f.id, f] as const));
  const growth: Growth = { names: [], formulas: [] };
  let located = 0;
  // every field's place first: a list does not grow into another field's cells
  const places = new Map<string, FieldLocation | null>();
  for (const sheetLayout of layout.sheets) {
    for (const input of sheetLayout.inputs) places.set(input.fieldId, locate(fields.get(input.fieldId)!, sheetLayout.name, input.ref, snapshot, problems));
  }
  const taken = (sheet: string, row: number, col: number) =>
    [...places.values()].some((p) => {
      if (!p || p.sheet.toLowerCase() !== sheet.toLowerCase()) return false;
      const { start, end } = parseRange(p.ref);
      return row >= start.row && row <= end.row && col >= start.col && col <= end.col;
    });

  for (const sheetLayout of layout.sheets) {
    let foundOnSheet = 0;
    for (const input of sheetLayout.inputs) {
      const field = fields.get(input.fieldId)!;
      values[field.id] = field.kind === "lines" ? [] : field.kind === "text" ? "" : field.kind === "table" ? { rows: [], cells: [] } : null;
      const loc = places.get(field.id) ?? null;
      if (!loc) {
        unreadable.add(field.id);
        continue;
      }
      foundOnSheet++;
      located++;
      locations[field.id] = loc;
      const sheet = findSheet(snapshot, loc.sheet)!;
      const cells = sheet.cells;
      const problem = (cell: string, code: string, message: string) =>
        problems.push({ sheet: loc.sheet, cell, severity: "error", code, fieldId: field.id, message });

      if (field.kind === "table") {
        values[field.id] = readTable(field, loc, snapshot, problems, unreadableCells, growth);
        continue;
      }

      if (field.kind === "lines") {
        const lines: string[] = [];
        const addrs: string[] = [];
        // a list is one column: read the first column of the named range, row by row, and the
        // lines typed just under it (up to a blank cell or another field's cell): they are the list's too
        const { start, end } = parseRange(loc.ref);
        let last = end.row;
        while (!isBlank(cells[cellAddress({ row: last + 1, col: start.col })]) && !taken(loc.sheet, last + 1, start.col)) last++;
        if (last > end.row) {
          loc.ref = `${cellAddress(start)}:${cellAddress({ row: last, col: end.col })}`;
          growth.names.push({ name: field.id, sheet: loc.sheet, ref: loc.ref });
        }
        for (let row = start.row; row <= last; row++) {
          const addr = cellAddress({ row, col: start.col });
          const v = cells[addr];
          if (isBlank(v)) continue;
          if (isErrorValue(v!)) {
            unreadable.add(field.id);
            problem(addr, "value.error", MSG.errorValue(field.label, v.error));
          } else {
            lines.push(cellText(v!));
            addrs.push(addr);
          }
        }
        lineCells[field.id] = addrs;
        values[field.id] = lines;
        continue;
      }

      const v = cells[loc.first];
      const formula = sheet.formulas?.[loc.first];
      if (isBlank(v) && formula) {
        unreadable.add(field.id);
        problem(loc.first, "formula.notComputed", MSG_UNITS.formulaNotComputed(field.label));
        continue;
      }
      if (isBlank(v)) continue;
      if (isErrorValue(v!)) {
        unreadable.add(field.id);
        problem(loc.first, "value.error", MSG.errorValue(field.label, v.error));
        continue;
      }
      if (field.kind === "text" || field.kind === "period") {
        values[field.id] = typeof v === "number" ? String(v) : cellText(v!);
        continue;
      }
      if (field.kind === "date") {
        // an Excel date (a serial) or text typed as d/m/yyyy; checked by the rules
        values[field.id] = typeof v === "number" ? v : cellText(v!);
        continue;
      }
      // numeric kinds
      if (typeof v === "number") {
        values[field.id] = v;
        continue;
      }
      unreadable.add(field.id);
      if (field.kind === "count") problem(loc.first, "count.text", MSG.countText(field.label, v));
      else if (field.kind === "month") problem(loc.first, "month.range", MSG.monthRange(v));
      else if (field.kind === "day") problem(loc.first, "day.range", MSG.dayRange(v));
      else if (field.kind === "year") problem(loc.first, "year.range", MSG.yearRange(v));
      else problem(loc.first, "value.notNumber", MSG.notNumber(field.label, v));
    }
    if (foundOnSheet === 0 && sheetLayout.inputs.length > 0) missingSheets.push(sheetLayout.name);
  }
  for (const name of missingSheets) {
    problems.push({ sheet: name, cell: "A1", severity: "error", code: "sheet.missing", message: MSG.missingSheet(name) });
  }
  return { data: { values }, locations, lineCells, unreadable, unreadableCells, problems, missingSheets, located, growth };
}

/**
 * Where a table's rows end. Its total row is the first row below the named body whose label
 * (in the label column) is the definition's total label, compared as row labels are
 * ("TỔNG CỘNG", "Tổng cộng:"), or, when the office retyped that label, whose first figure cell
 * holds the SUM of its column from the table's first row ("=SUM(C6:C15)"; a roll-up's
 * "=SUM(DonViDau:DonViCuoi!C16)" is a row's, not a total). Rows above it belong to the table,
 * also those inserted just above it (Excel and LibreOffice do not grow a name over a row
 * inserted just under its last row).
 * Without a total row, the rows typed just under the body (up to the first blank row) are the
 * table's. A row inserted inside the body grows the name by itself.
 */
export function tableEnd(
  sheet: SheetSnapshot,
  body: { start: CellPos; end: CellPos },
  labelCol: number,
  totalLabel: string,
): { lastRow: number; totalRow: number | null } {
  const bottom = Object.keys(sheet.cells).reduce((max, a) => Math.max(max, parseCell(a).row), body.end.row);
  const totalKey = rowLabelKey(totalLabel);
  for (let row = body.end.row + 1; row <= bottom; row++) {
    const label = sheet.cells[cellAddress({ row, col: labelCol })];
    const isTotal =
      (typeof label === "string" && rowLabelKey(label) === totalKey) ||
      columnSum(sheet.formulas?.[cellAddress({ row, col: body.start.col })], body.start.col, body.start.row) !== null;
    if (isTotal) return { lastRow: row - 1, totalRow: row };
  }
  let lastRow = body.end.row;
  const typed = (row: number) =>
    [labelCol, ...Array.from({ length: body.end.col - body.start.col + 1 }, (_, k) => body.start.col + k)].some(
      (col) => !isBlank(sheet.cells[cellAddress({ row, col })]),
    );
  while (lastRow < bottom && typed(lastRow + 1)) lastRow++;
  return { lastRow, totalRow: null };
}

/**
 * A table's rows and figures: the body is the range its defined name points at, down to the
 * row above its total row (`tableEnd`), the row labels the range of "<ID>_DONG" (or the column
 * left of the body). Text or an error in a figure's cell is a problem on that cell, and the
 * cell counts as unreadable. A total row's SUM that misses rows of the body is a warning on it.
 *
 * A computed column's cell ("sumOf") is read as Excel computed it. Without its formula it is
 * a warning when a number was typed over it (the number is still read, for the rules to
 * judge), an error when it was cleared in a row that has figures. An error value there
 * caused by a part that is text or an error is not reported again (the part's problem says it).
 */
function readTable(
  field: FieldDef,
  loc: FieldLocation,
  snapshot: WorkbookSnapshot,
  problems: Problem[],
  unreadableCells: Set<string>,
  growth: Growth,
): TableValue {
  const sheet = findSheet(snapshot, loc.sheet)!;
  const body = parseRange(loc.ref);
  const { start } = body;
  const named = snapshot.names[tableRowsName(field.id)];
  const labelsRef = named ? parseSheetRef(named) : null;
  const labelsHere = labelsRef && labelsRef.sheet.toLowerCase() === loc.sheet.toLowerCase() ? parseRange(labelsRef.ref) : null;
  const labelCol = labelsHere ? labelsHere.start.col : start.col - 1;
  const { lastRow, totalRow } = tableEnd(sheet, body, labelCol, field.table!.totalLabel);
  const end = { row: lastRow, col: body.end.col };
  if (lastRow > body.end.row) {
    loc.ref = `${cellAddress(start)}:${cellAddress(end)}`;
    growth.names.push({ name: field.id, sheet: loc.sheet, ref: loc.ref });
    if (labelsHere && labelsHere.end.row < lastRow) {
      growth.names.push({
        name: tableRowsName(field.id),
        sheet: loc.sheet,
        ref: `${cellAddress(labelsHere.start)}:${cellAddress({ row: lastRow, col: labelsHere.end.col })}`,
      });
    }
  }
  if (totalRow !== null) {
    totalShort(field, loc.sheet, sheet, start, end, totalRow, problems, growth);
    belowTotal(field, loc.sheet, sheet, labelCol, { start, end }, totalRow, problems);
  }
  const columns = field.table!.columns;
  const computed = computedColumns(field.table!);
  const table: TableValue = { rows: [], cells: [] };
  for (let row = start.row; row <= end.row; row++) {
    const r = row - start.row;
    const label = sheet.cells[cellAddress({ row, col: labelCol })];
    const name = label === undefined || label === null || isErrorValue(label) ? "" : cellText(label);
    const shown = name || MSG_TABLE.rowNumber(r + 1);
    const width = Math.min(end.col - start.col + 1, columns.length);
    const addr = (c: number) => cellAddress({ row, col: start.col + c });
    const cells: (number | null)[] = [];
    const unreadable = new Set<number>();
    const problem = (c: number, severity: Problem["severity"], code: string, message: string) =>
      problems.push({ sheet: loc.sheet, cell: addr(c), severity, code, fieldId: field.id, message });
    // input columns first: a computed cell's error may come from one of its parts
    const order = [...Array(width).keys()].sort((a, b) => Number(computed.has(a)) - Number(computed.has(b)));
    for (const c of order) {
      const v = sheet.cells[addr(c)];
      const parts = computed.get(c);
      if (parts && !isBlank(v) && !isErrorValue(v!) && !sheet.formulas?.[addr(c)]) {
        problem(c, "warning", "table.formulaOverwritten", MSG_TABLE.overwritten(shown, columnTitle(columns, c), v, rowSumFormula(parts, addr)));
      }
      if (isBlank(v)) {
        cells[c] = null;
        if (parts && !sheet.formulas?.[addr(c)] && order.some((k) => !computed.has(k) && (cells[k] !== null || unreadable.has(k)))) {
          unreadable.add(c);
          problem(c, "error", "table.formulaDeleted", MSG_TABLE.formulaDeleted(shown, columnTitle(columns, c), rowSumFormula(parts, addr)));
        }
      } else if (typeof v === "number") cells[c] = v;
      else {
        cells[c] = null;
        unreadable.add(c);
        if (parts && isErrorValue(v!) && parts.some((k) => unreadable.has(k))) continue;
        const message = isErrorValue(v!) ? MSG.errorValue(`${shown} – ${columnTitle(columns, c)}`, v.error) : MSG_TABLE.text(shown, columnTitle(columns, c), v);
        problem(c, "error", isErrorValue(v!) ? "value.error" : "table.text", message);
      }
    }
    for (const c of unreadable) unreadableCells.add(`${field.id}:${r}:${c}`);
    table.rows.push(name);
    table.cells.push(cells);
  }
  return table;
}

/**
 * The total row's cells whose formula is the layout's SUM of the column from the table's
 * first row, but stops above its last row (rows added just above the total row): each gets
 * the formula that adds every row, and the row one warning on its first such cell. A total
 * the office replaced by another formula or a number is theirs and left alone.
 */
function totalShort(
  field: FieldDef,
  sheetName: string,
  sheet: SheetSnapshot,
  start: CellPos,
  end: CellPos,
  totalRow: number,
  problems: Problem[],
  growth: Growth,
): void {
  let warned = false;
  for (let col = start.col; col <= end.col; col++) {
    const cell = cellAddress({ row: totalRow, col });
    const sum = columnSum(sheet.formulas?.[cell], col, start.row);
    if (sum === null || sum >= end.row) continue;
    const formula = `=SUM(${cellAddress({ row: start.row, col })}:${cellAddress({ row: end.row, col })})`;
    growth.formulas.push({ sheet: sheetName, cell, formula });
    if (!warned) {
      warned = true;
      problems.push({
        sheet: sheetName,
        cell,
        severity: "warning",
        code: TOTAL_SHORT_CODE,
        fieldId: field.id,
        message: MSG_TABLE.totalShort(field.table!.totalLabel, sum + 1, end.row, formula),
      });
    }
  }
}

/**
 * Rows typed just under the total row (up to a blank row) are not the table's: figures there
 * would be left out of the report, so each such row is an error on its first figure, or, when
 * only its label cell holds text (a note), a warning on it.
 */
function belowTotal(
  field: FieldDef,
  sheetName: string,
  sheet: SheetSnapshot,
  labelCol: number,
  body: { start: CellPos; end: CellPos },
  totalRow: number,
  problems: Problem[],
): void {
  for (let row = totalRow + 1; ; row++) {
    const label = sheet.cells[cellAddress({ row, col: labelCol })];
    let figure: string | undefined;
    for (let col = body.start.col; col <= body.end.col && !figure; col++)
      if (!isBlank(sheet.cells[cellAddress({ row, col })])) figure = cellAddress({ row, col });
    if (!figure && isBlank(label)) return;
    const text = label === undefined || label === null || isErrorValue(label) ? "" : cellText(label);
    problems.push({
      sheet: sheetName,
      cell: figure ?? cellAddress({ row, col: labelCol }),
      severity: figure ? "error" : "warning",
      code: "table.belowTotal",
      fieldId: field.id,
      message: MSG_TABLE.belowTotal(field.table!.totalLabel, row, text),
    });
  }
}

/** The last row a formula "=SUM(C6:C15)" adds, when it is the SUM of column `col` from row `from` on this sheet; null otherwise. */
function columnSum(formula: string | undefined, col: number, from: number): number | null {
  const m = /^=?\s*SUM\(\s*\$?([A-Z]+)\$?(\d+)\s*:\s*\$?([A-Z]+)\$?(\d+)\s*\)$/i.exec(formula ?? "");
  const letter = columnLetter(col);
  if (!m || m[1].toUpperCase() !== letter || m[3].toUpperCase() !== letter || Number(m[2]) !== from) return null;
  return Number(m[4]);
}

/** A computed cell's formula in its row: "=D7+E7+F7". */
function rowSumFormula(parts: number[], addr: (c: number) => string): string {
  return `=${parts.map(addr).join("+")}`;
}
