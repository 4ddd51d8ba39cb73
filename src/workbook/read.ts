/**
 * Workbook snapshot → report data. Finds each field through its workbook-level defined
 * name (so a user may insert rows inside a list or rename a sheet), falling back to the
 * standard layout's address, and converts cell values to the field's type. Values that
 * cannot be read as their type become problems placed on their cell.
 */
import { columnTitle } from "../report/check";
import { computedColumns, tableRowsName } from "../report/definition";
import { MSG, MSG_TABLE, MSG_UNITS } from "../report/messages";
import { cellAddress, parseRange, parseSheetRef } from "../report/refs";
import type { FieldDef, FieldValue, Problem, ReportData, ReportDefinition, TableValue } from "../report/types";
import type { WorkbookLayout } from "./layout";
import { findSheet, isErrorValue, type CellValue, type WorkbookSnapshot } from "./snapshot";
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
  let located = 0;

  for (const sheetLayout of layout.sheets) {
    let foundOnSheet = 0;
    for (const input of sheetLayout.inputs) {
      const field = fields.get(input.fieldId)!;
      values[field.id] = field.kind === "lines" ? [] : field.kind === "text" ? "" : field.kind === "table" ? { rows: [], cells: [] } : null;
      const loc = locate(field, sheetLayout.name, input.ref, snapshot, problems);
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
        values[field.id] = readTable(field, loc, snapshot, problems, unreadableCells);
        continue;
      }

      if (field.kind === "lines") {
        const lines: string[] = [];
        const addrs: string[] = [];
        // a list is one column: read the first column of the named range, row by row
        const { start, end } = parseRange(loc.ref);
        for (let row = start.row; row <= end.row; row++) {
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
  return { data: { values }, locations, lineCells, unreadable, unreadableCells, problems, missingSheets, located };
}

/**
 * A table's rows and figures: the body is the range its defined name points at, the row
 * labels the range of "<ID>_DONG" (or the column left of the body). Text or an error in a
 * figure's cell is a problem on that cell, and the cell counts as unreadable.
 *
 * A computed column's cell ("sumOf") is read as Excel computed it. Without its formula it is
 * a warning when a number was typed over it (the number is still read, for the rules to
 * judge), an error when it was cleared in a row that has figures. An error value there
 * caused by a part that is text or an error is not reported again (the part's problem says it).
 */
function readTable(field: FieldDef, loc: FieldLocation, snapshot: WorkbookSnapshot, problems: Problem[], unreadableCells: Set<string>): TableValue {
  const sheet = findSheet(snapshot, loc.sheet)!;
  const { start, end } = parseRange(loc.ref);
  const named = snapshot.names[tableRowsName(field.id)];
  const labelsRef = named ? parseSheetRef(named) : null;
  const labelCol = labelsRef && labelsRef.sheet.toLowerCase() === loc.sheet.toLowerCase() ? parseRange(labelsRef.ref).start.col : start.col - 1;
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

/** A computed cell's formula in its row: "=D7+E7+F7". */
function rowSumFormula(parts: number[], addr: (c: number) => string): string {
  return `=${parts.map(addr).join("+")}`;
}
