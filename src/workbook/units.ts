/**
 * Units of a roll-up, the pure part: the unit sheet's layout (the same cells as the
 * report's section I), recognising unit sheets by their marker, the summary formulas,
 * their evaluation without Excel, and the checks across units.
 */
import { checkReport } from "../report/check";
import { computedColumns } from "../report/definition";
import { MSG_UNITS } from "../report/messages";
import { BOOKEND_END, BOOKEND_START, parseRollupFormula, rollupFormula } from "../report/rollup";
import { cellAddress, columnLetter, columnNumber, parseCell, parseRange } from "../report/refs";
import type { Problem, ReportDefinition, SheetDef } from "../report/types";
import { inputOf, layoutSheet, type LayoutCell, type SheetLayout, type WorkbookLayout } from "./layout";
import { findLayoutShift, findMarker, movedCell, shiftProblem } from "./layout-shift";
import { readWorkbook } from "./read";
import { tableOnSheet, withTableRows, type TableOnSheet } from "./rollup-rows";
import { findSheet, isErrorValue, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";

/** The fields added up across units: counts and tables marked "rollup". */
export function rollupFields(def: ReportDefinition) {
  return def.fields.filter((f) => (f.kind === "count" || f.kind === "table") && f.rollup);
}

/**
 * How a kind's unit sheets are recognised: the kind's marker text, written in the first
 * column right of the unit sheet's layout (F1 for the monthly report), with the unit's full
 * name under it; the bookend sheets carry the kind's bookend marker in the same cell.
 */
export interface UnitSpec {
  marker: string;
  bookendMarker: string;
  markerCell: string;
  nameCell: string;
  /** the block of a sheet that holds a unit's marker and figures (what the add-in reads of non-standard sheets) */
  block: string;
}

const specs = new WeakMap<ReportDefinition, UnitSpec>();

export function unitSpec(def: ReportDefinition): UnitSpec {
  let spec = specs.get(def);
  if (!spec) {
    const base = layoutSheet(def, unitSheetDef(def, "x", "x"));
    const column = columnLetter(columnNumber(base.statusColumn) + 1);
    spec = {
      marker: def.units.marker,
      bookendMarker: def.units.bookendMarker,
      markerCell: `${column}1`,
      nameCell: `${column}2`,
      block: `A1:${column}${Math.max(40, base.lastRow + 30)}`,
    };
    specs.set(def, spec);
  }
  return spec;
}

/** The report's sheet that holds the roll-up fields (section I). */
function summarySheetDef(def: ReportDefinition): SheetDef {
  const ids = new Set(rollupFields(def).map((f) => f.id));
  const sheet = def.sheets.find((s) => s.items.some((i) => "field" in i && ids.has(i.field)));
  if (!sheet) throw new Error("No sheet holds the roll-up fields");
  return sheet;
}

/**
 * A unit sheet's layout: section I's sheet cut after its last roll-up field, so every
 * figure sits in the same cell as in the report's own section I, plus the marker.
 */
function unitSheetDef(def: ReportDefinition, sheetName: string, unitName: string, markerCell = "?"): SheetDef {
  const base = summarySheetDef(def);
  const ids = new Set(rollupFields(def).map((f) => f.id));
  const lastIndex = base.items.reduce((last, item, i) => ("field" in item && ids.has(item.field) ? i : last), -1);
  return {
    ...base,
    id: "unit",
    name: sheetName,
    title: `SỐ LIỆU CỦA ĐƠN VỊ: ${unitName.toLocaleUpperCase("vi")}`,
    hint: `Trang số liệu của một đơn vị để tổng hợp. Nhập số nguyên từ 0 trở lên vào các ô nền vàng; không có thì nhập 0. Không xóa ô ${markerCell} (dấu nhận biết trang đơn vị).`,
    items: base.items.slice(0, lastIndex + 1).filter((i) => !("field" in i) || ids.has(i.field)),
  };
}

/**
 * A unit sheet's layout. Its tables' label column holds the definition's rows (the lĩnh vực a
 * unit fills in; it may rename them, add or remove rows inside the table).
 */
export function unitSheetLayout(def: ReportDefinition, sheetName: string, unitName: string): SheetLayout {
  const spec = unitSpec(def);
  const layout = layoutSheet(def, unitSheetDef(def, sheetName, unitName, spec.markerCell));
  const labels = new Map<string, string>();
  for (const input of layout.inputs) {
    const rows = input.kind === "table" && input.labels ? def.fields.find((f) => f.id === input.fieldId)?.table?.rows : undefined;
    if (!rows) continue;
    const { start } = parseRange(input.labels!);
    rows.forEach((label, r) => label.trim() && labels.set(cellAddress({ row: start.row + r, col: start.col }), label));
  }
  const cells = layout.cells.map((c) => (c.value === null && labels.has(c.address) ? { ...c, value: labels.get(c.address)! } : c));
  const extra: LayoutCell[] = [
    { address: spec.markerCell, value: spec.marker, style: "hint" },
    { address: spec.nameCell, value: unitName, style: "label" },
  ];
  return { ...layout, cells: [...cells, ...extra], columns: [...layout.columns, { letter: spec.markerCell.replace(/[0-9]+$/, ""), width: 28 }] };
}

/**
 * Each roll-up table of a unit sheet as the sheet holds it (rows inserted or removed inside
 * it, labels as the unit wrote them); null when one is not where the layout puts it.
 */
export function unitTablesOn(def: ReportDefinition, sheet: SheetSnapshot): Record<string, TableOnSheet> | null {
  const layout = unitSheetLayout(def, sheet.name, "x");
  const out: Record<string, TableOnSheet> = {};
  for (const input of layout.inputs) {
    if (input.kind !== "table") continue;
    const at = tableOnSheet(layout, input, def.fields.find((f) => f.id === input.fieldId)!.table!.totalLabel, sheet);
    if (!at) return null;
    out[input.fieldId] = at;
  }
  return out;
}

/**
 * A unit sheet's layout as the sheet is: its tables with the rows found on it, so a row
 * inserted inside a table is part of it, not a move. The standard layout when a table is
 * not where it should be (rows inserted above it): layout-shift.ts then tells what moved.
 */
export function unitLayoutOf(
  def: ReportDefinition,
  sheet: SheetSnapshot,
  unitName: string,
): { def: ReportDefinition; layout: SheetLayout; tables: Record<string, TableOnSheet> | null } {
  const tables = unitTablesOn(def, sheet);
  const fitted = tables ? withTableRows(def, Object.fromEntries(Object.entries(tables).map(([id, t]) => [id, t.rows]))) : def;
  return { def: fitted, layout: unitSheetLayout(fitted, sheet.name, unitName), tables };
}

/** A bookend sheet: nothing but an explanation. */
export function bookendSheetLayout(which: "start" | "end", def: ReportDefinition): SheetLayout {
  const name = which === "start" ? BOOKEND_START : BOOKEND_END;
  const text =
    which === "start"
      ? `Mốc đầu danh sách đơn vị. Các trang đơn vị nằm giữa "${BOOKEND_START}" và "${BOOKEND_END}" được cộng vào tổng hợp. Không nhập số liệu vào trang này.`
      : `Mốc cuối danh sách đơn vị. Đặt các trang đơn vị trước trang này và sau "${BOOKEND_START}". Không nhập số liệu vào trang này.`;
  return {
    id: `bookend-${which}`,
    name,
    arrangement: "indicators",
    columns: [{ letter: "A", width: 100 }],
    cells: [
      { address: "A1", value: text, style: "hint" },
      { address: unitSpec(def).markerCell, value: unitSpec(def).bookendMarker, style: "hint" },
    ],
    merges: [],
    inputs: [],
    validations: [],
    statusColumn: "B",
    frozenRows: 0,
    lastRow: 1,
  };
}

export interface UnitSheet {
  /** sheet name in the workbook */
  sheet: string;
  /** the unit's full name (F2), or the sheet name */
  unitName: string;
  /** index in the workbook's sheet order */
  position: number;
}

const textOf = (v: CellValue | undefined) => (typeof v === "string" ? v.trim() : "");

/** The unit sheets of a kind in a snapshot, recognised by their marker (not by name, even moved by inserted rows), in workbook order. */
export function findUnitSheets(snapshot: WorkbookSnapshot, def: ReportDefinition): UnitSheet[] {
  const spec = unitSpec(def);
  return snapshot.sheets.flatMap((s, position) => {
    const at = findMarker(s, spec.marker, spec.markerCell);
    return at ? [{ sheet: s.name, unitName: textOf(s.cells[movedCell(spec.nameCell, spec.markerCell, at)]) || s.name, position }] : [];
  });
}

/**
 * A summary formula for each roll-up field: the summary cell (where the report keeps the field)
 * and its formula; for a table, one per cell of its body except the cells of computed columns
 * ("sumOf"), which keep the layout's row formula (the sum of the summary's own parts).
 */
export function summaryFormulas(
  def: ReportDefinition,
  layout: WorkbookLayout,
  locate: (fieldId: string) => { sheet: string; cell: string } = (id) => {
    const { sheet, input } = inputOf(layout, id);
    return { sheet: sheet.name, cell: input.first };
  },
): SummaryFormula[] {
  const unit = unitSheetLayout(def, "x", "x");
  return rollupFields(def).flatMap((f): SummaryFormula[] => {
    const unitInput = unit.inputs.find((i) => i.fieldId === f.id)!;
    if (f.kind !== "table") {
      const at = locate(f.id);
      return at.cell ? [{ fieldId: f.id, ...at, formula: rollupFormula(unitInput.first) }] : [];
    }
    // a table: every cell of its body, the same cell of every unit
    const at = locate(f.id);
    if (!at.cell) return []; // not found in the workbook: nothing to write
    const summaryStart = parseCell(at.cell);
    const unitStart = parseCell(unitInput.first);
    const { start, end } = parseRange(inputOf(layout, f.id).input.ref);
    // a computed column keeps its row formula in the summary too: the sum of the summary's parts
    const computed = computedColumns(f.table!);
    const out: SummaryFormula[] = [];
    for (let r = 0; r <= end.row - start.row; r++) {
      for (let c = 0; c <= end.col - start.col; c++) {
        if (computed.has(c)) continue;
        const unitCell = cellAddress({ row: unitStart.row + r, col: unitStart.col + c });
        out.push({
          fieldId: f.id,
          sheet: at.sheet,
          cell: cellAddress({ row: summaryStart.row + r, col: summaryStart.col + c }),
          formula: rollupFormula(unitCell),
          row: r,
          column: c,
        });
      }
    }
    return out;
  });
}

/** The roll-up formula of one summary cell; a table's cells also say their row and column (0-based). */
export interface SummaryFormula {
  fieldId: string;
  sheet: string;
  cell: string;
  formula: string;
  row?: number;
  column?: number;
}

/** The sum SUM(first:last!cell) gives, on a snapshot; an error value propagates as Excel does. */
export function evaluateSpan(snapshot: WorkbookSnapshot, from: string, to: string, cell: string): CellValue {
  const i = snapshot.sheets.findIndex((s) => s.name.toLowerCase() === from.toLowerCase());
  const j = snapshot.sheets.findIndex((s) => s.name.toLowerCase() === to.toLowerCase());
  if (i < 0 || j < 0) return { error: "#REF!" };
  let sum = 0;
  for (const s of snapshot.sheets.slice(Math.min(i, j), Math.max(i, j) + 1)) {
    const v = s.cells[cell];
    if (v !== undefined && isErrorValue(v)) return v;
    if (typeof v === "number") sum += v;
  }
  return sum;
}

/**
 * Fills in the results of roll-up formulas that have no cached value (a file written by
 * ExcelJS and never opened in Excel). Other cells are left as they are.
 */
export function evaluateRollups(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  let changed = false;
  const sheets = snapshot.sheets.map((s) => {
    const formulas = s.formulas ?? {};
    const cells = { ...s.cells };
    for (const [address, formula] of Object.entries(formulas)) {
      const span = parseRollupFormula(formula);
      if (!span || (cells[address] !== undefined && cells[address] !== null)) continue;
      cells[address] = evaluateSpan(snapshot, span.from, span.to, span.cell);
      changed = true;
    }
    return { ...s, cells };
  });
  return changed ? { ...snapshot, sheets } : snapshot;
}

const SUM_OF_CELLS = /^=?\s*\$?[A-Za-z]{1,3}\$?[0-9]{1,7}(\s*\+\s*\$?[A-Za-z]{1,3}\$?[0-9]{1,7})*\s*$/;
/** A total row's SUM of a range of its own sheet ("=SUM(C6:C15)", "=SUM($C$6:$C$15)"). */
const SUM_OF_RANGE = /^=?\s*SUM\(\s*(\$?[A-Za-z]{1,3}\$?[0-9]{1,7})\s*:\s*(\$?[A-Za-z]{1,3}\$?[0-9]{1,7})\s*\)\s*$/i;
/** The cells a sum the reader computes adds: those of "=D6+E6+F6", or of "=SUM(C6:C15)"; null for any other formula. */
function addedCells(formula: string): string[] | null {
  const range = SUM_OF_RANGE.exec(formula);
  if (range) {
    const [a, b] = [parseCell(range[1].replace(/\$/g, "").toUpperCase()), parseCell(range[2].replace(/\$/g, "").toUpperCase())];
    const cells: string[] = [];
    for (let row = Math.min(a.row, b.row); row <= Math.max(a.row, b.row); row++)
      for (let col = Math.min(a.col, b.col); col <= Math.max(a.col, b.col); col++) cells.push(cellAddress({ row, col }));
    return cells;
  }
  return SUM_OF_CELLS.test(formula)
    ? formula
        .replace(/^=/, "")
        .split("+")
        .map((ref) => ref.replace(/[\s$]/g, "").toUpperCase())
    : null;
}

/** A value in Excel's "+": blank is 0, TRUE 1, numeric text its number, other text #VALUE!, an error itself. */
function addend(v: CellValue | undefined): number | { error: string } {
  if (v === undefined || v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (isErrorValue(v)) return v;
  const t = v.trim();
  return t !== "" && /^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i.test(t) ? Number(t) : { error: "#VALUE!" };
}

/**
 * Fills in the results of sums of cells of their own sheet ("=D6+E6+F6", a computed
 * column's formula; "=SUM(C6:C15)", a table's total row) that have no cached value, as Excel
 * computes them (text and blanks in a SUM's range count 0, as Excel's); a part that is
 * itself such a sum is computed first. Other cells are left as they are.
 */
export function evaluateCellSums(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  let changed = false;
  const sheets = snapshot.sheets.map((s) => {
    const formulas = s.formulas ?? {};
    const pending = Object.entries(formulas).filter(([a, f]) => (s.cells[a] === undefined || s.cells[a] === null) && addedCells(f) !== null);
    if (!pending.length) return s;
    const cells = { ...s.cells };
    const busy = new Set<string>();
    const valueOf = (address: string): CellValue => {
      const f = formulas[address];
      if (cells[address] !== undefined && cells[address] !== null) return cells[address];
      const parts = f ? addedCells(f) : null;
      if (!parts) return cells[address] ?? null;
      if (busy.has(address)) return 0; // a circular reference: Excel warns and shows 0
      busy.add(address);
      let sum = 0;
      let error: { error: string } | null = null;
      const inRange = SUM_OF_RANGE.test(f!);
      for (const ref of parts) {
        const raw = valueOf(ref);
        // SUM over a range skips text and logical values; "+" converts them (or fails, #VALUE!)
        const v = inRange && !isErrorValue(raw) && typeof raw !== "number" ? 0 : addend(raw);
        if (typeof v === "number") sum += v;
        else error ??= v;
      }
      busy.delete(address);
      cells[address] = error ?? sum;
      return cells[address];
    };
    for (const [address] of pending) valueOf(address);
    changed = true;
    return { ...s, cells };
  });
  return changed ? { ...snapshot, sheets } : snapshot;
}

/** The formulas the reader can compute without Excel: the roll-up's, then the sums of cells (which may add roll-up cells). */
export function evaluateFormulas(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return evaluateCellSums(evaluateRollups(snapshot));
}

/** Checks every unit sheet with the rules of its fields (each unit on its own cells), without looking at the bookends. */
export function checkUnitSheets(def: ReportDefinition, snapshot: WorkbookSnapshot, options: { today?: Date } = {}): Problem[] {
  const problems: Problem[] = [];
  for (const u of findUnitSheets(snapshot, def)) {
    const sheet = findSheet(snapshot, u.sheet)!;
    const { def: fitted, layout: sheetLayout } = unitLayoutOf(def, sheet, u.unitName);
    const shift = findLayoutShift(sheetLayout, sheet, { tolerate: [unitSpec(def).nameCell] });
    if (shift) {
      problems.push(shiftProblem(u.sheet, shift)); // one error instead of a problem per figure read at the wrong place
      continue;
    }
    // the unit's own rows (a lĩnh vực inserted inside its table is read with the others)
    const unitDef: ReportDefinition = { ...fitted, fields: rollupFields(fitted), sheets: [] };
    const read = readWorkbook(unitDef, { sheets: [sheetLayout], names: [] }, { sheets: [sheet], names: {} });
    problems.push(...read.problems);
    problems.push(
      ...checkReport(unitDef, {
        data: read.data,
        locations: read.locations,
        unreadable: read.unreadable,
        unreadableCells: read.unreadableCells,
        today: options.today,
      }),
    );
  }
  return problems;
}

/** Checks every unit sheet with the rules of its fields, and the order of sheets around the bookends. */
export function checkUnits(def: ReportDefinition, snapshot: WorkbookSnapshot, options: { today?: Date } = {}): Problem[] {
  const units = findUnitSheets(snapshot, def);
  const problems: Problem[] = checkUnitSheets(def, snapshot, options);

  const start = snapshot.sheets.findIndex((s) => s.name === BOOKEND_START);
  const end = snapshot.sheets.findIndex((s) => s.name === BOOKEND_END);
  if (units.length === 0 && start < 0 && end < 0) return problems;
  if (start < 0 || end < 0 || end < start) {
    problems.push({
      sheet: units[0]?.sheet ?? snapshot.sheets[0].name,
      cell: "A1",
      severity: "error",
      code: "units.bookends",
      message: MSG_UNITS.bookendsMissing(),
    });
    return problems;
  }
  const unitNames = new Set(units.map((u) => u.sheet));
  for (const u of units) {
    if (u.position < start || u.position > end) {
      problems.push({ sheet: u.sheet, cell: "A1", severity: "error", code: "units.outside", message: MSG_UNITS.unitOutside(u.sheet) });
    }
  }
  const cells = unitSheetLayout(def, "x", "x").inputs.map((i) => i.first);
  snapshot.sheets.slice(start, end + 1).forEach((s) => {
    if (unitNames.has(s.name)) return;
    const isBookend = s.name === BOOKEND_START || s.name === BOOKEND_END;
    const filled = cells.filter((c) => s.cells[c] !== undefined && s.cells[c] !== null && s.cells[c] !== "");
    if (!isBookend) {
      problems.push({ sheet: s.name, cell: "A1", severity: "error", code: "units.intruder", message: MSG_UNITS.intruder(s.name) });
    } else if (filled.length) {
      problems.push({ sheet: s.name, cell: filled[0], severity: "error", code: "units.bookendValue", message: MSG_UNITS.bookendValue(s.name) });
    }
  });
  return problems;
}

/** Summary cells that hold a typed value instead of the roll-up formula (only meaningful with units). */
export function typedSummaryCells(
  def: ReportDefinition,
  layout: WorkbookLayout,
  snapshot: WorkbookSnapshot,
  locate?: (fieldId: string) => { sheet: string; cell: string },
): { fieldId: string; sheet: string; cell: string; value: CellValue }[] {
  return summaryFormulas(def, layout, locate).flatMap((f) => {
    const sheet = findSheet(snapshot, f.sheet);
    const formula = sheet?.formulas?.[f.cell];
    const value = sheet?.cells[f.cell];
    if (formula && parseRollupFormula(formula)) return [];
    if (value === undefined || value === null || value === "") return [];
    return [{ fieldId: f.fieldId, sheet: f.sheet, cell: f.cell, value }];
  });
}
