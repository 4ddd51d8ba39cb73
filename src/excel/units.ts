/**
 * Units in Excel: add unit sheets, and "Tổng hợp" — put the units between the bookends,
 * give every table the same lĩnh vực in the same order (rows inserted inside the summary's and
 * the units' tables, each unit's figures moved into the row of their lĩnh vực, 0 where a unit
 * has none: src/workbook/rollup-rows.ts) and write the summary formulas. A fixed number of
 * round trips whatever the number of units and rows: "Thêm đơn vị" two, "Tổng hợp" three
 * (the alignment and the cross-check of what Excel computed ride on the third).
 */
import { computedColumns, tableRowsName } from "../report/definition";
import { BOOKEND_END, BOOKEND_START, parseRollupFormula, unitSheetName } from "../report/rollup";
import type { Problem, ReportDefinition } from "../report/types";
import { cellAddress, parseCell, parseRange, parseSheetRef } from "../report/refs";
import { buildLayout, inputOf, STYLES, type WorkbookLayout } from "../workbook/layout";
import {
  alignmentPlan,
  bodyOnSheet,
  labelText,
  tableCells,
  withTableRows,
  type AddedRow,
  type SheetAlignment,
  type TableToAlign,
} from "../workbook/rollup-rows";
import { plannedSheetOrder, positionChanges } from "../workbook/sheet-order";
import { crossCheckRollup } from "../workbook/rollup-cross-check";
import { expectedListLayout } from "../workbook/expected-list";
import { UNIT_RESULTS_FIRST_ROW, unitResultsLayout } from "../workbook/unit-results";
import type { CellStyle, LayoutCell } from "../workbook/layout";
import { isErrorValue, type SheetSnapshot, type WorkbookSnapshot } from "../workbook/snapshot";
import { bookendSheetLayout, rollupFields, unitSpec, summaryFormulas, unitSheetLayout, unitTablesOn } from "../workbook/units";
import { applyStyle, queueSheet, sheetFeatures, type SheetFeatures } from "./apply-layout";
import { UserFacingError } from "./errors";
import { sheetFromRange } from "./read-snapshot";
import type { ExcelHost } from "./host";
import { actualSheetName, queueState, stateOf, type WorkbookState } from "./workbook-state";

/** A figure as written into a unit sheet's cell (an import brings them). */
export type UnitFigure = number | string | boolean | null;

export interface NewUnit {
  /** the unit's full name, e.g. "Phường Bần Yên Nhân" */
  name: string;
  /** figures to fill in, by field id (an import brings them) */
  values?: Record<string, UnitFigure>;
}

/** A unit sheet to create under a name already chosen (unique, by Excel's rules). */
export interface PlannedUnitSheet {
  unitName: string;
  sheet: string;
  values?: Record<string, UnitFigure>;
  /** a table field's row labels and cells, by field id (an import brings them) */
  tables?: Record<string, { rows: string[]; cells: UnitFigure[][] }>;
}

/** No unit sheet to roll up: the pane says so plainly instead of reporting a failure. */
export class NoUnitsError extends UserFacingError {
  constructor() {
    super('Chưa có trang đơn vị nào để tổng hợp. Bấm "Thêm đơn vị" hoặc "Nhập từ tệp" trước.');
    this.name = "NoUnitsError";
  }
}

export interface AddUnitsResult {
  added: { unitName: string; sheet: string; renamed: boolean }[];
  refused: { unitName: string; message: string }[];
}

/** Last standard sheet present, after which the bookends go. */
function anchorSheet(state: WorkbookState, layout: WorkbookLayout): string | undefined {
  const present = layout.sheets.map((s) => actualSheetName(state, layout, s.name)).filter((s): s is string => !!s);
  return present.length ? present.reduce((a, b) => (state.sheets.indexOf(b) > state.sheets.indexOf(a) ? b : a)) : undefined;
}

/** Queues the creation of missing bookends; returns the sheet order after it. */
export function queueBookends(context: Excel.RequestContext, state: WorkbookState, def: ReportDefinition, layout: WorkbookLayout): string[] {
  const order = [...state.sheets];
  const has = (n: string) => order.some((s) => s.toLowerCase() === n.toLowerCase());
  if (has(BOOKEND_START) && has(BOOKEND_END)) return order;
  const anchor = anchorSheet(state, layout);
  let at = anchor ? order.indexOf(anchor) + 1 : order.length;
  for (const which of ["start", "end"] as const) {
    const l = bookendSheetLayout(which, def);
    if (has(l.name)) {
      at = order.indexOf(l.name) + 1;
      continue;
    }
    const ws = context.workbook.worksheets.add(l.name);
    ws.position = at;
    queueSheet(ws, l, { validation: false, freezePanes: false }); // a bookend has neither
    order.splice(at, 0, l.name);
    at++;
  }
  return order;
}

export async function addUnits(host: ExcelHost, def: ReportDefinition, layout: WorkbookLayout, units: NewUnit[]): Promise<AddUnitsResult> {
  const features = sheetFeatures(host);
  return host.run(async (context) => {
    const queued = queueState(context);
    await context.sync();
    const state = stateOf(queued);
    const result: AddUnitsResult = { added: [], refused: [] };
    const names = [...state.sheets];
    const planned: { unit: NewUnit; sheet: string; renamed: boolean }[] = [];
    for (const unit of units) {
      const r = unitSheetName(unit.name, names);
      if (!r.ok) {
        result.refused.push({ unitName: unit.name, message: r.message });
        continue;
      }
      names.push(r.name);
      planned.push({ unit, sheet: r.name, renamed: r.changed });
    }
    if (!planned.length) return result;

    if (host.isSetSupported("ExcelApi", "1.6")) context.workbook.application.suspendApiCalculationUntilNextSync();
    queueUnitSheets(
      context,
      state,
      def,
      layout,
      planned.map((p) => ({ unitName: p.unit.name.trim(), sheet: p.sheet, values: p.unit.values })),
      features,
    );
    result.added.push(...planned.map((p) => ({ unitName: p.unit.name.trim(), sheet: p.sheet, renamed: p.renamed })));
    await context.sync();
    return result;
  });
}

/** A figure as Excel should receive it: text that looks like a formula stays text. */
function cellInput(v: UnitFigure): UnitFigure {
  return typeof v === "string" && /^[=+\-@]/.test(v) && Number.isNaN(Number(v)) ? `'${v}` : v;
}

/**
 * Queues the creation of unit sheets, in the given order, just before the end bookend
 * (creating the bookends first when missing), each with the unit layout and its figures.
 * Nothing is synced: the caller's next sync creates them all at once.
 */
export function queueUnitSheets(
  context: Excel.RequestContext,
  state: WorkbookState,
  def: ReportDefinition,
  layout: WorkbookLayout,
  sheets: PlannedUnitSheet[],
  features: SheetFeatures,
): void {
  const order = queueBookends(context, state, def, layout);
  let endAt = order.findIndex((s) => s.toLowerCase() === BOOKEND_END.toLowerCase());
  for (const p of sheets) {
    const ws = context.workbook.worksheets.add(p.sheet);
    ws.position = endAt++;
    // a unit brought with its table (an import) is laid out with that table's rows, so none is cut
    const own = p.tables ? withTableRows(def, Object.fromEntries(Object.entries(p.tables).map(([id, t]) => [id, t.rows]))) : def;
    const l = unitSheetLayout(own, p.sheet, p.unitName);
    queueSheet(ws, l, features);
    for (const input of l.inputs) {
      const table = p.tables?.[input.fieldId];
      if (input.kind === "table" && table && input.labels) {
        // row by row, within the layout's rows: the label, then the figures (blank cells left blank)
        const labels = parseRange(input.labels).start;
        const first = parseRange(input.ref).start;
        const computed = computedColumns(def.fields.find((f) => f.id === input.fieldId)!.table!); // their formulas stay
        table.rows.slice(0, input.rows).forEach((label, r) => {
          if (label) ws.getRange(cellAddress({ row: labels.row + r, col: labels.col })).values = [[cellInput(label)]];
          (table.cells[r] ?? []).forEach((v, c) => {
            if (v !== undefined && v !== null && v !== "" && !computed.has(c))
              ws.getRange(cellAddress({ row: first.row + r, col: first.col + c })).values = [[cellInput(v)]];
          });
        });
        continue;
      }
      const v = p.values?.[input.fieldId];
      if (v !== undefined && v !== null && v !== "") ws.getRange(input.first).values = [[cellInput(v)]];
    }
  }
}

export interface RollupResult {
  units: string[];
  /** summary cells given the roll-up formula */
  written: { fieldId: string; sheet: string; cell: string; formula: string }[];
  /** summary cells holding a typed value that the user chose to keep */
  kept: { fieldId: string; sheet: string; cell: string }[];
  /** sheets moved to put the units between the bookends */
  moved: string[];
  /** lĩnh vực a unit has and the summary lacked: added as rows to the summary's table and to every unit sheet */
  addedRows: AddedRow[];
  /** sheets whose table was given the summary's rows (rows inserted, figures put into the row of their lĩnh vực) */
  aligned: string[];
  /**
   * the cross-check on what Excel computed right after the formulas were written: one error
   * on each summary cell that is not the sum of the units' figures read through their own
   * layout (a unit sheet whose rows moved), naming the units; empty when all is well
   */
  crossCheck: Problem[];
  /** the sheet of the units expected to send, made (empty) when the workbook had none; null when it had one */
  listAdded: string | null;
  /** the per-unit sheet ("Kết quả đơn vị") written anew with one row per unit, in sheet order; null when the kind has none */
  unitResults: string | null;
}

/**
 * Queues, after the summary formulas are written (so in the same round trip), the loads
 * the cross-check needs: the summary sheets' used ranges (values as Excel computed them,
 * and formulas) and the unit block of every sheet between the bookends. Returns the
 * snapshot to build once synced, its sheets in the order `order` (the planned one).
 */
function queueCrossCheckRead(context: Excel.RequestContext, def: ReportDefinition, order: string[], summarySheets: string[]): () => WorkbookSnapshot {
  const start = order.findIndex((s) => s.toLowerCase() === BOOKEND_START.toLowerCase());
  const end = order.findIndex((s) => s.toLowerCase() === BOOKEND_END.toLowerCase());
  const span = new Set(start >= 0 && end >= start ? order.slice(start, end + 1) : []);
  const summaries = new Set(summarySheets.map((s) => s.toLowerCase()));
  const reads = order
    .filter((name) => span.has(name) || summaries.has(name.toLowerCase()))
    .map((name) => {
      const ws = context.workbook.worksheets.getItem(name);
      const range = summaries.has(name.toLowerCase()) ? ws.getUsedRangeOrNullObject(true) : ws.getRange(unitSpec(def).block);
      range.load("address,values,valueTypes,formulas");
      return { name, range };
    });
  return () => ({ sheets: reads.map((r) => sheetFromRange(r.name, r.range)), names: {} });
}

export interface RollupHooks {
  /** asked before replacing summary cells that hold a typed value; true to replace */
  confirmOverwrite(cells: { fieldId: string; sheet: string; cell: string; value: unknown }[]): Promise<boolean>;
}

/** Why a unit sheet's table cannot be aligned by lĩnh vực (a lĩnh vực twice, figures without one), with the cell and the fix. */
export const ROLLUP_MESSAGES = {
  duplicate: (sheet: string, cell: string, label: string, first: number, row: number) =>
    `Trang "${sheet}", ô ${cell}: lĩnh vực "${label}" ghi hai lần trong bảng (dòng ${first} và dòng ${row} của bảng), nên không biết cộng dòng nào vào tổng hợp. ` +
    `Gộp số liệu của hai dòng vào một dòng, xóa dòng kia, rồi bấm "Tổng hợp" lại.`,
  unlabeled: (sheet: string, cell: string) =>
    `Trang "${sheet}", ô ${cell}: dòng này có số liệu nhưng chưa ghi tên lĩnh vực, nên không biết cộng vào dòng nào của tổng hợp. ` +
    `Ghi tên lĩnh vực vào ô ${cell} (hoặc xóa số liệu của dòng), rồi bấm "Tổng hợp" lại.`,
} as const;

/**
 * Each roll-up table of the summary as its sheet holds it: from the table's first cell (its
 * defined name, else the layout's) down to the row above its total row; the layout's rows
 * when no total row is found.
 */
function summaryTables(def: ReportDefinition, layout: WorkbookLayout, state: WorkbookState, sheets: SheetSnapshot[]): TableToAlign[] {
  return rollupFields(def).flatMap((f): TableToAlign[] => {
    if (f.kind !== "table") return [];
    const named = state.names[f.id] ? parseSheetRef(state.names[f.id]) : null;
    const { sheet: laid, input } = inputOf(layout, f.id);
    const sheetName = named?.sheet ?? actualSheetName(state, layout, laid.name) ?? laid.name;
    const snap = sheets.find((x) => x.name.toLowerCase() === sheetName.toLowerCase());
    if (!snap) return [];
    const start = parseRange((named?.ref ?? input.ref).replace(/\$/g, "")).start;
    const rowsName = state.names[tableRowsName(f.id)] ? parseSheetRef(state.names[tableRowsName(f.id)]) : null;
    const labelCol = rowsName ? parseRange(rowsName.ref.replace(/\$/g, "")).start.col : start.col - 1;
    const lastCol = start.col + f.table!.columns.length - 1;
    const at = bodyOnSheet(snap, f.id, start, lastCol, labelCol, f.table!.totalLabel);
    if (at) return [{ sheet: snap.name, at }];
    const rows = Array.from({ length: input.rows }, (_, r) => labelText(snap.cells[cellAddress({ row: start.row + r, col: labelCol })]));
    return [{ sheet: snap.name, at: { fieldId: f.id, first: start.row, last: start.row + rows.length - 1, labelCol, firstCol: start.col, lastCol, rows } }];
  });
}

/** Queues what makes one sheet's table have the summary's rows: rows inserted or deleted, then STT, labels (and a unit's figures) written. */
function queueAlignment(context: Excel.RequestContext, a: SheetAlignment): void {
  const ws = context.workbook.worksheets.getItem(a.sheet);
  if (a.count > 0) ws.getRange(`${a.at}:${a.at + a.count - 1}`).insert("Down");
  else if (a.count < 0) ws.getRange(`${a.at}:${a.at - a.count - 1}`).delete("Up");
  const from = parseCell(a.from);
  const to = cellAddress({ row: from.row + a.write.length - 1, col: from.col + a.write[0].length - 1 });
  ws.getRange(`${a.from}:${to}`).formulas = a.write;
}

/** Queues, at the end of the workbook, the (empty) sheet of the units expected to send when the kind has one and the workbook lacks it; its name, else null. */
function queueExpectedListSheet(context: Excel.RequestContext, state: WorkbookState, def: ReportDefinition, features: SheetFeatures): string | null {
  const list = def.units.expected;
  if (!list || state.sheets.some((s) => s.toLowerCase() === list.sheet.toLowerCase())) return null;
  const ws = context.workbook.worksheets.add(list.sheet);
  queueSheet(ws, expectedListLayout(list), { ...features, validation: false }); // names are free text
  return list.sheet;
}

/**
 * Queues the per-unit sheet (src/workbook/unit-results.ts, the CLI's layout): the old one, if
 * any, deleted and a new one added right after the end bookend, so that units removed or
 * renamed leave nothing behind. The headers are queued cell by cell (a fixed number), the units'
 * rows as one block of formulas and one style per column, whatever the number of units.
 * `units` are the unit sheets in their order once the sheets are moved; their tables have the
 * rows of `fitted` (the alignment queued before). Returns the sheet's name, or null.
 */
function queueUnitResultsSheet(
  context: Excel.RequestContext,
  state: WorkbookState,
  fitted: ReportDefinition,
  order: string[],
  units: { sheet: string; unitName: string }[],
  features: SheetFeatures,
): string | null {
  const spec = unitSpec(fitted);
  // the unit sheets as they will be: marker and name where the layout puts them (total rows found by the fitted layout)
  const snapshot: WorkbookSnapshot = {
    sheets: units.map((u) => ({ name: u.sheet, cells: { [spec.markerCell]: spec.marker, [spec.nameCell]: u.unitName } })),
    names: {},
  };
  const layout = unitResultsLayout(fitted, snapshot);
  if (!layout) return null;
  const old = state.sheets.find((s) => s.toLowerCase() === layout.name.toLowerCase());
  if (old) context.workbook.worksheets.getItem(old).delete();
  const rest = order.filter((s) => s !== old);
  const end = rest.findIndex((s) => s.toLowerCase() === BOOKEND_END.toLowerCase());
  const ws = context.workbook.worksheets.add(layout.name);
  ws.position = end >= 0 ? end + 1 : rest.length;
  const body = (c: LayoutCell) => parseCell(c.address).row >= UNIT_RESULTS_FIRST_ROW;
  queueSheet(ws, { ...layout, cells: layout.cells.filter((c) => !body(c)) }, { ...features, validation: false });
  const rows = layout.cells.filter(body);
  if (!rows.length) return layout.name;
  const width = layout.columns.length;
  const last = UNIT_RESULTS_FIRST_ROW + units.length - 1;
  const matrix: (string | number)[][] = units.map(() => Array.from({ length: width }, () => ""));
  for (const c of rows) {
    const { row, col } = parseCell(c.address);
    matrix[row - UNIT_RESULTS_FIRST_ROW][col - 1] = c.formula ?? (c.value === null ? "" : c.value);
  }
  // one style per column: every unit's row has the same
  for (const c of rows.filter((x) => parseCell(x.address).row === UNIT_RESULTS_FIRST_ROW)) {
    const col = parseCell(c.address).col;
    const range = ws.getRange(`${cellAddress({ row: UNIT_RESULTS_FIRST_ROW, col })}:${cellAddress({ row: last, col })}`);
    const { numFmt, border, ...style }: CellStyle = STYLES[c.style];
    applyStyle(range, style);
    if (numFmt) range.numberFormat = units.map(() => [numFmt]);
    if (border) {
      for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", ...(units.length > 1 ? (["InsideHorizontal"] as const) : [])] as const) {
        const b = range.format.borders.getItem(edge);
        b.style = "Continuous";
        b.color = "#BFBFBF";
      }
    }
  }
  ws.getRange(`A${UNIT_RESULTS_FIRST_ROW}:${cellAddress({ row: last, col: width })}`).formulas = matrix;
  return layout.name;
}

export async function rollupInExcel(host: ExcelHost, def: ReportDefinition, layout: WorkbookLayout, hooks: RollupHooks): Promise<RollupResult> {
  return host.run(async (context) => {
    const queued = queueState(context);
    await context.sync();
    const state = stateOf(queued);

    // second round trip: every sheet's unit block (its marker, a unit's table), and the summary sheets
    const spec = unitSpec(def);
    const blocks = state.sheets.map((name) => {
      const r = context.workbook.worksheets.getItem(name).getRange(spec.block);
      r.load("address,values,valueTypes,formulas");
      return { name, r };
    });
    const locateIn = (l: WorkbookLayout, fitted: ReportDefinition) => (fieldId: string) => {
      const named = state.names[fieldId] ? parseSheetRef(state.names[fieldId]) : null;
      if (named) return { sheet: named.sheet, cell: named.ref.replace(/\$/g, "").split(":")[0] };
      const f = summaryFormulas(fitted, l).find((x) => x.fieldId === fieldId)!;
      return { sheet: actualSheetName(state, layout, f.sheet) ?? f.sheet, cell: f.cell };
    };
    const summarySheets = [...new Set(summaryFormulas(def, layout, locateIn(layout, def)).map((t) => t.sheet))];
    const missing = summarySheets.filter((t) => !state.sheets.some((s) => s.toLowerCase() === t.toLowerCase()));
    if (missing.length) {
      throw new UserFacingError(`Thiếu trang tính "${missing[0]}" để ghi số tổng hợp. Bấm "Tạo mẫu" để tạo lại.`, "recreate");
    }
    const used = summarySheets.map((name) => {
      const r = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
      r.load("address,values,valueTypes,formulas");
      return { name, r };
    });
    await context.sync();

    const blockOf = new Map(blocks.map((b) => [b.name, sheetFromRange(b.name, b.r)] as const));
    const units = blocks.filter((b) => String(blockOf.get(b.name)!.cells[spec.markerCell] ?? "").trim() === spec.marker).map((b) => b.name);
    if (!units.length) {
      throw new NoUnitsError();
    }

    // the tables by lĩnh vực: the summary's rows with the units' lĩnh vực it lacks, on every sheet
    const summaries = used.map((u) => sheetFromRange(u.name, u.r));
    const ownTables = summaryTables(def, layout, state, summaries);
    const unitTables = units.flatMap((name): TableToAlign[] => {
      const snap = blockOf.get(name)!;
      const found = unitTablesOn(def, snap);
      const unitName = typeof snap.cells[spec.nameCell] === "string" ? String(snap.cells[spec.nameCell]).trim() : name;
      // a unit whose table moved (rows inserted above it) is left as it is: the cross-check names it
      return found ? Object.values(found).map((at) => ({ sheet: name, unitName: unitName || name, at, table: tableCells(snap, at) })) : [];
    });
    const alignment = alignmentPlan(def, ownTables, unitTables);
    if (!alignment.ok) {
      const p = alignment.problem;
      throw new UserFacingError(
        p.kind === "duplicate"
          ? ROLLUP_MESSAGES.duplicate(alignment.sheet, alignment.cell, p.label ?? "", p.firstRow ?? 0, p.row)
          : ROLLUP_MESSAGES.unlabeled(alignment.sheet, alignment.cell),
      );
    }
    const fitted = withTableRows(def, alignment.rows);
    const fittedLayout = fitted === def ? layout : buildLayout(fitted);
    const targets = summaryFormulas(fitted, fittedLayout, locateIn(fittedLayout, fitted));

    const blocked = [...new Set([...targets.map((t) => t.sheet), ...alignment.sheets.map((a) => a.sheet)])].filter((s) => state.protectedSheets.has(s));
    if (blocked.length) throw new UserFacingError(`Trang tính "${blocked[0]}" đang được bảo vệ. Bỏ bảo vệ rồi bấm "Tổng hợp" lại.`);

    // typed values in the summary cells, where they are before the rows are aligned
    const before = withTableRows(def, Object.fromEntries(ownTables.map((t) => [t.at.fieldId, t.at.rows])));
    const beforeLayout = before === def ? layout : buildLayout(before);
    const typed = summaryFormulas(before, beforeLayout, locateIn(beforeLayout, before)).flatMap((t) => {
      const snap = summaries.find((x) => x.name.toLowerCase() === t.sheet.toLowerCase());
      const f = snap?.formulas?.[t.cell];
      const v = snap?.cells[t.cell];
      const isOurs = typeof f === "string" && parseRollupFormula(f) !== null;
      return isOurs || v === undefined || v === null || v === ""
        ? []
        : [{ fieldId: t.fieldId, sheet: t.sheet, cell: t.cell, value: isErrorValue(v) ? v.error : v }];
    });
    const overwrite = typed.length ? await hooks.confirmOverwrite(typed) : true;
    const keep = new Set(overwrite ? [] : typed.map((t) => t.fieldId));

    // third: order the sheets, give every table the same rows, then write the formulas
    const order = queueBookends(context, state, def, layout);
    const target = plannedSheetOrder(order, new Set(units), anchorSheet(state, layout));
    const moves = positionChanges(order, target);
    for (const m of moves) context.workbook.worksheets.getItem(m.sheet).position = m.position;
    for (const a of alignment.sheets) queueAlignment(context, a);
    const written = targets.filter((t) => !keep.has(t.fieldId));
    for (const t of written) {
      const range = context.workbook.worksheets.getItem(t.sheet).getRange(t.cell);
      range.formulas = [[t.formula]];
      range.format.fill.color = STYLES.computed.fill; // computed now, no longer an input
    }
    // a workbook made before the list existed gets its (empty) list sheet, last, for the office to paste the names into
    const listAdded = queueExpectedListSheet(context, state, def, sheetFeatures(host));
    // the per-unit sheet, one row per unit in the order the sheets now have, by formula
    const unitNames = new Map(unitTables.map((t) => [t.sheet, t.unitName ?? t.sheet]));
    const nameOf = (sheet: string) => {
      const named = blockOf.get(sheet)!.cells[spec.nameCell];
      return unitNames.get(sheet) ?? ((typeof named === "string" && named.trim()) || sheet);
    };
    const ordered = target.filter((s) => units.includes(s)).map((sheet) => ({ sheet, unitName: nameOf(sheet) }));
    const unitResults = queueUnitResultsSheet(context, state, fitted, target, ordered, sheetFeatures(host));
    // in the same round trip, after the writes: what Excel computed, and the sheets it added up
    const crossRead = queueCrossCheckRead(context, fitted, target, [...new Set(targets.map((t) => t.sheet))]);
    await context.sync();
    return {
      units,
      written,
      kept: targets.filter((t) => keep.has(t.fieldId)).map(({ fieldId, sheet, cell }) => ({ fieldId, sheet, cell })),
      moved: moves.map((m) => m.sheet),
      addedRows: alignment.added,
      aligned: [...new Set(alignment.sheets.map((a) => a.sheet))],
      crossCheck: crossCheckRollup(fitted, crossRead()),
      listAdded,
      unitResults,
    };
  });
}
