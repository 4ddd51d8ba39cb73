/**
 * Unit workbooks and the roll-up of their files, the pure part (no Node, no ExcelJS, no
 * office.js):
 *
 * - what kind of workbook a snapshot is — a report workbook (the standard sheets, maybe
 *   with unit sheets: a rolled-up workbook), a unit workbook (unit sheets found by their
 *   marker, no standard sheet), or neither — and its check with the rules of that kind;
 * - the layout of a unit workbook: one unit sheet whose input cells carry the same
 *   workbook-level defined names as the summary cells they roll up into;
 * - the figures of each unit sheet of a unit workbook;
 * - the roll-up plan: which units of which files go in, under which sheet names, and why
 *   a file is left out (not a unit workbook, a duplicate unit, unreadable);
 * - the layout of the rolled-up workbook: the standard sheets, the bookends with the units
 *   between them, and the summary formulas.
 */
import { computedColumns, tableRowsName, tableValue } from "../report/definition";
import { cellAddress, parseRange, parseSheetRef } from "../report/refs";
import { BOOKEND_END, BOOKEND_START, unitSheetName } from "../report/rollup";
import type { FieldValue, Problem, ReportData, ReportDefinition } from "../report/types";
import { checkWorkbook, sortProblems, type WorkbookCheck } from "./check-workbook";
import { derivedDefinition, isBuiltIn, originOf } from "../report/kinds";
import { buildLayout, namesOf, type LayoutName, type WorkbookLayout } from "./layout";
import { KIND_SHEET, kindNameOf, kindSheetLayout } from "./kind-sheet";
import { alignUnitTables, labelCellOf, mergeUnitRows, rowLabelProblem, tableCells, type AddedRow, type RowLabelProblem, type UnitTable } from "./rollup-rows";
import { findSheet, type CellValue, type WorkbookSnapshot } from "./snapshot";
import { plannedUnitResults } from "./unit-results";
import { cleanUnitName, expectedListLayout, unitKey } from "./expected-list";

export { cleanUnitName, unitKey };
import {
  bookendSheetLayout,
  checkUnitSheets,
  evaluateFormulas,
  findUnitSheets,
  rollupFields,
  summaryFormulas,
  unitLayoutOf,
  unitSheetLayout,
  type UnitSheet,
} from "./units";

/* ------------------------------------------------------------------ kind and check */

export type WorkbookKind = "report" | "unit" | "none";

export type AnyWorkbookCheck =
  /** the standard sheets (maybe with unit sheets and summary formulas): the report's check */
  | { kind: "report"; check: WorkbookCheck; units: UnitSheet[] }
  /** unit sheets only: each unit checked with the rules of its fields */
  | { kind: "unit"; units: UnitSheet[]; problems: Problem[] }
  /** no field of the report and no unit sheet */
  | { kind: "none" };

/**
 * Checks a workbook with the rules of its kind. A workbook is a report workbook when a
 * field of the report is found on a sheet that is not a unit sheet (a unit workbook's
 * defined names point at its unit sheet, so they do not make it a report workbook).
 */
export function checkAnyWorkbook(def: ReportDefinition, layout: WorkbookLayout, snapshot: WorkbookSnapshot, options: { today?: Date } = {}): AnyWorkbookCheck {
  const units = findUnitSheets(snapshot, def);
  const unitSheets = new Set(units.map((u) => u.sheet.toLowerCase()));
  const check = checkWorkbook(def, layout, snapshot, options);
  const onStandardSheet = Object.values(check.locations).some((l) => !unitSheets.has(l.sheet.toLowerCase()));
  if (onStandardSheet) return { kind: "report", check, units };
  if (units.length) return { kind: "unit", units, problems: sortProblems(checkUnitSheets(def, evaluateFormulas(snapshot), options), layout, snapshot) };
  return { kind: "none" };
}

/* ------------------------------------------------------------------ a unit workbook */

export type UnitWorkbookLayout = { ok: true; layout: WorkbookLayout; sheet: string; unitName: string; renamed: boolean } | { ok: false; message: string };

/**
 * The layout of a unit workbook: one unit sheet (named by Excel's rules from the unit's
 * name) and, for each roll-up field, a workbook-level defined name on the unit's cell —
 * the same name, and the same cell, as the report's summary cell it rolls up into.
 */
export function unitWorkbookLayout(def: ReportDefinition, unitName: string): UnitWorkbookLayout {
  const name = cleanUnitName(unitName);
  const sheetName = unitSheetName(name, []);
  if (!sheetName.ok) return sheetName;
  const sheet = unitSheetLayout(def, sheetName.name, name);
  const names: LayoutName[] = [...namesOf(sheet), { name: kindNameOf(def.id), sheet: KIND_SHEET, ref: "$B$1" }];
  return {
    ok: true,
    layout: { sheets: [sheet, kindSheetLayout(originOf(def), !isBuiltIn(def))], names },
    sheet: sheet.name,
    unitName: name,
    renamed: sheetName.changed,
  };
}

export interface UnitFigures {
  /** the unit sheet's name in its workbook */
  sheet: string;
  /** the unit's full name (F2 of its sheet, or the sheet's name) */
  unitName: string;
  /** the figure of each roll-up count, by field id, as the cell holds it (null when blank) */
  values: Record<string, CellValue>;
  /** each roll-up table: its row labels and its cells as they hold them (null when blank) */
  tables?: Record<string, UnitTable>;
}

export type { UnitTable } from "./rollup-rows";

/**
 * The figures of each unit sheet of a snapshot. A table is read between its header and its
 * total row (rows inserted inside it are read). Otherwise a field's cell is the one its
 * defined name points at when that name points into this unit sheet (the unit may have
 * inserted rows above it), else the unit layout's cell.
 */
export function unitFiguresOf(def: ReportDefinition, snapshot: WorkbookSnapshot): UnitFigures[] {
  return findUnitSheets(snapshot, def).map((u) => {
    const sheet = findSheet(snapshot, u.sheet)!;
    const { layout, tables: onSheet } = unitLayoutOf(def, sheet, u.unitName);
    const values: Record<string, CellValue> = {};
    const tables: Record<string, UnitTable> = {};
    const inThisSheet = (name: string) => {
      const named = snapshot.names[name] ? parseSheetRef(snapshot.names[name]) : null;
      return named && named.sheet.toLowerCase() === u.sheet.toLowerCase() ? named.ref.replace(/\$/g, "") : null;
    };
    for (const input of layout.inputs) {
      const ref = inThisSheet(input.fieldId) ?? input.ref;
      if (input.kind !== "table") {
        values[input.fieldId] = sheet.cells[ref.split(":")[0]] ?? null;
        continue;
      }
      // a table: its rows between its header and its total row, wherever the unit inserted rows
      if (onSheet?.[input.fieldId]) {
        tables[input.fieldId] = tableCells(sheet, onSheet[input.fieldId]);
        continue;
      }
      // a sheet whose table moved: its body through its name, labels in the column left of it
      const { start, end } = parseRange(ref);
      const labelCol = inThisSheet(tableRowsName(input.fieldId)) ? parseRange(inThisSheet(tableRowsName(input.fieldId))!).start.col : start.col - 1;
      const table: UnitTable = { rows: [], cells: [] };
      for (let row = start.row; row <= end.row; row++) {
        const label = sheet.cells[cellAddress({ row, col: labelCol })];
        table.rows.push(typeof label === "string" ? label.trim() : typeof label === "number" ? String(label) : "");
        const cells: CellValue[] = [];
        for (let col = start.col; col <= end.col; col++) cells.push(sheet.cells[cellAddress({ row, col })] ?? null);
        table.cells.push(cells);
      }
      // trailing rows without a label or a figure (a computed cell's 0 is not a figure) are dropped
      const computed = computedColumns(def.fields.find((f) => f.id === input.fieldId)!.table!);
      while (
        table.rows.length &&
        table.rows[table.rows.length - 1] === "" &&
        table.cells[table.cells.length - 1].every((v, c) => v === null || v === "" || computed.has(c))
      ) {
        table.rows.pop();
        table.cells.pop();
      }
      tables[input.fieldId] = table;
    }
    return { sheet: u.sheet, unitName: cleanUnitName(u.unitName), values, ...(Object.keys(tables).length ? { tables } : {}) };
  });
}

/* ------------------------------------------------------------------ the roll-up plan */

/** What was found in one input file of a roll-up. */
export type RollupSource =
  | { file: string; kind: "unit"; units: UnitFigures[] }
  | { file: string; kind: "report" }
  /** no unit sheet of the roll-up's kind: none carries `marker` in `cell` */
  | { file: string; kind: "none"; marker?: string; cell?: string }
  /** a workbook of another report kind (`found`, `expected`: the kinds' titles) */
  | { file: string; kind: "otherKind"; found: string; expected: string }
  /** the file could not be read; `message` says why (already in Vietnamese) */
  | { file: string; kind: "unreadable"; message: string };

export type RollupRejection =
  | { file: string; reason: "unreadable"; message: string }
  | { file: string; reason: "report" }
  | { file: string; reason: "none"; marker?: string; cell?: string }
  | { file: string; reason: "otherKind"; found: string; expected: string }
  | { file: string; reason: "duplicate"; unitName: string; firstFile: string }
  | { file: string; reason: "badName"; unitName: string; message: string }
  /** a table row whose figures have no row to go to: a lĩnh vực written twice, or figures without a lĩnh vực */
  | ({ file: string; reason: "rows"; unitName: string; sheet: string; table: string; cell?: string } & RowLabelProblem);

export interface PlannedUnit {
  file: string;
  unitName: string;
  /** the unit's sheet in the rolled-up workbook */
  sheet: string;
  /** the sheet name differs from the unit's name (cut to 31 characters, characters removed, suffix) */
  renamed: boolean;
  values: Record<string, CellValue>;
  /** each table in the summary's rows (with a definition), each figure in the row of its lĩnh vực */
  tables?: Record<string, UnitTable>;
}

export interface RollupPlan {
  units: PlannedUnit[];
  /** files, or units of a file, left out; a file is listed once per unit it loses */
  rejected: RollupRejection[];
  /** each roll-up table's rows in the summary: its own, with the units' lĩnh vực it lacked (with a definition) */
  rows: Record<string, string[]>;
  /** the lĩnh vực added to the summary's tables, in order, each with the unit that first had it */
  added: AddedRow[];
}

/**
 * Which units go into the roll-up, in the order of the files: each unit sheet of each unit
 * workbook, under a sheet name unique (ignoring case) among `reservedSheets` and the units
 * before it. A unit whose name (ignoring case and spacing) was already taken by an earlier
 * file is a duplicate and left out, like files that are not unit workbooks or unreadable.
 *
 * With `summary` (the kind, and the summary's own rows: the base's; the definition's when
 * none), tables are matched by lĩnh vực: the units' lĩnh vực the summary lacks are added to
 * its rows, and each unit's table is put into those rows (0 where the unit has none). A unit
 * whose table has a lĩnh vực twice, or figures without a lĩnh vực, is left out.
 */
export function planRollup(
  sources: RollupSource[],
  reservedSheets: string[],
  summary?: { def: ReportDefinition; rows?: Record<string, string[]> },
): RollupPlan {
  const taken = [...reservedSheets, BOOKEND_START, BOOKEND_END];
  const seen = new Map<string, string>();
  const plan: RollupPlan = { units: [], rejected: [], rows: {}, added: [] };
  for (const source of sources) {
    if (source.kind === "unreadable") plan.rejected.push({ file: source.file, reason: "unreadable", message: source.message });
    else if (source.kind === "report") plan.rejected.push({ file: source.file, reason: "report" });
    else if (source.kind === "none") plan.rejected.push({ file: source.file, reason: "none", marker: source.marker, cell: source.cell });
    else if (source.kind === "otherKind") plan.rejected.push({ file: source.file, reason: "otherKind", found: source.found, expected: source.expected });
    else {
      for (const u of source.units) {
        const key = unitKey(u.unitName);
        const first = seen.get(key);
        if (first !== undefined) {
          plan.rejected.push({ file: source.file, reason: "duplicate", unitName: u.unitName, firstFile: first });
          continue;
        }
        const bad = summary ? unmatchableRow(summary.def, u) : null;
        if (bad) {
          plan.rejected.push({ file: source.file, reason: "rows", unitName: u.unitName, sheet: u.sheet, ...bad });
          continue;
        }
        const name = unitSheetName(u.unitName, taken);
        if (!name.ok) {
          plan.rejected.push({ file: source.file, reason: "badName", unitName: u.unitName, message: name.message });
          continue;
        }
        seen.set(key, source.file);
        taken.push(name.name);
        plan.units.push({ file: source.file, unitName: u.unitName, sheet: name.name, renamed: name.changed, values: u.values, tables: u.tables });
      }
    }
  }
  if (summary) {
    const merged = mergeUnitRows(summary.def, summary.rows ?? {}, plan.units);
    plan.rows = merged.rows;
    plan.added = merged.added;
    plan.units = plan.units.map((u) => (u.tables ? { ...u, tables: alignUnitTables(summary.def, u.tables, merged.rows) } : u));
  }
  return plan;
}

/** The first row of a unit's tables whose figures cannot be put in the row of their lĩnh vực, with the table's label and the cell. */
function unmatchableRow(def: ReportDefinition, unit: Pick<UnitFigures, "tables">): ({ table: string; cell?: string } & RowLabelProblem) | null {
  for (const [id, t] of Object.entries(unit.tables ?? {})) {
    const f = def.fields.find((x) => x.id === id);
    const problem = rowLabelProblem(t, f?.table ? computedColumns(f.table) : new Set());
    if (problem) {
      const cell = labelCellOf(t, problem.row);
      return { table: f?.label ?? id, ...(cell ? { cell } : {}), ...problem };
    }
  }
  return null;
}

/* ------------------------------------------------------------------ the rolled-up workbook */

/**
 * A definition whose lists have room for the given data's lines (a base workbook whose
 * user inserted rows inside a list has more lines than the standard rows).
 */
export function definitionFitting(def: ReportDefinition, data: ReportData): ReportDefinition {
  const lengthOf = (v: FieldValue | undefined) => (Array.isArray(v) ? v.filter((s) => s.trim() !== "").length : 0);
  const longer = (f: ReportDefinition["fields"][number]) => f.kind === "lines" && lengthOf(data.values[f.id]) > (f.rows ?? 1);
  // a table takes the data's rows (the office's own list of lĩnh vực), blank trailing rows left out
  const rowsOf = (id: string) => {
    const rows = [...tableValue(data, id).rows];
    while (rows.length && rows[rows.length - 1].trim() === "") rows.pop();
    return rows;
  };
  const otherRows = (f: ReportDefinition["fields"][number]) =>
    f.kind === "table" && data.values[f.id] !== undefined && rowsOf(f.id).length > 0 && rowsOf(f.id).join("\n") !== f.table!.rows.join("\n");
  if (!def.fields.some((f) => longer(f) || otherRows(f))) return def;
  const fields = def.fields.map((f) => {
    if (longer(f)) return { ...f, rows: lengthOf(data.values[f.id]) };
    if (otherRows(f)) return { ...f, table: { ...f.table!, rows: rowsOf(f.id) } };
    return f;
  });
  return derivedDefinition(def, { ...def, fields });
}

export interface RolledUpWorkbook {
  /** the definition the layout was made from (lists possibly longer than the standard ones) */
  def: ReportDefinition;
  /** standard sheets, bookends with the units between them; the standard defined names */
  layout: WorkbookLayout;
  /** the base's header and texts, for the standard sheets (roll-up fields left blank) */
  data: ReportData;
  /** each unit's figures, by sheet and cell */
  values: { sheet: string; address: string; value: CellValue }[];
  /** the summary formulas of the report's section I */
  formulas: { fieldId: string; sheet: string; cell: string; formula: string }[];
}

/**
 * The rolled-up workbook: the standard sheets (with the base's header and text sections
 * when given), then the bookends with one unit sheet per unit between them, and in the
 * report's own section I cells the formulas that add the same cell over the units. The list of
 * units expected to send (`base.expectedUnits.expected`, the base's or the roll-up's) fills its sheet.
 */
export function rolledUpWorkbook(
  def: ReportDefinition,
  units: { sheet: string; unitName: string; values: Record<string, CellValue>; tables?: Record<string, UnitTable> }[],
  base?: ReportData,
): RolledUpWorkbook {
  const rolled = new Set(rollupFields(def).map((f) => f.id));
  const data: ReportData = { values: {} };
  for (const [id, v] of Object.entries(base?.values ?? {})) if (!rolled.has(id)) data.values[id] = v;
  // a table keeps its rows (the base's, else the definition's) with the units' lĩnh vực it lacks,
  // and gets its figures from the formulas; every unit's table is put into those rows
  const baseRows = Object.fromEntries([...rolled].filter((id) => base?.values[id] !== undefined).map((id) => [id, tableValue(base!, id).rows]));
  const { rows } = mergeUnitRows(def, baseRows, units);
  for (const [id, r] of Object.entries(rows)) data.values[id] = { rows: r, cells: [] };
  const aligned = units.map((u) => (u.tables ? { ...u, tables: alignUnitTables(def, u.tables, rows) } : u));
  const fitted = definitionFitting(def, data);
  const standard = buildLayout(fitted);
  const unitLayouts = aligned.map((u) => unitSheetLayout(fitted, u.sheet, u.unitName));
  const values = aligned.flatMap((u, i) =>
    unitLayouts[i].inputs.flatMap((input) => {
      if (input.kind === "table") {
        const t = u.tables?.[input.fieldId];
        if (!t) return [];
        const { start } = parseRange(input.ref);
        const labels = input.labels ? parseRange(input.labels).start.col : start.col - 1;
        const computed = computedColumns(fitted.fields.find((f) => f.id === input.fieldId)!.table!); // the unit computes them
        return t.rows.flatMap((label, r) => [
          ...(label ? [{ sheet: u.sheet, address: cellAddress({ row: start.row + r, col: labels }), value: label as CellValue }] : []),
          ...t.cells[r].flatMap((v, c) =>
            v === null || v === undefined || v === "" || computed.has(c)
              ? []
              : [{ sheet: u.sheet, address: cellAddress({ row: start.row + r, col: start.col + c }), value: v }],
          ),
        ]);
      }
      const v = u.values[input.fieldId];
      return v === null || v === undefined || v === "" ? [] : [{ sheet: u.sheet, address: input.first, value: v }];
    }),
  );
  // the list of units expected to send, the base's (or the one given to the roll-up), on its sheet
  const list = fitted.units.expected;
  const sheets = standard.sheets.map((s) => (list && s.name === list.sheet && base?.expectedUnits ? expectedListLayout(list, base.expectedUnits.expected) : s));
  const layout: WorkbookLayout = {
    sheets: [...sheets, bookendSheetLayout("start", fitted), ...unitLayouts, bookendSheetLayout("end", fitted)],
    names: standard.names,
  };
  // after the units, the sheet of each unit's results (src/workbook/unit-results.ts), when the kind declares one
  const results = plannedUnitResults(fitted, layout, values);
  if (results) layout.sheets.push(results);
  return { def: fitted, layout, data, values, formulas: summaryFormulas(fitted, standard) };
}
